using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Xuncha.Documents;

/// <summary>Writes a <see cref="ListDocument"/> as .xlsx: the title, the line under it, the header row, the rows, the note.</summary>
public static class ListXlsxWriter
{
    /// <summary>Rows before the header: title and subtitle (the subtitle row stays, empty, so the header is always row 3).</summary>
    public const int HeaderRow = 3;

    public static void Write(ListDocument list, Stream output)
    {
        ArgumentNullException.ThrowIfNull(list);
        var keys = list.Columns.Select((_, i) => "c" + i).ToArray();
        var rows = new List<Dictionary<string, object?>>
        {
            Line(keys, list.Title),
            Line(keys, list.Subtitle ?? ""),
            Enumerable.Range(0, keys.Length).ToDictionary(i => keys[i], i => (object?)list.Columns[i].Header),
        };
        rows.AddRange(list.Rows.Select(row =>
            Enumerable.Range(0, keys.Length).ToDictionary(i => keys[i], i => (object?)CellText.Safe(ListDocument.Cell(row, list.Columns[i])))));
        if (!string.IsNullOrWhiteSpace(list.Note))
        {
            rows.Add(Line(keys, list.Note));
        }

        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = false,
            DynamicColumns = keys.Select((k, i) => new DynamicExcelColumn(k) { Width = Math.Clamp(list.Columns[i].Width * 12, 6, 80) }).ToArray(),
        };
        output.SaveAs(rows, printHeader: false, sheetName: SheetName(list.Title), configuration: configuration);
    }

    private static Dictionary<string, object?> Line(string[] keys, string text) =>
        keys.Select((k, i) => (k, v: i == 0 ? (object?)CellText.Safe(text) : null)).ToDictionary(p => p.k, p => p.v);

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name.</summary>
    public static string SheetName(string title)
    {
        var clean = new string(title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return clean.Length == 0 ? "清单" : clean.Length > 31 ? clean[..31] : clean;
    }
}

public static class CellText
{
    /// <summary>A cell starting with = + - @ would run as a formula in Excel; prefix it (as Screening's LeadsWriter.Safe does).</summary>
    public static string Safe(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
}
