using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

/// <summary>
/// 整改情况报告 as offices write it: "（一）在……方面" per problem category, then "1.关于……问题的整改"
/// per finding, each with 反馈 / 完成 / 整改中 / 完成率 and the results (处分, 组织处理, 诫勉, 移交,
/// 建章立制, 追缴金额). The data only; Word and Excel renderings are built on it.
/// </summary>
public sealed record RectificationStatusReport(string RegionName, StatusFigures Totals, IReadOnlyList<StatusSection> Sections);

public sealed record StatusFigures(
    int Findings, int Tasks, int Done, int InProgress, decimal CompletionRate, int Punished, int Organisational, int Admonished,
    int CluesTransferred, int InstitutionsBuilt, decimal Recovered);

public sealed record StatusSection(string Ordinal, string Category, string Heading, StatusFigures Figures, IReadOnlyList<StatusItem> Items);

public sealed record StatusItem(
    string Ordinal, string Heading, Guid FindingId, string FindingTitle, string? CategoryL2, string VillageName, string TownshipName, string Status,
    StatusFigures Figures, string Measures);

public sealed class RectificationStatusReportHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The report as an official Word document, signed by the party committee of the region that rectifies.</summary>
    public async Task<(byte[] Content, string FileName)> Word(string? under, Guid? roundId, UserScope user, CancellationToken ct = default)
    {
        var report = await Handle(under, roundId, user, ct);
        var document = StatusReportDocument.Build(report, $"中共{report.RegionName}委员会", People.SavePersonHandler.ChinaToday(clock));
        using var stream = new MemoryStream();
        Xuncha.Documents.OfficialDocxWriter.Write(document, stream);
        return (stream.ToArray(), document.Title + ".docx");
    }

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    public async Task<RectificationStatusReport> Handle(string? under, Guid? roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Readers, RectificationTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await PlanningAccess.Under(db, under, user, ct);
        var query = RectificationAccess.Visible(db, user).Where(t => t.VillageCode.StartsWith(code));
        if (roundId is { } r)
        {
            query = query.Where(t => t.RoundId == r);
        }

        var tasks = (await query.ToListAsync(ct)).ToLookup(t => t.FindingId);
        var ids = tasks.Select(g => g.Key).ToList();
        var findings = await (
            from f in db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id))
            join v in db.Regions on f.VillageCode equals v.Code
            select new { f.Id, f.Title, f.CategoryL1, f.CategoryL2, f.VillageCode, Village = v.Name, Township = v.Parent!.Name }).ToListAsync(ct);
        var recovered = (await db.Recoveries.AsNoTracking().Where(x => ids.Contains(x.FindingId)).Select(x => new { x.FindingId, x.Amount }).ToListAsync(ct))
            .GroupBy(x => x.FindingId).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        var clues = (await db.ClueTransfers.AsNoTracking().Where(c => ids.Contains(c.FindingId)).Select(c => c.FindingId).ToListAsync(ct)).ToHashSet();
        var regionName = await db.Regions.Where(x => x.Code == code).Select(x => x.Name).SingleAsync(ct);

        var sections = findings
            .GroupBy(f => f.CategoryL1 ?? "其他")
            .OrderBy(g => g.Key == "其他").ThenBy(g => g.Key)
            .Select((g, i) =>
            {
                var items = g.OrderBy(f => f.VillageCode).ThenBy(f => f.Title).Select((f, j) =>
                {
                    var figures = Sum([f.Id], tasks, recovered, clues);
                    var status = figures.Done == figures.Tasks ? "已完成" : "整改中";
                    var measures = string.Join("；", tasks[f.Id].Select(t => t.Measures).Where(m => m.Length > 0));
                    return new StatusItem($"{j + 1}.", $"关于{f.Title}问题的整改", f.Id, f.Title, f.CategoryL2, f.Village, f.Township, status, figures, measures);
                }).ToList();
                var ordinal = i < Numerals.Length ? $"（{Numerals[i]}）" : $"（{i + 1}）";
                return new StatusSection(ordinal, g.Key, $"在{g.Key}方面", Sum(g.Select(f => f.Id), tasks, recovered, clues), items);
            }).ToList();
        return new RectificationStatusReport(regionName, Sum(ids, tasks, recovered, clues), sections);
    }

    /// <summary>Findings count as done when every one of their tasks is closed.</summary>
    private static StatusFigures Sum(IEnumerable<Guid> findingIds, ILookup<Guid, RectificationTask> tasks, Dictionary<Guid, decimal> recovered, HashSet<Guid> clues)
    {
        var ids = findingIds.ToList();
        var all = ids.SelectMany(id => tasks[id]).ToList();
        var doneFindings = ids.Count(id => tasks[id].All(t => t.Status == RectificationStatus.Closed));
        return new StatusFigures(
            ids.Count, all.Count, doneFindings, ids.Count - doneFindings, ids.Count == 0 ? 0 : decimal.Round(100m * doneFindings / ids.Count, 1),
            all.Sum(t => t.PeoplePunished), all.Sum(t => t.PeopleOrganisational), all.Sum(t => t.PeopleAdmonished),
            ids.Count(clues.Contains), all.Sum(t => t.InstitutionsBuilt), ids.Sum(id => recovered.GetValueOrDefault(id)));
    }
}
