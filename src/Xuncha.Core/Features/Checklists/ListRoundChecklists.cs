using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Checklists;

public sealed record ChecklistRoundRow(Guid Id, string Name, DateOnly StartDate, DateOnly EndDate, RoundStatus Status, int Villages);

public sealed record ChecklistVillageRow(
    Guid TargetId,
    string VillageCode,
    string VillageName,
    string TownshipName,
    string CountyName,
    int Total,
    int Checked,
    int Problems);

public sealed record RoundChecklists(ChecklistRoundRow Round, IReadOnlyList<ChecklistVillageRow> Villages);

/// <summary>The rounds a user may open checklists of, and a round's villages with their progress (checked / total).</summary>
public sealed class ListRoundChecklistsHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ChecklistRoundRow>> Rounds(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Readers, ChecklistTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.ScopeCode;
        return await ChecklistAccess.RoundsInScope(db, user)
            .OrderByDescending(r => r.StartDate).ThenBy(r => r.Name)
            .Select(r => new ChecklistRoundRow(r.Id, r.Name, r.StartDate, r.EndDate, r.Status,
                db.RoundTargets.Count(t => t.RoundId == r.Id && t.VillageCode.StartsWith(scope))))
            .ToListAsync(ct);
    }

    public async Task<RoundChecklists> Handle(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Readers, ChecklistTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await ChecklistAccess.LoadRoundAsync(db, roundId, user, ct);
        var scope = user.ScopeCode;
        var targets = await (
                from t in db.RoundTargets.AsNoTracking()
                where t.RoundId == roundId && t.VillageCode.StartsWith(scope)
                join v in db.Regions on t.VillageCode equals v.Code
                select new { t.Id, t.VillageCode, v.Name, Township = v.Parent!.Name, County = v.Parent.Parent!.Name })
            .ToListAsync(ct);
        var ids = targets.Select(t => t.Id).ToList();
        var progress = await db.ChecklistItems.AsNoTracking()
            .Where(i => ids.Contains(i.RoundTargetId))
            .GroupBy(i => i.RoundTargetId)
            .Select(g => new
            {
                g.Key,
                Total = g.Count(),
                Checked = g.Count(i => i.Status != ChecklistItemStatus.Unchecked),
                Problems = g.Count(i => i.Status == ChecklistItemStatus.Problem),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var villages = targets
            .OrderBy(t => t.VillageCode, StringComparer.Ordinal)
            .Select(t =>
            {
                var p = progress.GetValueOrDefault(t.Id);
                return new ChecklistVillageRow(t.Id, t.VillageCode, t.Name, t.Township, t.County, p?.Total ?? 0, p?.Checked ?? 0, p?.Problems ?? 0);
            })
            .ToList();
        return new RoundChecklists(new ChecklistRoundRow(round.Id, round.Name, round.StartDate, round.EndDate, round.Status, villages.Count), villages);
    }
}
