using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Xuncha.Documents;

namespace Xuncha.Documents.Tests;

public class ListWritersTests
{
    private static WordprocessingDocument Open(ListDocument list)
    {
        var stream = new MemoryStream();
        ListDocxWriter.Write(list, stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, false);
    }

    [Fact]
    public void Docx_SevenColumns_LandscapeTableWithRepeatedHeaderInColumnOrder()
    {
        using var doc = Open(Samples.Problems());
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        var table = body.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();

        Assert.Equal((16838u, 11906u, PageOrientationValues.Landscape), (size.Width!.Value, size.Height!.Value, size.Orient!.Value));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(["序号", "问题类别", "问题描述", "涉及金额（元）", "挽回损失（元）", "来源", "立行立改"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(4, rows.Count);
        Assert.Equal("第2项：=SUM(A1) 村集体土地发包未经村民代表会议表决", rows[2].Elements<TableCell>().ElementAt(2).InnerText);
        Assert.Equal("问题清单", body.Elements<Paragraph>().First().InnerText);
        // Column widths follow the relative widths and fill the text width exactly.
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
        Assert.Equal(16838 - 2098 - 1984, grid.Sum());
        Assert.True(grid[2] > 3 * grid[1]);
    }

    [Fact]
    public void Docx_FiveColumns_Portrait()
    {
        using var doc = Open(Samples.Problems(columns: 5));
        var size = doc.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;

        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Null(size.Orient);
    }

    [Fact]
    public void Xlsx_TitleSubtitleHeaderRows_FormulaLikeCellsNeutralised()
    {
        using var stream = new MemoryStream();
        ListXlsxWriter.Write(Samples.Problems(), stream);
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal("问题清单", rows[0]["A"]);
        Assert.Equal("佛堂镇蒋宅村 · 2026年第二轮巡察", rows[1]["A"]);
        Assert.Equal(["序号", "问题类别", "问题描述", "涉及金额（元）", "挽回损失（元）", "来源", "立行立改"], rows[2].Values.Select(v => v?.ToString()));
        Assert.Equal("第1项：=SUM(A1) 村集体土地发包未经村民代表会议表决", rows[3]["C"]);
        Assert.Equal("'-5", rows[3]["E"]);
        Assert.Equal("注：金额单位为元。", rows[^1]["A"]);
        Assert.Equal(3 + 3 + 1, rows.Count);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("@SUM", "'@SUM")]
    [InlineData("+86", "'+86")]
    [InlineData("正常", "正常")]
    [InlineData("", "")]
    public void Safe_FormulaPrefixes_Quoted(string value, string expected) => Assert.Equal(expected, CellText.Safe(value));

    [Fact]
    public void SheetName_LongTitleWithForbiddenCharacters_Cleaned() =>
        Assert.Equal("问题线索移交清单（佛堂镇蒋宅村2026年第二轮）附加很长的说明", ListXlsxWriter.SheetName("问题线索移交清单/（佛堂镇蒋宅村:2026年第二轮）附加很长的说明文字"));
}
