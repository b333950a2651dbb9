using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Findings;

public sealed record ListFindings(
    string? Category = null, string? Under = null, string? Source = null, Guid? RoundId = null, string? Campaign = null,
    bool? TypicalCase = null, bool? HasClue = null, string? Search = null, int? Page = null, int? PageSize = null, int? Year = null);

/// <summary>A finding in a list: a transferred clue shows only as 已移交纪检监察 and its date, never its content.</summary>
public sealed record FindingRow(
    Guid Id, string Title, string VillageCode, string VillageName, string TownshipName, string? CategoryL1, string? CategoryL2,
    string Source, string SourceName, decimal? Amount, decimal Recovered, bool RectifiedOnTheSpot, IReadOnlyList<string> CampaignTags,
    bool IsTypicalCase, FindingStatus Status, string StatusName, string? ClueLabel, DateOnly? ClueTransferredOn, DateTimeOffset CreatedAt);

public sealed class ListFindingsHandler(IDbContextFactory<XunchaDbContext> dbFactory, ReadCache cache)
{
    public async Task<Paged<FindingRow>> Handle(ListFindings q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Readers, FindingTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var under = await PlanningAccess.Under(db, q.Under, user, ct);
        var query = FindingAccess.Visible(db, user).Where(f => f.VillageCode.StartsWith(under));
        if (!string.IsNullOrWhiteSpace(q.Category))
        {
            query = query.Where(f => f.CategoryL1 == q.Category || f.CategoryL2 == q.Category);
        }

        if (!string.IsNullOrWhiteSpace(q.Source))
        {
            query = query.Where(f => f.Source == q.Source);
        }

        if (q.RoundId is { } roundId)
        {
            query = query.Where(f => f.RoundId == roundId);
        }

        if (q.Year is { } year)
        {
            // The findings of the rounds started that year, as the dashboard counts them.
            var rounds = RoundQueries.Started(db.Rounds, year);
            query = query.Where(f => f.RoundId != null && rounds.Any(r => r.Id == f.RoundId));
        }

        if (!string.IsNullOrWhiteSpace(q.Campaign))
        {
            query = query.Where(f => f.CampaignTags.Contains(q.Campaign));
        }

        if (q.TypicalCase is { } typical)
        {
            query = query.Where(f => f.IsTypicalCase == typical);
        }

        if (q.HasClue is { } hasClue)
        {
            query = query.Where(f => db.ClueTransfers.Any(c => c.FindingId == f.Id) == hasClue);
        }

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            query = query.Where(f => f.Title.Contains(s) || f.Description.Contains(s));
        }

        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var filter = q with { Page = null, PageSize = null };
        var total = await cache.CountAsync($"findings|{user.VisibilityKey}|{under}|{filter}", query);
        var rows = await Rows(db, query.OrderBy(f => f.VillageCode).ThenBy(f => f.Title).ThenBy(f => f.Id).Skip((page - 1) * size).Take(size), ct);
        return new Paged<FindingRow>(rows, total, page, size);
    }

    /// <summary>Projects findings to rows; recoveries are summed here because SQLite cannot sum decimals.</summary>
    internal static async Task<List<FindingRow>> Rows(XunchaDbContext db, IQueryable<Finding> query, CancellationToken ct)
    {
        var raw = await (
            from f in query
            join v in db.Regions on f.VillageCode equals v.Code
            select new { f, Village = v.Name, Township = v.Parent!.Name }).ToListAsync(ct);
        var ids = raw.Select(r => r.f.Id).ToList();
        var recoveries = (await db.Recoveries.AsNoTracking().Where(r => ids.Contains(r.FindingId)).Select(r => new { r.FindingId, r.Amount }).ToListAsync(ct))
            .GroupBy(r => r.FindingId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var clues = await db.ClueTransfers.AsNoTracking().Where(c => ids.Contains(c.FindingId))
            .Select(c => new { c.FindingId, c.TransferredOn }).ToDictionaryAsync(c => c.FindingId, c => c.TransferredOn, ct);
        return raw.Select(r => new FindingRow(
            r.f.Id, r.f.Title, r.f.VillageCode, r.Village, r.Township, r.f.CategoryL1, r.f.CategoryL2, r.f.Source, FindingTexts.SourceName(r.f.Source),
            r.f.Amount, recoveries.GetValueOrDefault(r.f.Id), r.f.RectifiedOnTheSpot, r.f.CampaignTags, r.f.IsTypicalCase, r.f.Status,
            FindingTexts.StatusName(r.f.Status), clues.ContainsKey(r.f.Id) ? FindingTexts.TransferredLabel : null,
            clues.TryGetValue(r.f.Id, out var on) ? on : null, r.f.CreatedAt)).ToList();
    }
}
