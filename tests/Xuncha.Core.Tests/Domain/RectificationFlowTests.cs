using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Security;
using S = Xuncha.Core.Domain.Rectification.RectificationStatus;
using A = Xuncha.Core.Domain.Rectification.RectificationAction;

namespace Xuncha.Core.Tests.Domain;

public sealed class RectificationFlowTests
{
    [Theory]
    [InlineData(S.Pending, A.Start, S.InProgress)]
    [InlineData(S.Pending, A.Report, S.InProgress)]
    [InlineData(S.InProgress, A.Report, S.InProgress)]
    [InlineData(S.InProgress, A.Apply, S.AwaitingClose)]
    [InlineData(S.AwaitingClose, A.Approve, S.Closed)]
    [InlineData(S.AwaitingClose, A.Return, S.InProgress)]
    [InlineData(S.Closed, A.Reopen, S.InProgress)]
    public void Next_LegalMove_GoesToTheExpectedState(S from, A action, S expected) =>
        Assert.Equal(expected, RectificationFlow.Next(from, action, progressReports: 1, hasEvaluation: true, reason: "理由"));

    [Theory]
    [InlineData(S.Pending, A.Apply, "尚未开始整改")]
    [InlineData(S.Pending, A.Approve, "只有「申请销号」的任务才能审核")]
    [InlineData(S.InProgress, A.Return, "只有「申请销号」的任务才能审核")]
    [InlineData(S.InProgress, A.Reopen, "只有已销号的任务才能回头看")]
    [InlineData(S.AwaitingClose, A.Report, "正在等待巡察办审核")]
    [InlineData(S.AwaitingClose, A.Apply, "正在等待巡察办审核")]
    [InlineData(S.Closed, A.Report, "该任务已销号，不能报告进展")]
    [InlineData(S.Closed, A.Approve, "该任务已销号，不能审核销号")]
    [InlineData(S.Closed, A.Apply, "请使用「回头看」重新打开")]
    public void Next_IllegalMove_IsRefusedInChinese(S from, A action, string message)
    {
        var ex = Assert.Throws<ValidationException>(() => RectificationFlow.Next(from, action, progressReports: 1, hasEvaluation: true, reason: "理由"));
        Assert.Contains(message, ex.Message);
        Assert.Equal("status", Assert.Single(ex.Errors).Key);
    }

    [Fact]
    public void Apply_WithoutProgressReport_IsRefused()
    {
        var ex = Assert.Throws<ValidationException>(() => RectificationFlow.Next(S.InProgress, A.Apply, progressReports: 0));
        Assert.Equal("申请销号前请至少报告一次整改进展并上传佐证材料。", ex.Message);
    }

    [Fact]
    public void Approve_WithoutEvaluation_IsRefused()
    {
        var ex = Assert.Throws<ValidationException>(() => RectificationFlow.Next(S.AwaitingClose, A.Approve, hasEvaluation: false));
        Assert.Equal("evaluation", Assert.Single(ex.Errors).Key);
        Assert.Contains("成效评估", ex.Message);
    }

    [Theory]
    [InlineData(S.AwaitingClose, A.Return, "请填写退回理由。")]
    [InlineData(S.Closed, A.Reopen, "请填写回头看发现的情况（重新打开的理由）。")]
    public void ReturnAndReopen_WithoutReason_AreRefused(S from, A action, string message)
    {
        var ex = Assert.Throws<ValidationException>(() => RectificationFlow.Next(from, action, reason: "  "));
        Assert.Equal(message, ex.Message);
    }
}
