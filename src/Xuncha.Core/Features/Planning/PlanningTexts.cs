using Xuncha.Core.Domain.Planning;

namespace Xuncha.Core.Features.Planning;

/// <summary>The Chinese of plans, rounds and risk targeting, in one place.</summary>
public static class PlanningTexts
{
    public const string RankAction = "查看风险排序";
    public const string PlanAction = "编制巡察计划";
    public const string ApproveAction = "审批巡察计划";
    public const string RoundAction = "安排巡察轮次";
    public const string ViewAction = "查看巡察计划和轮次";
    public const string BadYear = "年度应在 2000 至 2100 之间。";
    public const string BadRegion = "区划代码应为 4、6、9 或 12 位数字。";

    public static string UnknownRegion(string code) => $"找不到区划「{code}」。";

    public static string LeadCounts(int high, int medium, int low) =>
        string.Join("，", new[] { (high, "高"), (medium, "中"), (low, "低") }.Where(x => x.Item1 > 0).Select(x => $"{x.Item2} {x.Item1} 条"));

    public static string TypeName(RoundType type) => type switch
    {
        RoundType.Regular => "常规巡察",
        RoundType.Elevated => "提级巡察",
        RoundType.Linked => "联动巡察",
        RoundType.Cross => "交叉巡察",
        RoundType.Mobile => "机动巡察",
        RoundType.LookBack => "巡察\"回头看\"",
        _ => type.ToString(),
    };

    public static string StatusName(RoundStatus status) => status switch
    {
        RoundStatus.Preparing => "筹备中",
        RoundStatus.InProgress => "进行中",
        RoundStatus.Finished => "已结束",
        _ => status.ToString(),
    };

    public static string StatusName(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "草稿",
        PlanStatus.Submitted => "待审批",
        PlanStatus.Approved => "已批准",
        PlanStatus.Returned => "已退回",
        _ => status.ToString(),
    };

    public static string AreaName(Round round) => round.Type switch
    {
        RoundType.Elevated => "被提级巡察的乡镇",
        RoundType.Linked => "所联动的乡镇",
        _ => "组织地区",
    };

    public static readonly IReadOnlyList<string> DefaultFocusAreas = ["基层党组织软弱涣散", "重点工作推进不力", "信访举报易发多发"];
}
