using MiniExcelLibs;
using Xuncha.Screening.Output;

namespace Xuncha.Core.Features.Findings;

/// <summary>问题台账 as Excel. A clue appears only as 已移交纪检监察 and its date.</summary>
public static class FindingExport
{
    public static void Write(Stream stream, IReadOnlyList<FindingRow> findings)
    {
        var rows = findings.Select((f, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["乡镇街道"] = f.TownshipName,
            ["村社"] = LeadsWriter.Safe(f.VillageName),
            ["问题"] = LeadsWriter.Safe(f.Title),
            ["一级分类"] = f.CategoryL1,
            ["二级分类"] = f.CategoryL2,
            ["来源"] = f.SourceName,
            ["涉及金额（元）"] = f.Amount,
            ["挽回经济损失（元）"] = f.Recovered,
            ["立行立改"] = f.RectifiedOnTheSpot ? "是" : "否",
            ["专项治理"] = LeadsWriter.Safe(string.Join("、", f.CampaignTags)),
            ["典型案例"] = f.IsTypicalCase ? "是" : "否",
            ["线索移交"] = f.ClueLabel is null ? "" : $"{f.ClueLabel}（{f.ClueTransferredOn:yyyy-MM-dd}）",
            ["状态"] = f.StatusName,
        }).ToList();
        stream.SaveAs(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["序号"] = null }], sheetName: "问题台账");
    }
}
