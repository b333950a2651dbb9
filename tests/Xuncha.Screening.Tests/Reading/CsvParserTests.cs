using Xuncha.Screening.Reading;

namespace Xuncha.Screening.Tests.Reading;

public sealed class CsvParserTests
{
    [Fact]
    public void QuotedFields_HoldCommasQuotesAndLineBreaks()
    {
        var records = CsvParser.Parse("凭证号,摘要,金额\r\nV1,\"办公用品, 纸张\",\"1,200.00\"\r\nV2,\"他说\"\"好\"\"\",\"第一行\n第二行\"\r\n").ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["V1", "办公用品, 纸张", "1,200.00"], records[1]);
        Assert.Equal(["V2", "他说\"好\"", "第一行\n第二行"], records[2]);
    }

    [Theory]
    [InlineData("a,b\nc,d")]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("a,b\n\n\nc,d\n")]
    public void LineEndings_AndBlankLines(string text)
    {
        var records = CsvParser.Parse(text).ToList();

        Assert.Equal([["a", "b"], ["c", "d"]], records);
    }

    [Fact]
    public void EmptyFields_AreKept()
    {
        Assert.Equal([["a", "", "b", ""]], CsvParser.Parse("a,,b,\n"));
        Assert.Equal([["", ""]], CsvParser.Parse("\"\",\n"));
    }

    [Fact]
    public void Leniency_TextAfterAClosingQuote_AndAnUnclosedQuote()
    {
        Assert.Equal([["ab c", "d"]], CsvParser.Parse("\"ab\" c,d"));
        Assert.Equal([["x", "open,\nto the end"]], CsvParser.Parse("x,\"open,\nto the end"));
    }
}
