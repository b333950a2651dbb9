using MiniExcelLibs;
using Xuncha.Screening.Output;

namespace Xuncha.Core.Features.Rectification;

/// <summary>整改任务清单 and 整改情况报告 as Excel.</summary>
public static class RectificationExport
{
    public static void WriteTasks(Stream stream, IReadOnlyList<RectificationRow> tasks)
    {
        var rows = tasks.Select((t, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["乡镇街道"] = t.TownshipName,
            ["村社"] = LeadsWriter.Safe(t.VillageName),
            ["整改任务"] = LeadsWriter.Safe(t.Title),
            ["对应问题"] = LeadsWriter.Safe(t.FindingTitle),
            ["责任单位"] = LeadsWriter.Safe(t.Owners),
            ["整改期限"] = t.Deadline.ToString("yyyy-MM-dd"),
            ["状态"] = t.StatusName,
            ["逾期"] = t.OverdueDays is { } d ? RectificationTexts.OverdueLabel(d) : "",
            ["督办级别"] = t.EscalationName ?? "",
            ["进展报告数"] = t.ProgressCount,
            ["回头看次数"] = t.ReopenCount,
        }).ToList();
        stream.SaveAs(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["序号"] = null }], sheetName: "整改任务清单");
    }

    public static void WriteStatusReport(Stream stream, RectificationStatusReport report)
    {
        static Dictionary<string, object?> Line(string part, string heading, StatusFigures f) => new()
        {
            ["层级"] = part,
            ["标题"] = LeadsWriter.Safe(heading),
            ["反馈问题"] = f.Findings,
            ["整改任务"] = f.Tasks,
            ["已完成"] = f.Done,
            ["整改中"] = f.InProgress,
            ["完成率（%）"] = f.CompletionRate,
            ["党纪政务处分（人）"] = f.Punished,
            ["组织处理（人）"] = f.Organisational,
            ["诫勉谈话（人）"] = f.Admonished,
            ["移交问题线索（件）"] = f.CluesTransferred,
            ["建章立制（项）"] = f.InstitutionsBuilt,
            ["追缴金额（元）"] = f.Recovered,
        };

        var rows = new List<Dictionary<string, object?>> { Line("合计", $"{report.RegionName}巡察整改情况", report.Totals) };
        foreach (var s in report.Sections)
        {
            rows.Add(Line(s.Ordinal, s.Heading, s.Figures));
            rows.AddRange(s.Items.Select(i => Line(i.Ordinal, $"{i.Heading}（{i.TownshipName}{i.VillageName}，{i.Status}）", i.Figures)));
        }

        stream.SaveAs(rows, sheetName: "整改情况报告");
    }
}
