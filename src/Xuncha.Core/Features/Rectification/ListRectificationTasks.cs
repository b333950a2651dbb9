using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

public sealed record ListRectificationTasks(
    RectificationStatus? Status = null, bool? Overdue = null, string? Under = null, Guid? FindingId = null, string? Search = null,
    int? Page = null, int? PageSize = null, Guid? RoundId = null, int? Year = null, bool? Open = null);

public sealed record RectificationRow(
    Guid Id, string Title, Guid FindingId, string FindingTitle, string? CategoryL1, string VillageCode, string VillageName, string TownshipName,
    DateOnly Deadline, RectificationStatus Status, string StatusName, int? OverdueDays, int EscalationLevel, string? EscalationName,
    int ProgressCount, string Owners, int ReopenCount, DateTimeOffset CreatedAt);

public sealed class ListRectificationTasksHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RectificationSettings> settings, TimeProvider clock, ReadCache cache)
{
    public async Task<Paged<RectificationRow>> Handle(ListRectificationTasks q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Readers, RectificationTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var under = await PlanningAccess.Under(db, q.Under, user, ct);
        var query = RectificationAccess.Visible(db, user).Where(t => t.VillageCode.StartsWith(under));
        if (q.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (q.Overdue is { } overdue)
        {
            query = overdue ? query.Where(t => t.OverdueSince != null) : query.Where(t => t.OverdueSince == null);
        }

        if (q.FindingId is { } findingId)
        {
            query = query.Where(t => t.FindingId == findingId);
        }

        if (q.Open is { } open)
        {
            query = open ? query.Where(t => t.Status != RectificationStatus.Closed) : query.Where(t => t.Status == RectificationStatus.Closed);
        }

        if (q.RoundId is { } roundId)
        {
            query = query.Where(t => t.RoundId == roundId);
        }

        if (q.Year is { } year)
        {
            // The tasks of the rounds started that year, as the dashboard counts them.
            var rounds = RoundQueries.Started(db.Rounds, year);
            query = query.Where(t => t.RoundId != null && rounds.Any(r => r.Id == t.RoundId));
        }

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            query = query.Where(t => t.Title.Contains(s) || t.Measures.Contains(s));
        }

        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var filter = q with { Page = null, PageSize = null };
        var total = await cache.CountAsync($"tasks|{user.VisibilityKey}|{under}|{filter}", query);
        var paged = query.OrderBy(t => t.Status == RectificationStatus.Closed).ThenBy(t => t.Deadline).ThenBy(t => t.VillageCode).ThenBy(t => t.Id)
            .Skip((page - 1) * size).Take(size);
        return new Paged<RectificationRow>(await Rows(db, paged, settings.Value, SavePersonHandler.ChinaToday(clock), ct), total, page, size);
    }

    internal static async Task<List<RectificationRow>> Rows(XunchaDbContext db, IQueryable<RectificationTask> query, RectificationSettings settings, DateOnly today, CancellationToken ct)
    {
        var raw = await (
            from t in query
            join f in db.Findings on t.FindingId equals f.Id
            join v in db.Regions on t.VillageCode equals v.Code
            select new { t, FindingTitle = f.Title, f.CategoryL1, Village = v.Name, Township = v.Parent!.Name }).ToListAsync(ct);
        var ids = raw.Select(r => r.t.Id).ToList();
        var owners = (await db.TaskOwners.AsNoTracking().Where(o => ids.Contains(o.TaskId)).ToListAsync(ct)).ToLookup(o => o.TaskId);
        var reports = (await db.ProgressReports.AsNoTracking().Where(p => ids.Contains(p.TaskId)).Select(p => p.TaskId).ToListAsync(ct))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var steps = settings.EffectiveEscalation;
        var kinds = settings.EffectiveOwnerKinds.Select(k => k.Key).ToList();
        return raw.Select(r => new RectificationRow(
            r.t.Id, r.t.Title, r.t.FindingId, r.FindingTitle, r.CategoryL1, r.t.VillageCode, r.Village, r.Township, r.t.Deadline, r.t.Status,
            RectificationTexts.StatusName(r.t.Status), OverdueDays(r.t, today), r.t.EscalationLevel,
            r.t.EscalationLevel > 0 && r.t.EscalationLevel <= steps.Count ? steps[r.t.EscalationLevel - 1].Name : null,
            reports.GetValueOrDefault(r.t.Id), string.Join("、", owners[r.t.Id].OrderBy(o => kinds.IndexOf(o.Kind) is var i and >= 0 ? i : 99).Select(o => o.UnitName)), r.t.ReopenCount, r.t.CreatedAt)).ToList();
    }

    /// <summary>Days past the deadline while the task is marked overdue; null otherwise.</summary>
    public static int? OverdueDays(RectificationTask t, DateOnly today) =>
        t.OverdueSince is not null && t.Status != RectificationStatus.Closed ? Math.Max(1, today.DayNumber - t.Deadline.DayNumber) : null;
}
