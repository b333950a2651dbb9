using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

/// <summary>全覆盖 progress: per county (or per township of one county), how many villages were inspected in the current term.</summary>
public sealed record GetCoverage(string? Under = null);

public sealed record CoverageRow(string Code, string Name, int Villages, int Inspected, int Planned, decimal Rate);

public sealed record CoverageReport(int TermStart, int TermEnd, IReadOnlyList<CoverageRow> Rows, CoverageRow Total);

public sealed class CoverageHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RiskSettings> settings)
{
    public async Task<CoverageReport> Handle(GetCoverage q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.RankingViewers, PlanningTexts.RankAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var under = await PlanningAccess.Under(db, q.Under, user, ct);
        var termStart = settings.Value.TermStartYear;
        var termEnd = termStart + settings.Value.TermYears - 1;
        var termFrom = new DateOnly(termStart, 1, 1);

        var villages = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(under))
            .Select(r => r.Code).ToListAsync(ct);
        var profiled = (await db.VillageProfiles.AsNoTracking()
            .Where(p => p.VillageCode.StartsWith(under) && p.LastInspected >= termFrom)
            .Select(p => p.VillageCode).ToListAsync(ct)).ToHashSet();
        var targets = await (
            from t in db.RoundTargets.AsNoTracking()
            join r in db.Rounds on t.RoundId equals r.Id
            where t.VillageCode.StartsWith(under) && r.StartDate >= termFrom && r.Type != RoundType.LookBack
            select new { t.VillageCode, r.Status }).ToListAsync(ct);
        var finished = targets.Where(t => t.Status == RoundStatus.Finished).Select(t => t.VillageCode).ToHashSet();
        var planned = targets.Where(t => t.Status != RoundStatus.Finished).Select(t => t.VillageCode).ToHashSet();

        // Rows are the level below the region asked about: counties of the city, townships of a county.
        var rowLength = under.Length switch { 4 => 6, 6 => 9, _ => 12 };
        var names = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(under) && r.Code.Length == rowLength)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var rows = villages.GroupBy(v => v[..rowLength]).OrderBy(g => g.Key).Select(g =>
        {
            var inspected = g.Count(v => profiled.Contains(v) || finished.Contains(v));
            var plannedOnly = g.Count(v => !profiled.Contains(v) && !finished.Contains(v) && planned.Contains(v));
            return new CoverageRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(), inspected, plannedOnly, Rate(inspected, g.Count()));
        }).ToList();
        var total = new CoverageRow(under, "合计", rows.Sum(r => r.Villages), rows.Sum(r => r.Inspected), rows.Sum(r => r.Planned),
            Rate(rows.Sum(r => r.Inspected), rows.Sum(r => r.Villages)));
        return new CoverageReport(termStart, termEnd, rows, total);
    }

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : decimal.Round(100m * part / whole, 1);
}
