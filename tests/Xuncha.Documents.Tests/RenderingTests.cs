using Xuncha.Documents;

namespace Xuncha.Documents.Tests;

/// <summary>The .docx rendered by LibreOffice: 22 lines of 28 characters per page, and the Chinese text survives.</summary>
public class RenderingTests
{
    private static string Render(string name, Action<Stream> write)
    {
        var dir = Office.OutputDir(name);
        var docx = Path.Combine(dir, name + ".docx");
        using (var file = File.Create(docx))
        {
            write(file);
        }

        return Office.ToPdf(docx);
    }

    [Fact]
    public void Report_TitleBlankAnd20Lines_FillsOnePage_OneMoreLineStartsPage2()
    {
        // Title + blank line + 20 one-line paragraphs = the 22 lines of a page.
        var full = Render("lines-22", s => OfficialDocxWriter.Write(Samples.Lines(20), s));
        var over = Render("lines-23", s => OfficialDocxWriter.Write(Samples.Lines(21), s));

        Assert.Equal(1, Office.Pages(full));
        Assert.Equal(2, Office.Pages(over));
        Assert.Contains("—2—", Office.Flat(over));
    }

    [Fact]
    public void Report_26CharacterParagraphs_EachTakesOneLine()
    {
        // 26 characters after a two-character indent is one full 28-character line; 20 of them still fit page 1.
        var pdf = Render("chars-28", s => OfficialDocxWriter.Write(Samples.Lines(20) with
        {
            Blocks = [.. Enumerable.Range(0, 20).Select(_ => new TextBlock(Samples.OneLine))],
        }, s));

        Assert.Equal(1, Office.Pages(pdf));
        var lines = Office.Text(pdf).Split('\n').Select(l => string.Concat(l.Where(c => !char.IsWhiteSpace(c))));
        Assert.Equal(20, lines.Count(l => l == Samples.OneLine));
    }

    [Fact]
    public void Report_27CharacterParagraphs_WrapToTwoLines()
    {
        // One character more than a line holds: 11 paragraphs of two lines each overflow the 20 lines under the title.
        var pdf = Render("chars-29", s => OfficialDocxWriter.Write(Samples.Lines(0) with
        {
            Blocks = [.. Enumerable.Range(0, 11).Select(_ => new TextBlock(Samples.OneLine + "况"))],
        }, s));

        Assert.Equal(2, Office.Pages(pdf));
    }

    [Fact]
    public void Report_Rendered_ChineseTitleBodyHeadingsAndPageNumberSurvive()
    {
        var pdf = Render("report", s => OfficialDocxWriter.Write(Samples.Report(), s));
        var text = Office.Flat(pdf);

        Assert.Contains("关于对佛堂镇蒋宅村党组织巡察情况的报告", text);
        Assert.Contains("一、基本情况", text);
        Assert.Contains("（一）落实党的路线方针政策方面", text);
        Assert.Contains("附件：1.问题清单", text);
        Assert.Contains("2026年11月28日", text);
        Assert.Contains("—1—", text);
        Assert.True(File.Exists(Office.Png(pdf)));
    }

    [Fact]
    public void ProblemList_Rendered_LandscapeTableWithChineseHeaders()
    {
        var pdf = Render("problems", s => ListDocxWriter.Write(Samples.Problems(rows: 40), s));
        var text = Office.Flat(pdf);

        Assert.Contains("问题清单", text);
        Assert.Contains("问题描述", text);
        Assert.Contains("第40项", text);
        Assert.True(Office.Pages(pdf) >= 2);
        // The header row repeats: "问题描述" once per page.
        Assert.Equal(Office.Pages(pdf), text.Split("问题描述").Length - 1);
        Assert.True(File.Exists(Office.Png(pdf)));
    }
}
