using MiniExcelLibs;

namespace Xuncha.Core.Features.Statistics;

/// <summary>The dashboard as Excel: one row per child region and a total row, then the breakdowns.</summary>
public static class StatisticsExport
{
    public static void Write(Stream stream, Dashboard d)
    {
        var rows = d.Children.Select(c => Row(c.Name, c.Figures)).Append(Row($"合计（{d.RegionName}）", d.Total)).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["分地区统计"] = rows,
            ["问题分类"] = Counts(d.FindingsByCategory, "问题分类", "问题数"),
            ["走访方式"] = Counts(d.VisitsByKind, "方式", "次数"),
            ["巡察类型"] = Counts(d.InspectedByRoundType, "巡察类型", "巡察村社数"),
        };
        stream.SaveAs(sheets);
    }

    private static Dictionary<string, object?> Row(string name, Figures f) => new()
    {
        ["地区"] = name,
        ["巡察村社"] = f.VillagesInspected,
        ["疑似问题"] = f.LeadsRaised,
        ["已确认"] = f.LeadsConfirmed,
        ["已排除"] = f.LeadsDismissed,
        ["发现问题"] = f.Findings,
        ["立行立改"] = f.OnTheSpot,
        ["涉及金额（元）"] = f.Amount,
        ["挽回经济损失（元）"] = f.Recovered,
        ["移交问题线索"] = f.CluesTransferred,
        ["意见建议"] = f.Suggestions,
        ["已采纳建议"] = f.SuggestionsAdopted,
        ["走访谈话"] = f.Visits,
        ["整改任务"] = f.Rectification.Tasks,
        ["已销号"] = f.Rectification.Done,
        ["整改中"] = f.Rectification.Open,
        ["逾期"] = f.Rectification.Overdue,
        ["完成率"] = $"{f.Rectification.CompletionRate:0.0}%",
        ["处分"] = f.Rectification.Punished,
        ["组织处理"] = f.Rectification.Organisational,
        ["诫勉"] = f.Rectification.Admonished,
        ["建章立制"] = f.Rectification.Institutions,
    };

    private static List<Dictionary<string, object?>> Counts(IReadOnlyList<NamedCount> counts, string name, string count) =>
        counts.Count == 0
            ? [new Dictionary<string, object?> { [name] = null, [count] = null }]
            : counts.Select(c => new Dictionary<string, object?> { [name] = c.Name, [count] = c.Count }).ToList();
}
