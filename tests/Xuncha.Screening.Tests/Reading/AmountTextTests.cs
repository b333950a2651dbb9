using System.Globalization;
using Xuncha.Screening.Reading;

namespace Xuncha.Screening.Tests.Reading;

public sealed class AmountTextTests
{
    [Theory]
    [InlineData("1200", "1200")]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("¥1,234.50", "1234.50")]
    [InlineData("￥-3,000", "-3000")]
    [InlineData("-¥12", "-12")]
    [InlineData("- ¥ 12.5", "-12.5")]
    [InlineData("  88.8 ", "88.8")]
    [InlineData("+5", "5")]
    [InlineData(".5", "0.5")]
    [InlineData("-0.0123", "-0.0123")]
    [InlineData("6e+05", "600000")]
    [InlineData("1.95E+08", "195000000")]
    public void Amounts(string text, string expected)
    {
        Assert.True(AmountText.TryParse(text, out var amount));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("¥")]
    [InlineData("--5")]
    [InlineData("-¥-5")]
    [InlineData(",5")]
    [InlineData("1.2.3")]
    [InlineData("12元")]
    [InlineData("e5")]
    [InlineData("(100)")]
    public void NotAmounts(string? text)
    {
        Assert.False(AmountText.TryParse(text, out _));
    }
}
