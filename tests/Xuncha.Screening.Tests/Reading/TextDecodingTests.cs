using System.Text;
using Xuncha.Screening.Package;

namespace Xuncha.Screening.Tests.Reading;

public sealed class TextDecodingTests
{
    private const string Text = "金额,摘要\n1200,办公用品";

    [Fact]
    public void Utf8_WithAndWithoutBom()
    {
        Assert.Equal(Text, TextDecoding.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray()));
        Assert.Equal(Text, TextDecoding.Decode(Encoding.UTF8.GetBytes(Text)));
    }

    [Fact]
    public void Gb18030_WhenTheBytesAreNotUtf8()
    {
        var bytes = TextDecoding.Gb18030.GetBytes(Text);
        Assert.NotEqual(Encoding.UTF8.GetBytes(Text), bytes);

        Assert.Equal(Text, TextDecoding.Decode(bytes));
    }

    [Theory]
    [InlineData("utf-16", true)]
    [InlineData("utf-16", false)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16BE", false)]
    public void Utf16_WithOrWithoutByteOrderMark(string name, bool bom)
    {
        var encoding = Encoding.GetEncoding(name);
        byte[] bytes = [.. (bom ? encoding.GetPreamble() : []), .. encoding.GetBytes(Text)];
        Assert.Equal(Text, TextDecoding.Decode(bytes));

        using var folder = new TempFolder("utf16");
        var path = folder.PathOf("t.csv");
        File.WriteAllBytes(path, bytes);
        using var reader = new StreamReader(path, TextDecoding.Detect(path), detectEncodingFromByteOrderMarks: true);
        Assert.Equal(Text, reader.ReadToEnd());
    }
}
