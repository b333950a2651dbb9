using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

/// <summary>审核销号 with the effect evaluation (成效评估) and the results counted for the office's figures.</summary>
public sealed record ApproveClose(
    Guid TaskId, int? EffectScore, string? Method, int? SatisfactionPercent, string? Note,
    int? InstitutionsBuilt = null, int? PeoplePunished = null, int? PeopleOrganisational = null, int? PeopleAdmonished = null);

/// <summary>The moves after the work: 申请销号 (owners), 审核销号 / 退回 / 回头看 (offices).</summary>
public sealed class ReviewRectificationHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public Task Apply(Guid taskId, string? note, UserScope user, CancellationToken ct = default) =>
        Move(taskId, user, RectificationAccess.Reporters, RectificationTexts.ReportAction, async (db, task, now) =>
        {
            var reports = await db.ProgressReports.CountAsync(p => p.TaskId == task.Id, ct);
            task.Status = RectificationFlow.Next(task.Status, RectificationAction.Apply, progressReports: reports);
            return ("apply", string.IsNullOrWhiteSpace(note) ? "整改已完成，申请销号" : note.Trim());
        }, ct);

    public Task Approve(ApproveClose cmd, UserScope user, CancellationToken ct = default) =>
        Move(cmd.TaskId, user, RectificationAccess.Offices, RectificationTexts.ManageAction, async (db, task, now) =>
        {
            var complete = cmd.EffectScore is not null && !string.IsNullOrWhiteSpace(cmd.Method) && cmd.SatisfactionPercent is not null;
            var next = RectificationFlow.Next(task.Status, RectificationAction.Approve, hasEvaluation: complete);
            var errors = new ValidationErrors();
            if (cmd.EffectScore is < 0 or > 100)
            {
                errors.Add("effectScore", "评估得分须在 0 到 100 分之间。");
            }

            if (cmd.SatisfactionPercent is < 0 or > 100)
            {
                errors.Add("satisfactionPercent", "群众满意度须在 0% 到 100% 之间。");
            }

            if (cmd.Method!.Trim().Length > 50)
            {
                errors.Add("method", "评估方式不能超过 50 个字。");
            }

            if (new[] { cmd.InstitutionsBuilt, cmd.PeoplePunished, cmd.PeopleOrganisational, cmd.PeopleAdmonished }.Any(n => n is < 0 or > 10_000))
            {
                errors.Add("counts", "建章立制和处理人数须为 0 到 10000 之间的整数。");
            }

            errors.ThrowIfAny();
            task.Status = next;
            task.EffectScore = cmd.EffectScore;
            task.EvaluationMethod = cmd.Method.Trim();
            task.SatisfactionPercent = cmd.SatisfactionPercent;
            task.EvaluationNote = cmd.Note?.Trim() ?? "";
            task.InstitutionsBuilt = cmd.InstitutionsBuilt ?? task.InstitutionsBuilt;
            task.PeoplePunished = cmd.PeoplePunished ?? task.PeoplePunished;
            task.PeopleOrganisational = cmd.PeopleOrganisational ?? task.PeopleOrganisational;
            task.PeopleAdmonished = cmd.PeopleAdmonished ?? task.PeopleAdmonished;
            task.ClosedAt = now;
            task.OverdueSince = null;
            var others = await db.RectificationTasks.AnyAsync(t => t.FindingId == task.FindingId && t.Id != task.Id && t.Status != RectificationStatus.Closed, ct);
            if (!others)
            {
                (await db.Findings.SingleAsync(f => f.Id == task.FindingId, ct)).Status = FindingStatus.Closed;
            }

            return ("approve", $"成效评估 {cmd.EffectScore} 分（{task.EvaluationMethod}），群众满意度 {cmd.SatisfactionPercent}%"
                + (task.EvaluationNote.Length > 0 ? $"；{task.EvaluationNote}" : ""));
        }, ct);

    public Task Return(Guid taskId, string? reason, UserScope user, CancellationToken ct = default) =>
        Move(taskId, user, RectificationAccess.Offices, RectificationTexts.ManageAction, (db, task, now) =>
        {
            task.Status = RectificationFlow.Next(task.Status, RectificationAction.Return, reason: reason);
            return Task.FromResult(("return", reason!.Trim()));
        }, ct);

    /// <summary>回头看: a closed task goes back to 整改中, keeping its history; a new deadline may be set.</summary>
    public Task Reopen(Guid taskId, string? reason, DateOnly? newDeadline, UserScope user, CancellationToken ct = default) =>
        Move(taskId, user, RectificationAccess.Offices, RectificationTexts.ManageAction, async (db, task, now) =>
        {
            task.Status = RectificationFlow.Next(task.Status, RectificationAction.Reopen, reason: reason);
            var today = SavePersonHandler.ChinaToday(clock);
            if (newDeadline is { } d)
            {
                if (d < today)
                {
                    throw new ValidationException("deadline", $"新的整改期限不能早于今天（{today:yyyy-MM-dd}）。");
                }

                task.Deadline = d;
                task.EscalationLevel = 0;
            }

            task.ClosedAt = null;
            task.ReopenCount++;
            var finding = await db.Findings.SingleAsync(f => f.Id == task.FindingId, ct);
            finding.Status = FindingStatus.Rectifying;
            return ("reopen", reason!.Trim() + (newDeadline is { } nd ? $"（新的整改期限 {nd:yyyy-MM-dd}）" : ""));
        }, ct);

    private async Task Move(
        Guid taskId, UserScope user, IReadOnlySet<string> roles, string action,
        Func<XunchaDbContext, RectificationTask, DateTimeOffset, Task<(string Kind, string Note)>> change, CancellationToken ct)
    {
        user.EnsureRole(roles, action);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await RectificationAccess.Load(db, taskId, user, ct);
        var from = task.Status;
        var now = clock.GetUtcNow();
        var (kind, note) = await change(db, task, now);
        db.TaskEvents.Add(RectificationAccess.Event(task.Id, kind, from, task.Status, note.Length > 2000 ? note[..2000] : note, user, now));
        await db.SaveChangesAsync(ct);
    }
}
