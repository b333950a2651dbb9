using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

public sealed record OwnerRow(string Kind, string KindName, string Responsibility, string UnitName);

public sealed record ProgressEvidenceRow(Guid Id, string FileName, string ContentType, long Size, bool Previewable);

public sealed record ProgressRow(Guid Id, DateOnly Date, string Text, string ReportedBy, DateTimeOffset ReportedAt, IReadOnlyList<ProgressEvidenceRow> Evidence);

public sealed record TaskEventRow(string Kind, string KindName, string? FromName, string? ToName, string Note, string ByName, DateTimeOffset At);

public sealed record Evaluation(int? EffectScore, string? Method, int? SatisfactionPercent, string Note);

public sealed record RectificationDetail(
    RectificationRow Row, string Measures, IReadOnlyList<OwnerRow> Owners, IReadOnlyList<ProgressRow> Progress, IReadOnlyList<TaskEventRow> Events,
    Evaluation Evaluation, DateOnly? OverdueSince, DateTimeOffset? ClosedAt, int InstitutionsBuilt, int PeoplePunished, int PeopleOrganisational,
    int PeopleAdmonished, IReadOnlyList<RectificationAction> Actions);

public sealed class GetRectificationTaskHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RectificationSettings> settings, TimeProvider clock)
{
    public async Task<RectificationDetail> Handle(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Readers, RectificationTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await RectificationAccess.Load(db, id, user, ct);
        var s = settings.Value;
        var row = (await ListRectificationTasksHandler.Rows(db, db.RectificationTasks.AsNoTracking().Where(x => x.Id == id), s, SavePersonHandler.ChinaToday(clock), ct)).Single();
        var owners = t.Owners.Select(o => (o, k: s.EffectiveOwnerKinds.FirstOrDefault(k => k.Key == o.Kind)))
            .OrderBy(x => x.k is null ? 99 : s.EffectiveOwnerKinds.ToList().IndexOf(x.k))
            .Select(x => new OwnerRow(x.o.Kind, x.k?.Name ?? x.o.Kind, x.k?.Responsibility ?? "", x.o.UnitName)).ToList();
        var evidence = (await db.ProgressEvidence.AsNoTracking().Where(e => e.TaskId == id).ToListAsync(ct)).ToLookup(e => e.ReportId);
        var progress = (await db.ProgressReports.AsNoTracking().Where(p => p.TaskId == id).ToListAsync(ct))
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.ReportedAt)
            .Select(p => new ProgressRow(p.Id, p.Date, p.Text, p.ReportedByName, p.ReportedAt,
                evidence[p.Id].OrderBy(e => e.FileName).Select(e => new ProgressEvidenceRow(e.Id, e.FileName, e.ContentType, e.Size, EvidenceRules.Previewable(e.ContentType))).ToList()))
            .ToList();
        var events = await Events(db, id, ct);
        return new RectificationDetail(row, t.Measures, owners, progress, events, new Evaluation(t.EffectScore, t.EvaluationMethod, t.SatisfactionPercent, t.EvaluationNote),
            t.OverdueSince, t.ClosedAt, t.InstitutionsBuilt, t.PeoplePunished, t.PeopleOrganisational, t.PeopleAdmonished, Actions(t.Status, user));
    }

    public async Task<IReadOnlyList<TaskEventRow>> History(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Readers, RectificationTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RectificationAccess.Load(db, id, user, ct);
        return await Events(db, id, ct);
    }

    private static async Task<List<TaskEventRow>> Events(XunchaDbContext db, Guid id, CancellationToken ct) =>
        (await db.TaskEvents.AsNoTracking().Where(e => e.TaskId == id).ToListAsync(ct))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TaskEventRow(e.Kind, RectificationTexts.EventName(e.Kind), e.From is { } f ? RectificationTexts.StatusName(f) : null,
                e.To is { } to ? RectificationTexts.StatusName(to) : null, e.Note, e.ByName, e.At)).ToList();

    /// <summary>The moves this user may make now, so pages show only the buttons that will work.</summary>
    public static IReadOnlyList<RectificationAction> Actions(RectificationStatus status, UserScope user)
    {
        var office = user.IsInAnyRole(RectificationAccess.Offices);
        var reporter = user.IsInAnyRole(RectificationAccess.Reporters);
        return status switch
        {
            RectificationStatus.Pending or RectificationStatus.InProgress when reporter =>
                status == RectificationStatus.InProgress ? [RectificationAction.Report, RectificationAction.Apply] : [RectificationAction.Report],
            RectificationStatus.AwaitingClose when office => [RectificationAction.Approve, RectificationAction.Return],
            RectificationStatus.Closed when office => [RectificationAction.Reopen],
            _ => [],
        };
    }
}
