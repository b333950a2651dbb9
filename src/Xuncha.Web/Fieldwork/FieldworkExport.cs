using MiniExcelLibs;
using Xuncha.Core.Features.Fieldwork;
using Xuncha.Screening.Output;

namespace Xuncha.Web.Fieldwork;

/// <summary>走访谈话记录 and 意见建议 as Excel; only the recorded text (no protected person data is held here), formulas neutralised.</summary>
public static class FieldworkExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Records(IReadOnlyList<FieldRecordRow> rows) => Save(rows.Select((r, i) => new Dictionary<string, object?>
    {
        ["序号"] = i + 1,
        ["日期"] = r.Date.ToString("yyyy-MM-dd"),
        ["方式"] = r.KindName,
        ["乡镇街道"] = r.TownshipName,
        ["村社"] = r.VillageName,
        ["村社代码"] = r.VillageCode,
        ["对象"] = LeadsWriter.Safe(r.PersonName),
        ["人员类别"] = r.PersonCategory,
        ["地点"] = LeadsWriter.Safe(r.Place),
        ["巡察人员"] = LeadsWriter.Safe(string.Join("、", r.Inspectors)),
        ["了解情况"] = LeadsWriter.Safe(r.Learned),
        ["关联疑似问题数"] = r.LeadIds.Count,
        ["轮次"] = r.RoundName,
    }).ToList(), "走访谈话");

    public static byte[] Suggestions(IReadOnlyList<SuggestionRow> rows) => Save(rows.Select((s, i) => new Dictionary<string, object?>
    {
        ["序号"] = i + 1,
        ["指导组"] = s.GroupName,
        ["村社"] = s.VillageName,
        ["意见建议"] = LeadsWriter.Safe(s.Text),
        ["状态"] = s.StatusName,
        ["提出日期"] = s.RaisedOn.ToString("yyyy-MM-dd"),
        ["采纳日期"] = s.AdoptedOn?.ToString("yyyy-MM-dd"),
        ["落实日期"] = s.ImplementedOn?.ToString("yyyy-MM-dd"),
    }).ToList(), "意见建议");

    private static byte[] Save(List<Dictionary<string, object?>> rows, string sheet)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["序号"] = null }], sheetName: sheet);
        return stream.ToArray();
    }
}
