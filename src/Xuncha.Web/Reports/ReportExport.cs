using MiniExcelLibs;
using Xuncha.Core.Features.Reports;
using Xuncha.Screening.Output;

namespace Xuncha.Web.Reports;

/// <summary>群众反映 and 信访举报 as Excel. There is deliberately no reporter column: exports leave the system.</summary>
public static class ReportExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Reports(IReadOnlyList<ReportRow> rows)
    {
        var data = rows.Select(r => new Dictionary<string, object?>
        {
            ["回执编号"] = r.ReceiptNo,
            ["巡察轮次"] = r.RoundName,
            ["乡镇街道"] = r.TownshipName,
            ["村社"] = r.VillageName,
            ["村社代码"] = r.VillageCode,
            ["类别"] = r.Category,
            ["反映内容"] = LeadsWriter.Safe(r.Content),
            ["是否匿名"] = r.Anonymous ? "匿名" : "实名（信息受保护）",
            ["收到时间"] = r.ReceivedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"),
            ["状态"] = r.Status,
            ["处理人"] = r.HandledBy,
            ["处理说明"] = r.HandlingNote is null ? null : LeadsWriter.Safe(r.HandlingNote),
        }).ToList();
        return Save(data, "群众反映", "回执编号");
    }

    public static byte[] Petitions(IReadOnlyList<PetitionRow> rows)
    {
        var data = rows.Select(p => new Dictionary<string, object?>
        {
            ["编号"] = LeadsWriter.Safe(p.PetitionNo),
            ["村社代码"] = p.VillageCode,
            ["受理日期"] = p.ReceivedDate.ToString("yyyy-MM-dd"),
            ["类别"] = LeadsWriter.Safe(p.Category),
            ["摘要"] = LeadsWriter.Safe(p.Summary),
            ["办理状态"] = LeadsWriter.Safe(p.Status),
        }).ToList();
        return Save(data, "信访举报", "编号");
    }

    private static byte[] Save(List<Dictionary<string, object?>> data, string sheet, string firstColumn)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(data.Count > 0 ? data : [new Dictionary<string, object?> { [firstColumn] = null }], sheetName: sheet);
        return stream.ToArray();
    }
}
