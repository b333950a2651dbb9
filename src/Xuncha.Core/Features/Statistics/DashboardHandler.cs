using Xuncha.Core.Common;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Fieldwork;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Statistics;

public static class StatisticsAccess
{
    public static readonly IReadOnlySet<string> Viewers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.Discipline };

    public const string ViewAction = "查看统计分析";
    public const string RegionOutside = "请选择您数据范围内的地区。";
    public const string RoundNotFound = "找不到该巡察轮次，或它不在您的数据范围内。";
}

/// <summary>
/// 统计分析: every figure of a region and of each of its children, counted in the database per
/// child by the prefix of the village code, so a drill-down is one query per figure whatever
/// the level. A period (year or round) narrows to the rounds in it: villages inspected, findings,
/// visits and suggestions of those rounds, and the leads of the villages they inspected.
/// </summary>
public sealed partial class DashboardHandler(IDbContextFactory<XunchaDbContext> dbFactory, ReadCache cache)
{
    /// <summary>
    /// The figures depend only on the user's scope and roles and the filters, so users alike share
    /// one computation until the data changes (see <see cref="ReadCache"/>).
    /// </summary>
    public Task<Dashboard> Handle(GetDashboard q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(StatisticsAccess.Viewers, StatisticsAccess.ViewAction);
        var key = $"dashboard|{user.VisibilityKey}|{q.Region}|{q.Year}|{q.RoundId}";
        return cache.GetOrAddAsync(key, () => ComputeAsync(q, user, CancellationToken.None));
    }

    private async Task<Dashboard> ComputeAsync(GetDashboard q, UserScope user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (node, period, c) = await PrepareAsync(db, q, user, ct);
        var region = node.Code;
        var inspected = await c.InspectedAsync(ct);
        var leads = await c.LeadsAsync(inspected, ct);
        var findings = await c.FindingsAsync(ct);
        var recovered = await c.RecoveredAsync(ct);
        var clues = await c.CluesAsync(ct);
        var suggestions = await c.SuggestionsAsync(ct);
        var visits = await c.VisitsAsync(ct);
        var tasks = await c.RectificationAsync(ct);

        Figures For(string prefix)
        {
            bool In(string key) => key.StartsWith(prefix, StringComparison.Ordinal);
            return new Figures(
                inspected.Count(In),
                leads.Where(l => In(l.Key)).Sum(l => l.Count),
                leads.Where(l => In(l.Key) && l.Status == LeadStatus.Confirmed).Sum(l => l.Count),
                leads.Where(l => In(l.Key) && l.Status == LeadStatus.Dismissed).Sum(l => l.Count),
                findings.Where(f => In(f.Key)).Sum(f => f.Count),
                findings.Where(f => In(f.Key)).Sum(f => f.OnTheSpot),
                findings.Where(f => In(f.Key)).Sum(f => f.Amount),
                recovered.Where(r => In(r.Key)).Sum(r => r.Amount),
                clues.Where(x => In(x.Key)).Sum(x => x.Count),
                suggestions.Where(s => In(s.Key)).Sum(s => s.Count),
                suggestions.Where(s => In(s.Key) && s.Adopted).Sum(s => s.Count),
                visits.Where(v => In(v.Key)).Sum(v => v.Count),
                Rectification(tasks.Where(t => In(t.Key)).ToList()));
        }

        var children = node.Level == RegionLevel.Village ? [] : await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == region).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var path = await PathAsync(db, region, user, ct);
        return new Dashboard(node.Code, node.Name, node.Level, path, period, For(region),
            children.Select(ch => new RegionFigures(ch.Code, ch.Name, For(ch.Code))).ToList(),
            await c.FindingsByCategoryAsync(ct), Named(visits.GroupBy(v => v.Kind).Select(g => (FieldworkTexts.KindName(g.Key), g.Sum(v => v.Count)))),
            await c.InspectedByTypeAsync(ct));
    }

    private static RectificationFigures Rectification(List<Counter.TaskCount> rows) => new(
        rows.Sum(t => t.Count), rows.Sum(t => t.Done), rows.Sum(t => t.Count - t.Done), rows.Sum(t => t.Overdue),
        rows.Sum(t => t.Punished), rows.Sum(t => t.Organisational), rows.Sum(t => t.Admonished), rows.Sum(t => t.Institutions));

    private sealed record Node(string Code, string Name, RegionLevel Level);

    private static async Task<(Node Node, string Period, Counter Counter)> PrepareAsync(XunchaDbContext db, GetDashboard q, UserScope user, CancellationToken ct)
    {
        var region = RegionCode.Normalize(q.Region) ?? user.ScopeCode;
        var node = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => new Node(r.Code, r.Name, r.Level)).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("region", StatisticsAccess.RegionOutside);
        if (!user.Covers(region))
        {
            throw new ValidationException("region", StatisticsAccess.RegionOutside);
        }

        var (rounds, period) = await PeriodAsync(db, q, user, ct);
        var filtered = q.Year is not null || q.RoundId is not null;
        var width = RegionCode.LengthOf(node.Level == RegionLevel.Village ? RegionLevel.Village : node.Level + 1);
        return (node, period, new Counter(db, region, width, rounds, filtered, q.Year));
    }

    /// <summary>Rounds the user may see for the filters, newest first.</summary>
    public async Task<IReadOnlyList<DashboardRound>> Rounds(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(StatisticsAccess.Viewers, StatisticsAccess.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RoundQueries.Started(RoundQueries.Visible(db, user))
            .Select(r => new { r.Id, r.Name, r.StartDate }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.StartDate).Select(r => new DashboardRound(r.Id, r.Name, r.StartDate.Year)).ToList();
    }

    private static List<NamedCount> Named(IEnumerable<(string Name, int Count)> rows) =>
        rows.Where(r => r.Count > 0).OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => new NamedCount(r.Name, r.Count)).ToList();

    /// <summary>The rounds counted (started ones only: a round in preparation has inspected nothing yet) and the period's label.</summary>
    private static async Task<(List<Guid> Rounds, string Period)> PeriodAsync(XunchaDbContext db, GetDashboard q, UserScope user, CancellationToken ct)
    {
        var rounds = RoundQueries.Started(RoundQueries.Visible(db, user));
        if (q.RoundId is { } id)
        {
            var name = await rounds.Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(StatisticsAccess.RoundNotFound);
            return ([id], name);
        }

        if (q.Year is { } year)
        {
            return (await RoundQueries.Started(rounds, year).Select(r => r.Id).ToListAsync(ct), $"{year}年");
        }

        return (await rounds.Select(r => r.Id).ToListAsync(ct), "全部");
    }

    private static async Task<List<RegionCrumb>> PathAsync(XunchaDbContext db, string region, UserScope user, CancellationToken ct)
    {
        var codes = new[] { 4, 6, 9, 12 }.Where(n => n <= region.Length).Select(n => region[..n]).Where(c => c.Length >= user.ScopeCode.Length).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return codes.Where(names.ContainsKey).Select(c => new RegionCrumb(c, names[c])).ToList();
    }
}
