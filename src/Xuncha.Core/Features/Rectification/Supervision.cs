using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

/// <summary>Progress of one region: total / done / in progress / overdue / completion rate (workflow.md "Figures").</summary>
public sealed record ProgressFigures(string Code, string Name, int Total, int Pending, int InProgress, int AwaitingClose, int Done, int Overdue, decimal CompletionRate);

/// <summary>整改督办: the region asked for, its children one level down, and the overdue or escalated tasks.</summary>
public sealed record SupervisionView(ProgressFigures Region, IReadOnlyList<ProgressFigures> Children, IReadOnlyList<RectificationRow> Overdue);

public sealed class SupervisionHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RectificationSettings> settings, TimeProvider clock)
{
    public async Task<SupervisionView> Handle(string? under, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Readers, RectificationTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await PlanningAccess.Under(db, under, user, ct);
        var tasks = await RectificationAccess.Visible(db, user).Where(t => t.VillageCode.StartsWith(code))
            .Select(t => new Slim(t.VillageCode, t.Status, t.OverdueSince != null)).ToListAsync(ct);
        var name = await db.Regions.Where(r => r.Code == code).Select(r => r.Name).SingleAsync(ct);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var rows = children.Select(c => Figures(c.Code, c.Name, tasks.Where(t => t.VillageCode.StartsWith(c.Code, StringComparison.Ordinal)).ToList()))
            .Where(f => f.Total > 0).ToList();
        var overdue = await ListRectificationTasksHandler.Rows(db,
            RectificationAccess.Visible(db, user).Where(t => t.VillageCode.StartsWith(code) && t.OverdueSince != null && t.Status != RectificationStatus.Closed)
                .OrderByDescending(t => t.EscalationLevel).ThenBy(t => t.Deadline).Take(100),
            settings.Value, SavePersonHandler.ChinaToday(clock), ct);
        return new SupervisionView(Figures(code, name, tasks), rows, overdue.OrderByDescending(r => r.EscalationLevel).ThenByDescending(r => r.OverdueDays).ToList());
    }

    private sealed record Slim(string VillageCode, RectificationStatus Status, bool Overdue);

    private static ProgressFigures Figures(string code, string name, IReadOnlyCollection<Slim> tasks)
    {
        var done = tasks.Count(t => t.Status == RectificationStatus.Closed);
        return new ProgressFigures(code, name, tasks.Count,
            tasks.Count(t => t.Status == RectificationStatus.Pending),
            tasks.Count(t => t.Status == RectificationStatus.InProgress),
            tasks.Count(t => t.Status == RectificationStatus.AwaitingClose),
            done,
            tasks.Count(t => t.Overdue && t.Status != RectificationStatus.Closed),
            tasks.Count == 0 ? 0 : decimal.Round(100m * done / tasks.Count, 1));
    }
}
