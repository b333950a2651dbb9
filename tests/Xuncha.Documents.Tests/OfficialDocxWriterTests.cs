using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Xuncha.Documents;

namespace Xuncha.Documents.Tests;

/// <summary>The GB/T 9704-2012 layout read back with the Open XML SDK.</summary>
public class OfficialDocxWriterTests
{
    private static WordprocessingDocument Open(OfficialDocument document)
    {
        var stream = new MemoryStream();
        OfficialDocxWriter.Write(document, stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, false);
    }

    private static Style StyleNamed(WordprocessingDocument doc, string name) =>
        doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleName?.Val == name);

    [Fact]
    public void Write_Report_ValidOpenXml()
    {
        using var doc = Open(Samples.Report());
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Write_Report_A4WithGbMarginsAnd22LineGrid()
    {
        using var doc = Open(Samples.Report());
        var section = doc.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        var grid = section.GetFirstChild<DocGrid>()!;

        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        // 37 mm top, 28 mm left, 26 mm right, 35 mm bottom: a 156 × 225 mm text block.
        Assert.Equal((2098, 1587u, 1474u, 1984), (margin.Top!.Value, margin.Left!.Value, margin.Right!.Value, margin.Bottom!.Value));
        Assert.Equal(156.0, Math.Round((11906 - 1587 - 1474) / 1440.0 * 25.4), 0);
        Assert.Equal(225.0, Math.Round((16838 - 2098 - 1984) / 1440.0 * 25.4), 0);
        Assert.Equal(579, grid.LinePitch!.Value);
        Assert.Equal(22, (16838 - 2098 - 1984) / 579);
    }

    [Theory]
    [InlineData("公文标题", "方正小标宋简体", "44")]
    [InlineData("公文正文", "仿宋_GB2312", "32")]
    [InlineData("一级标题", "黑体", "32")]
    [InlineData("二级标题", "楷体_GB2312", "32")]
    [InlineData("三级标题", "仿宋_GB2312", "32")]
    [InlineData("四级标题", "仿宋_GB2312", "32")]
    [InlineData("页码", "宋体", "28")]
    public void Write_Report_StylesCarryGbFontsAndSizes(string style, string font, string halfPoints)
    {
        using var doc = Open(Samples.Report());
        var run = StyleNamed(doc, style).StyleRunProperties!;

        Assert.Equal(font, run.RunFonts!.EastAsia!.Value);
        Assert.Equal(font, run.RunFonts!.Ascii!.Value);
        Assert.Equal(halfPoints, run.FontSize!.Val!.Value);
        Assert.Null(run.Bold);
    }

    [Fact]
    public void Write_Report_BodyAndHeadingsIndentTwoCharacters_TitleCentred_LinesExact()
    {
        using var doc = Open(Samples.Report());
        foreach (var name in new[] { "公文正文", "一级标题", "二级标题", "三级标题", "四级标题" })
        {
            Assert.Equal(200, StyleNamed(doc, name).StyleParagraphProperties!.Indentation!.FirstLineChars!.Value);
        }

        Assert.Equal(JustificationValues.Center, StyleNamed(doc, "公文标题").StyleParagraphProperties!.Justification!.Val!.Value);
        var spacing = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.ParagraphPropertiesDefault!
            .ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal(("579", LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
        // 28 characters of 16 pt condensed by 5 twips fit the 8845-twip line; 29 do not.
        Assert.InRange(8845 / (320 + GbLayout.CharacterCondense), 28, 28);
    }

    [Fact]
    public void Write_Report_ParagraphsUseTheNamedStylesInOrder()
    {
        using var doc = Open(Samples.Report(bodyParagraphs: 1));
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value!);
        var paragraphs = doc.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: styles[p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!], p.InnerText)).ToList();

        Assert.Equal(("公文标题", "关于对佛堂镇蒋宅村党组织巡察情况的报告"), paragraphs[0]);
        Assert.Contains(("一级标题", "一、基本情况"), paragraphs);
        Assert.Contains(("二级标题", "（一）落实党的路线方针政策方面"), paragraphs);
        Assert.Contains(("三级标题", "1.集体资金管理"), paragraphs);
        Assert.Contains(("四级标题", "（1）合同管理"), paragraphs);
        Assert.Contains(("公文正文", "附件：1.问题清单"), paragraphs);
        Assert.Equal(("署名日期", "2026年11月28日"), paragraphs[^1]);
    }

    [Fact]
    public void Write_Report_FootersNumberPagesOddRightEvenLeft()
    {
        using var doc = Open(Samples.Report());
        var main = doc.MainDocumentPart!;
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();
        var footers = section.Elements<FooterReference>().ToDictionary(
            r => r.Type!.Value, r => ((FooterPart)main.GetPartById(r.Id!.Value!)).Footer!.Elements<Paragraph>().Single());

        Assert.Equal(JustificationValues.Right, footers[HeaderFooterValues.Default].ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(JustificationValues.Left, footers[HeaderFooterValues.Even].ParagraphProperties!.Justification!.Val!.Value);
        foreach (var footer in footers.Values)
        {
            Assert.Equal(" PAGE ", footer.Descendants<FieldCode>().Single().Text);
            Assert.Equal("— 1 —", footer.InnerText.Replace(" PAGE ", "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("方正小标宋简体", "华文中宋")]
    [InlineData("仿宋_GB2312", "仿宋")]
    [InlineData("楷体_GB2312", "楷体")]
    [InlineData("黑体", "SimHei")]
    public void Write_Report_FontTableDeclaresFallbacks(string font, string alternative)
    {
        using var doc = Open(Samples.Report());
        var declared = doc.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == font);

        Assert.Equal(alternative, declared.AltName!.Val!.Value);
        Assert.Equal("86", declared.FontCharSet!.Val!.Value);
    }
}
