using MiniExcelLibs;
using Xuncha.Core.Features.Checklists;
using Xuncha.Screening.Output;

namespace Xuncha.Web.Checklists;

/// <summary>一村一单 as Excel: one village, or a round with a village column; cells that would run as formulas are neutralised.</summary>
public static class ChecklistExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Village(ChecklistDetail detail)
    {
        var rows = detail.Items.Select((item, i) => Row(i + 1, item, null)).ToList();
        return Save(rows, $"{detail.Header.VillageName}"[..Math.Min(detail.Header.VillageName.Length, 31)]);
    }

    public static byte[] Round(IReadOnlyList<(ChecklistHeader Header, IReadOnlyList<ChecklistItemRow> Items)> lists) =>
        Save(lists.SelectMany(l => l.Items.Select((item, i) => Row(i + 1, item, l.Header))).ToList(), "一村一单");

    public static string FileName(string name) => $"一村一单-{name}.xlsx";

    private static Dictionary<string, object?> Row(int no, ChecklistItemRow item, ChecklistHeader? village)
    {
        var row = new Dictionary<string, object?>();
        if (village is not null)
        {
            row["县市区"] = village.CountyName;
            row["乡镇街道"] = village.TownshipName;
            row["村社"] = village.VillageName;
            row["村社代码"] = village.VillageCode;
        }

        row["序号"] = no;
        row["类别"] = LeadsWriter.Safe(item.Area);
        row["检查事项"] = LeadsWriter.Safe(item.Text);
        row["纳入原因"] = LeadsWriter.Safe(item.Reason);
        row["检查情况"] = item.StatusName;
        row["备注"] = LeadsWriter.Safe(item.Note);
        row["关联问题"] = item.FindingTitle is { } f ? LeadsWriter.Safe(f) : "";
        return row;
    }

    private static byte[] Save(List<Dictionary<string, object?>> rows, string sheet)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["序号"] = null }], sheetName: sheet);
        return stream.ToArray();
    }
}
