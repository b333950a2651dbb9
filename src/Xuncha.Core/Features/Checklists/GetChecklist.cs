using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Checklists;

public sealed record ChecklistHeader(
    Guid TargetId,
    Guid RoundId,
    string RoundName,
    DateOnly StartDate,
    DateOnly EndDate,
    string VillageCode,
    string VillageName,
    string TownshipName,
    string CountyName);

public sealed record ChecklistItemRow(
    Guid Id,
    Guid? TemplateItemId,
    string Area,
    string Text,
    string Reason,
    ChecklistItemStatus Status,
    string StatusName,
    string Note,
    Guid? FindingId,
    string? FindingTitle,
    int SortOrder,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt);

public sealed record FindingOption(Guid Id, string Title);

public sealed record ChecklistDetail(
    ChecklistHeader Header,
    IReadOnlyList<ChecklistItemRow> Items,
    IReadOnlyList<FindingOption> Findings,
    bool CanEdit,
    bool CanCheck)
{
    public int Checked => Items.Count(i => i.Status != ChecklistItemStatus.Unchecked);
}

/// <summary>One village's checklist in a round: items in area order, and the village's findings to link.</summary>
public sealed class GetChecklistHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<ChecklistDetail> Handle(Guid targetId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Readers, ChecklistTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await ChecklistAccess.LoadTargetAsync(db, targetId, user, ct);
        var header = await HeaderAsync(db, target.Id, ct);
        var items = await ItemsAsync(db, [target.Id], ct);
        // Newest first, ordered here: SQLite cannot order by DateTimeOffset.
        var findings = (await db.Findings.AsNoTracking().Where(f => f.VillageCode == target.VillageCode)
                .Select(f => new { f.Id, f.Title, f.CreatedAt }).ToListAsync(ct))
            .OrderByDescending(f => f.CreatedAt).Select(f => new FindingOption(f.Id, f.Title)).ToList();
        return new ChecklistDetail(header, items[target.Id], findings,
            user.IsInAnyRole(ChecklistAccess.Editors), user.IsInAnyRole(ChecklistAccess.Checkers));
    }

    /// <summary>Every checklist of a round within the user's scope, for the round's Excel export.</summary>
    public async Task<IReadOnlyList<(ChecklistHeader Header, IReadOnlyList<ChecklistItemRow> Items)>> Round(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Readers, ChecklistTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ChecklistAccess.LoadRoundAsync(db, roundId, user, ct);
        var scope = user.ScopeCode;
        var ids = await db.RoundTargets.Where(t => t.RoundId == roundId && t.VillageCode.StartsWith(scope))
            .OrderBy(t => t.VillageCode).Select(t => t.Id).ToListAsync(ct);
        var items = await ItemsAsync(db, ids, ct);
        var result = new List<(ChecklistHeader, IReadOnlyList<ChecklistItemRow>)>();
        foreach (var id in ids)
        {
            result.Add((await HeaderAsync(db, id, ct), items[id]));
        }

        return result;
    }

    private static Task<ChecklistHeader> HeaderAsync(XunchaDbContext db, Guid targetId, CancellationToken ct) => (
            from t in db.RoundTargets.AsNoTracking()
            where t.Id == targetId
            join r in db.Rounds on t.RoundId equals r.Id
            join v in db.Regions on t.VillageCode equals v.Code
            select new ChecklistHeader(t.Id, r.Id, r.Name, r.StartDate, r.EndDate, t.VillageCode, v.Name, v.Parent!.Name, v.Parent.Parent!.Name))
        .SingleAsync(ct);

    private static async Task<Dictionary<Guid, IReadOnlyList<ChecklistItemRow>>> ItemsAsync(XunchaDbContext db, IReadOnlyList<Guid> targetIds, CancellationToken ct)
    {
        var rows = await (
                from i in db.ChecklistItems.AsNoTracking()
                where targetIds.Contains(i.RoundTargetId)
                join f in db.Findings on i.FindingId equals f.Id into fs
                from f in fs.DefaultIfEmpty()
                join u in db.Users on i.UpdatedById equals u.Id into us
                from u in us.DefaultIfEmpty()
                select new { Item = i, FindingTitle = f == null ? null : f.Title, UpdatedBy = u == null ? null : u.DisplayName })
            .ToListAsync(ct);
        return targetIds.ToDictionary(id => id, id => (IReadOnlyList<ChecklistItemRow>)rows
            .Where(r => r.Item.RoundTargetId == id)
            .OrderBy(r => DefaultChecklist.AreaOrder(r.Item.Area)).ThenBy(r => r.Item.Area, StringComparer.Ordinal)
            .ThenBy(r => r.Item.SortOrder).ThenBy(r => r.Item.Text, StringComparer.Ordinal)
            .Select(r => new ChecklistItemRow(r.Item.Id, r.Item.TemplateItemId, r.Item.Area, r.Item.Text, r.Item.Reason, r.Item.Status,
                ChecklistTexts.StatusName(r.Item.Status), r.Item.Note, r.Item.FindingId, r.FindingTitle, r.Item.SortOrder, r.UpdatedBy, r.Item.UpdatedAt))
            .ToList());
    }
}
