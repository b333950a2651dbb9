using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

/// <summary>The villages of a region ranked by their risk score, each with the factors behind it.</summary>
public sealed record RankVillages(int? Year = null, string? Under = null, int? Top = null, string? Search = null, bool? OnlyUnpicked = null);

public sealed record RiskFactor(string Key, string Name, string Detail, decimal Points);

public sealed record RankedVillage(
    int Rank,
    string VillageCode,
    string VillageName,
    string TownshipName,
    string CountyName,
    decimal Score,
    IReadOnlyList<RiskFactor> Factors,
    DateOnly? LastInspected,
    IReadOnlyList<string> RoundsThisYear);

public sealed record Ranking(DateOnly AsOf, int Year, int Total, IReadOnlyList<RankedVillage> Villages);

public sealed class RankVillagesHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RiskSettings> settings, TimeProvider clock)
{
    public async Task<Ranking> Handle(RankVillages q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.RankingViewers, PlanningTexts.RankAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var under = await PlanningAccess.Under(db, q.Under, user, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var year = q.Year ?? today.Year;
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException("year", PlanningTexts.BadYear);
        }

        var asOf = AsOf(year, today);
        var all = await Score(db, under, asOf, year, ct);
        var ranked = all.OrderByDescending(v => v.Score).ThenBy(v => v.VillageCode, StringComparer.Ordinal)
            .Select((v, i) => v with { Rank = i + 1 });
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            ranked = ranked.Where(v => v.VillageName.Contains(s) || v.TownshipName.Contains(s) || v.VillageCode.StartsWith(s));
        }

        if (q.OnlyUnpicked == true)
        {
            ranked = ranked.Where(v => v.RoundsThisYear.Count == 0);
        }

        var list = ranked.ToList();
        var top = q.Top is > 0 ? list.Take(q.Top.Value).ToList() : list;
        return new Ranking(asOf, year, list.Count, top);
    }

    /// <summary>Scores of every village under a region (unranked), for ranking and for recording a pick.</summary>
    internal async Task<List<RankedVillage>> Score(XunchaDbContext db, string under, DateOnly asOf, int year, CancellationToken ct)
    {
        var w = settings.Value;
        var villages = await (
            from v in db.Regions.AsNoTracking()
            where v.Level == RegionLevel.Village && v.Code.StartsWith(under)
            join p in db.VillageProfiles on v.Code equals p.VillageCode into profiles
            from p in profiles.DefaultIfEmpty()
            select new
            {
                v.Code,
                v.Name,
                Township = v.Parent!.Name,
                County = v.Parent.Parent!.Name,
                WeakOrg = p == null ? null : p.WeakOrg,
                KeyWork = p == null ? null : p.KeyWorkScore,
                Income = p == null ? null : p.CollectiveIncome,
                Last = p == null ? null : p.LastInspected,
            }).ToListAsync(ct);

        var since = asOf.AddYears(-1);
        var petitions = await db.Petitions.AsNoTracking()
            .Where(p => p.VillageCode.StartsWith(under) && p.ReceivedDate > since && p.ReceivedDate <= asOf)
            .GroupBy(p => p.VillageCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var leads = (await db.Leads.AsNoTracking()
            .Where(l => l.VillageCode.StartsWith(under) && l.Status != LeadStatus.Dismissed)
            .Select(l => new { l.VillageCode, l.Severity, l.Amount })
            .ToListAsync(ct))
            .ToLookup(l => l.VillageCode);

        // A finished round's end date counts as an inspection when the profile has none later.
        var rounds = await (
            from t in db.RoundTargets.AsNoTracking()
            join r in db.Rounds on t.RoundId equals r.Id
            where t.VillageCode.StartsWith(under)
            select new { t.VillageCode, r.Name, r.Status, r.StartDate, r.EndDate }).ToListAsync(ct);
        var inspected = rounds.Where(r => r.Status == RoundStatus.Finished && r.EndDate <= asOf)
            .GroupBy(r => r.VillageCode).ToDictionary(g => g.Key, g => g.Max(r => r.EndDate));
        var thisYear = rounds.Where(r => r.StartDate.Year == year).ToLookup(r => r.VillageCode, r => r.Name);

        return villages.Select(v =>
        {
            var last = Max(v.Last, inspected.GetValueOrDefault(v.Code));
            var factors = new List<RiskFactor>();
            if (v.WeakOrg == true)
            {
                factors.Add(new("weak_org", "软弱涣散", "党组织被列为软弱涣散", w.WeakOrg));
            }

            if (v.KeyWork is { } score && score < w.KeyWorkPar)
            {
                factors.Add(new("key_work", "重点工作", $"推进评分 {score:0.#} 分（低于 {w.KeyWorkPar:0.#} 分）", Cap((w.KeyWorkPar - score) * w.KeyWorkPerPoint, w.KeyWorkCap)));
            }

            if (petitions.GetValueOrDefault(v.Code) is var n and > 0)
            {
                factors.Add(new("petitions", "信访举报", $"近 12 个月 {n} 件", Cap(n * w.PerPetition, w.PetitionCap)));
            }

            var own = leads[v.Code].ToList();
            if (own.Count > 0)
            {
                var high = own.Count(l => l.Severity == "高");
                var medium = own.Count(l => l.Severity == "中");
                var low = own.Count - high - medium;
                var points = high * w.PerHighLead + medium * w.PerMediumLead + low * w.PerLowLead;
                factors.Add(new("leads", "疑似问题", PlanningTexts.LeadCounts(high, medium, low), Cap(points, w.LeadCap)));
                var amount = own.Sum(l => l.Amount ?? 0);
                if (amount > 0)
                {
                    factors.Add(new("lead_amount", "涉及金额", $"疑似问题涉及 {amount:#,0.00} 元", Cap(amount / 10_000m * w.PerTenThousandInLeads, w.LeadAmountCap)));
                }
            }

            if (v.Income is { } income && income > 0)
            {
                var pts = Cap(income / 1_000_000m * w.PerMillionIncome, w.IncomeCap);
                if (pts >= 0.01m)
                {
                    factors.Add(new("income", "集体收入", $"集体经济收入 {income / 10_000m:#,0.00} 万元", pts));
                }
            }

            if (last is { } l)
            {
                var years = YearsBetween(l, asOf);
                if (years > 0)
                {
                    factors.Add(new("since_inspection", "距上次巡察", $"上次巡察 {l:yyyy-MM-dd}，已 {years} 年", Cap(years * w.PerYearSinceInspection, w.InspectionCap)));
                }
            }
            else
            {
                factors.Add(new("since_inspection", "距上次巡察", "从未巡察", w.InspectionCap));
            }

            var total = decimal.Round(factors.Sum(f => f.Points), 2);
            return new RankedVillage(0, v.Code, v.Name, v.Township, v.County, total,
                factors.OrderByDescending(f => f.Points).ToList(), last, thisYear[v.Code].Distinct().ToList());
        }).ToList();
    }

    /// <summary>Planning a later year happens now; ranking a past year looks at its last day.</summary>
    internal static DateOnly AsOf(int year, DateOnly today) => year < today.Year ? new DateOnly(year, 12, 31) : today;

    internal DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static decimal Cap(decimal points, decimal cap) => decimal.Round(Math.Min(points, cap), 2);

    private static DateOnly? Max(DateOnly? a, DateOnly b) => b == default ? a : a is null || b > a ? b : a;

    private static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }
}
