using System.Text;
using MiniExcelLibs;
using Xuncha.Screening.Reading;

namespace Xuncha.Screening.Tests.Reading;

public sealed class TableFileTests : IDisposable
{
    private readonly TempFolder dir = new("table");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Csv_HeadersAreTrimmed_AndColumnsFoundByTrimmedName()
    {
        var path = Write("a.csv", " 凭证号 ,Amount\nV1,12\nV2,\n");

        var table = TableFile.Open(path);

        Assert.Equal(["凭证号", "Amount"], table.Headers);
        Assert.Equal(0, table.IndexOf(" 凭证号"));
        Assert.Equal(1, table.IndexOf("amount"));
        Assert.Equal(-1, table.IndexOf("金额"));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Xlsx_FirstSheet_FirstRowHeaders()
    {
        var path = dir.PathOf("a.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object?> { ["凭证号"] = "V1", ["金额"] = 0.29 },
            new Dictionary<string, object?> { ["凭证号"] = "V2", ["金额"] = "¥1,200" },
            new Dictionary<string, object?> { ["凭证号"] = "V3", ["金额"] = null },
        });

        var table = TableFile.Open(path);
        var column = NumericColumn.Read(table, table.IndexOf("金额"));

        Assert.Equal(["凭证号", "金额"], table.Headers);
        Assert.Equal([0.29m, 1200m], column.Values);
        Assert.Equal(1, column.EmptyCells);
    }

    [Fact]
    public void NumericColumn_CountsEmptyAndInvalidCells_WithTheirRows()
    {
        var path = Write("b.csv", "金额\n1\n\n  \nabc\n-¥5\nn/a\n");

        var column = NumericColumn.Read(TableFile.Open(path), 0);

        Assert.Equal([1m, -5m], column.Values);
        Assert.Equal(1, column.EmptyCells); // the blank line is no row at all; "  " is an empty cell
        Assert.Equal([new InvalidCell(4, "abc"), new InvalidCell(6, "n/a")], column.InvalidCells);
    }

    [Fact]
    public void OtherFileTypes_AndEmptyFiles_AreRefusedInChinese()
    {
        var txt = Write("a.txt", "金额\n1\n");
        var empty = Write("empty.csv", "");

        Assert.Equal("不支持的文件类型「.txt」：请提供 .csv 或 .xlsx 文件", Assert.Throws<InvalidDataException>(() => TableFile.Open(txt)).Message);
        Assert.Contains("是空的", Assert.Throws<InvalidDataException>(() => TableFile.Open(empty)).Message);
    }

    [Fact]
    public void ABrokenWorkbook_IsRefusedInChinese()
    {
        var path = Write("broken.xlsx", "not a zip");

        var error = Assert.Throws<InvalidDataException>(() => TableFile.Open(path));

        Assert.StartsWith($"无法读取 Excel 文件「{path}」", error.Message);
    }

    private string Write(string name, string text)
    {
        var path = dir.PathOf(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
