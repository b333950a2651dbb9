using Xuncha.Core.Domain.Rectification;

namespace Xuncha.Core.Features.Rectification;

/// <summary>The rectification area's user-facing text.</summary>
public static class RectificationTexts
{
    public const string ViewAction = "查看整改任务";
    public const string ManageAction = "生成、修改或审核整改任务";
    public const string ReportAction = "报告整改进展或申请销号";
    public const string NotFound = "找不到该整改任务。";

    public static readonly IReadOnlyList<string> EvaluationMethods = ["实地核查", "群众测评", "资料审核", "座谈走访"];

    public static string StatusName(RectificationStatus s) => RectificationFlow.Name(s);

    public static string EventName(string kind) => kind switch
    {
        "created" => "生成整改任务",
        "edited" => "修改整改任务",
        "progress" => "报告进展",
        "apply" => "申请销号",
        "approve" => "审核通过，销号",
        "return" => "审核退回",
        "reopen" => "回头看，重新打开",
        "overdue" => "逾期",
        "escalation" => "逾期升级督办",
        "overdue-cleared" => "解除逾期",
        _ => kind,
    };

    public static string OverdueLabel(int days) => $"逾期 {days} 天";
}
