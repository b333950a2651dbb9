using Xuncha.Core.Security;

namespace Xuncha.Core.Domain.Rectification;

public enum RectificationAction
{
    /// <summary>开始整改 (also implied by the first progress report).</summary>
    Start,

    /// <summary>报告进展.</summary>
    Report,

    /// <summary>申请销号.</summary>
    Apply,

    /// <summary>审核通过，销号.</summary>
    Approve,

    /// <summary>审核退回.</summary>
    Return,

    /// <summary>回头看：重新打开已销号的任务.</summary>
    Reopen,
}

/// <summary>
/// The one place that decides which move a task may make (workflow.md step 12–13):
/// 待整改 → 整改中 → 申请销号 → 已销号, 申请销号 → 整改中 when returned, 已销号 → 整改中 on 回头看.
/// Pure: it reads the facts it needs and throws <see cref="ValidationException"/> in Chinese.
/// </summary>
public static class RectificationFlow
{
    public static string Name(RectificationStatus s) => s switch
    {
        RectificationStatus.Pending => "待整改",
        RectificationStatus.InProgress => "整改中",
        RectificationStatus.AwaitingClose => "申请销号",
        _ => "已销号",
    };

    public static string Name(RectificationAction a) => a switch
    {
        RectificationAction.Start => "开始整改",
        RectificationAction.Report => "报告进展",
        RectificationAction.Apply => "申请销号",
        RectificationAction.Approve => "审核销号",
        RectificationAction.Return => "退回整改",
        _ => "回头看",
    };

    /// <param name="progressReports">Progress reports the task already has.</param>
    /// <param name="hasEvaluation">Whether the effect evaluation (score, method, satisfaction) is filled in.</param>
    /// <param name="reason">The reason given, where the move needs one (退回, 回头看).</param>
    public static RectificationStatus Next(RectificationStatus from, RectificationAction action, int progressReports = 0, bool hasEvaluation = false, string? reason = null)
    {
        var to = (from, action) switch
        {
            (RectificationStatus.Pending, RectificationAction.Start or RectificationAction.Report) => RectificationStatus.InProgress,
            (RectificationStatus.InProgress, RectificationAction.Report) => RectificationStatus.InProgress,
            (RectificationStatus.InProgress, RectificationAction.Apply) => RectificationStatus.AwaitingClose,
            (RectificationStatus.AwaitingClose, RectificationAction.Approve) => RectificationStatus.Closed,
            (RectificationStatus.AwaitingClose, RectificationAction.Return) => RectificationStatus.InProgress,
            (RectificationStatus.Closed, RectificationAction.Reopen) => RectificationStatus.InProgress,
            _ => (RectificationStatus?)null,
        } ?? throw new ValidationException("status", Refusal(from, action));

        if (action == RectificationAction.Apply && progressReports == 0)
        {
            throw new ValidationException("status", "申请销号前请至少报告一次整改进展并上传佐证材料。");
        }

        if (action == RectificationAction.Approve && !hasEvaluation)
        {
            throw new ValidationException("evaluation", "销号前须完成整改成效评估：请填写评估得分、评估方式和群众满意度。");
        }

        if (action is RectificationAction.Return or RectificationAction.Reopen && string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationException("reason", action == RectificationAction.Return ? "请填写退回理由。" : "请填写回头看发现的情况（重新打开的理由）。");
        }

        return to;
    }

    private static string Refusal(RectificationStatus from, RectificationAction action) => (from, action) switch
    {
        (RectificationStatus.Closed, _) => $"该任务已销号，不能{Name(action)}；如需复查，请使用「回头看」重新打开。",
        (RectificationStatus.AwaitingClose, RectificationAction.Report or RectificationAction.Apply) => "该任务已申请销号，正在等待巡察办审核，暂不能报告进展或再次申请。",
        (_, RectificationAction.Approve or RectificationAction.Return) => $"该任务当前状态为「{Name(from)}」，只有「申请销号」的任务才能审核。",
        (_, RectificationAction.Reopen) => $"该任务当前状态为「{Name(from)}」，只有已销号的任务才能回头看。",
        (RectificationStatus.Pending, RectificationAction.Apply) => "该任务尚未开始整改，请先报告整改进展后再申请销号。",
        _ => $"该任务当前状态为「{Name(from)}」，不能{Name(action)}。",
    };
}
