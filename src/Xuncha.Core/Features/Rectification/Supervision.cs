using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

/// <summary>Progress of one region: total / done / in progress / overdue / completion rate (workflow.md "Figures").</summary>
public sealed record ProgressFigures(string Code, string Name, int Total, int Pending, int InProgress, int AwaitingClose, int Done, int Overdue, decimal CompletionRate);

/// <summary>整改督办: the region asked for, its children one level down, and the overdue or escalated tasks.</summary>
public sealed record SupervisionView(ProgressFigures Region, IReadOnlyList<ProgressFigures> Children, IReadOnlyList<RectificationRow> Overdue);

public sealed class SupervisionHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RectificationSettings> settings, TimeProvider clock, ReadCache cache)
{
    /// <summary>Figures per region and the overdue list, kept until the next save (see <see cref="ReadCache"/>).</summary>
    public Task<SupervisionView> Handle(string? under, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Readers, RectificationTexts.ViewAction);
        return cache.GetOrAddAsync($"supervision|{user.VisibilityKey}|{under}|{SavePersonHandler.ChinaToday(clock)}", () => Compute(under, user, CancellationToken.None));
    }

    private async Task<SupervisionView> Compute(string? under, UserScope user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await PlanningAccess.Under(db, under, user, ct);
        // Counted in the database per child region, state and lateness: a city holds tens of thousands of tasks.
        var level = RegionCode.LevelOf(code);
        var width = RegionCode.LengthOf(level == RegionLevel.Village ? level : level + 1);
        var tasks = await RectificationAccess.Visible(db, user).Where(t => t.VillageCode.StartsWith(code))
            .GroupBy(t => new { Key = t.VillageCode.Substring(0, width), t.Status, Overdue = t.OverdueSince != null })
            .Select(g => new Slim(g.Key.Key, g.Key.Status, g.Key.Overdue, g.Count())).ToListAsync(ct);
        var name = await db.Regions.Where(r => r.Code == code).Select(r => r.Name).SingleAsync(ct);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var rows = children.Select(c => Figures(c.Code, c.Name, tasks.Where(t => t.Key == c.Code).ToList()))
            .Where(f => f.Total > 0).ToList();
        var overdue = await ListRectificationTasksHandler.Rows(db,
            RectificationAccess.Visible(db, user).Where(t => t.VillageCode.StartsWith(code) && t.OverdueSince != null && t.Status != RectificationStatus.Closed)
                .OrderByDescending(t => t.EscalationLevel).ThenBy(t => t.Deadline).Take(100),
            settings.Value, SavePersonHandler.ChinaToday(clock), ct);
        return new SupervisionView(Figures(code, name, tasks), rows, overdue.OrderByDescending(r => r.EscalationLevel).ThenByDescending(r => r.OverdueDays).ToList());
    }

    private sealed record Slim(string Key, RectificationStatus Status, bool Overdue, int Count);

    private static ProgressFigures Figures(string code, string name, IReadOnlyCollection<Slim> tasks)
    {
        var total = tasks.Sum(t => t.Count);
        var done = tasks.Where(t => t.Status == RectificationStatus.Closed).Sum(t => t.Count);
        return new ProgressFigures(code, name, total,
            tasks.Where(t => t.Status == RectificationStatus.Pending).Sum(t => t.Count),
            tasks.Where(t => t.Status == RectificationStatus.InProgress).Sum(t => t.Count),
            tasks.Where(t => t.Status == RectificationStatus.AwaitingClose).Sum(t => t.Count),
            done,
            tasks.Where(t => t.Overdue && t.Status != RectificationStatus.Closed).Sum(t => t.Count),
            total == 0 ? 0 : decimal.Round(100m * done / total, 1));
    }
}
