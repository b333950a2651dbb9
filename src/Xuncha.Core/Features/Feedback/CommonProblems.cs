using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Feedback;

/// <summary>Findings of a round, or of every round started in a year, within the user's scope.</summary>
public sealed record GetCommonProblems(Guid? RoundId, int? Year);

public sealed record CategoryAggregate(
    string CategoryL1, string? CategoryL2, int Findings, int VillageCount, decimal Amount, decimal Recovered,
    IReadOnlyList<string> Villages, bool IsCommon, string Department)
{
    public string Label => CategoryL2 ?? CategoryL1;
}

/// <summary>A letter on 面上共性问题 to one city department.</summary>
public sealed record DepartmentLetter(string Department, IReadOnlyList<CategoryAggregate> Categories);

/// <summary>A letter on 突出问题 to one county committee.</summary>
public sealed record CountyLetter(string CountyCode, string CountyName, int VillagesInspected, int Findings, IReadOnlyList<CategoryAggregate> Categories);

public sealed record CommonProblems(
    string Period, int VillagesInspected, int Findings, IReadOnlyList<CategoryAggregate> Categories,
    IReadOnlyList<DepartmentLetter> DepartmentLetters, IReadOnlyList<CountyLetter> CountyLetters);

/// <summary>
/// 面上共性问题 and 突出问题 (workflow step 11): findings aggregated by category; a category found
/// in enough of the villages inspected goes to the city department in charge of it, and each
/// county's most frequent categories go to its party committee.
/// </summary>
public sealed class CommonProblemsHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<FeedbackSettings> settings)
{
    public async Task<CommonProblems> Handle(GetCommonProblems q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FeedbackAccess.ProblemAnalysts, FeedbackTexts.AnalyseAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = RoundQueries.Visible(db, user);
        string period;
        if (q.RoundId is { } roundId)
        {
            period = await rounds.Where(r => r.Id == roundId).Select(r => r.Name).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(FeedbackTexts.RoundNotFound);
            rounds = rounds.Where(r => r.Id == roundId);
        }
        else if (q.Year is { } year)
        {
            rounds = RoundQueries.Started(rounds, year);
            period = $"{year}年";
        }
        else
        {
            throw new ValidationException("roundId", FeedbackTexts.PeriodRequired);
        }

        var scope = user.ScopeCode;
        var ids = await rounds.Select(r => r.Id).ToListAsync(ct);
        var inspected = await db.RoundTargets.AsNoTracking().Where(t => ids.Contains(t.RoundId) && t.VillageCode.StartsWith(scope))
            .Select(t => t.VillageCode).Distinct().ToListAsync(ct);
        var findings = await (from f in db.Findings.AsNoTracking()
                              join v in db.Regions on f.VillageCode equals v.Code
                              where f.RoundId != null && ids.Contains(f.RoundId.Value) && f.VillageCode.StartsWith(scope) && f.CategoryL1 != null
                              select new Item(f.Id, f.CategoryL1!, f.CategoryL2, f.VillageCode, v.Parent!.Name + v.Name, f.Amount ?? 0m,
                                  db.Recoveries.Where(r => r.FindingId == f.Id).Sum(r => (decimal?)r.Amount) ?? 0m)).ToListAsync(ct);
        var s = settings.Value;
        var categories = Aggregate(findings, inspected.Count, s, common: true);
        var countyScope = scope.Length > 6 ? scope[..6] : scope;
        var counties = await db.Regions.AsNoTracking().Where(r => r.Level == Domain.Regions.RegionLevel.County && r.Code.StartsWith(countyScope))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var countyLetters = findings.GroupBy(f => f.Village[..6]).OrderBy(g => g.Key).Select(g =>
            {
                var prominent = Aggregate(g.ToList(), inspected.Count(v => v.StartsWith(g.Key, StringComparison.Ordinal)), s, common: false)
                    .Where(c => c.Findings >= s.ProminentMinFindings).ToList();
                return new CountyLetter(g.Key, counties.GetValueOrDefault(g.Key, g.Key), inspected.Count(v => v.StartsWith(g.Key, StringComparison.Ordinal)), g.Count(), prominent);
            })
            .Where(c => c.Categories.Count > 0).ToList();
        var departmentLetters = categories.Where(c => c.IsCommon).GroupBy(c => c.Department).OrderBy(g => g.Key)
            .Select(g => new DepartmentLetter(g.Key, g.ToList())).ToList();
        return new CommonProblems(period, inspected.Count, findings.Count, categories, departmentLetters, countyLetters);
    }

    private sealed record Item(Guid Id, string L1, string? L2, string Village, string VillageName, decimal Amount, decimal Recovered);

    private static List<CategoryAggregate> Aggregate(IReadOnlyList<Item> items, int inspected, FeedbackSettings s, bool common) =>
        items.GroupBy(i => (i.L1, i.L2))
            .Select(g =>
            {
                var villages = g.Select(i => (i.Village, i.VillageName)).Distinct().OrderBy(v => v.Village).ToList();
                var isCommon = common && villages.Count >= s.CommonMinVillages && inspected > 0 && villages.Count >= s.CommonShare * inspected;
                return new CategoryAggregate(g.Key.L1, g.Key.L2, g.Count(), villages.Count, g.Sum(i => i.Amount), g.Sum(i => i.Recovered),
                    villages.Select(v => v.VillageName).ToList(), isCommon, s.DepartmentFor(g.Key.L2, g.Key.L1));
            })
            .OrderByDescending(c => c.VillageCount).ThenByDescending(c => c.Findings).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
}
