using Xuncha.Screening.Benford;

namespace Xuncha.Screening.Tests.Benford;

public sealed class LeadingDigitsTests
{
    [Theory]
    [InlineData("1234.5", 1)]
    [InlineData("0.0123", 1)]
    [InlineData("-987", 9)]
    [InlineData("9.99", 9)]
    [InlineData("10", 1)]
    [InlineData("0.0000000000000000000000000001", 1)]
    [InlineData("79228162514264337593543950335", 7)] // decimal.MaxValue
    public void FirstDigit(string value, int expected)
    {
        Assert.Equal(expected, LeadingDigits.Of(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), BenfordDigits.First));
    }

    [Theory]
    [InlineData("0.0123", 12)]
    [InlineData("1", 10)]
    [InlineData("10", 10)]
    [InlineData("99.99", 99)]
    [InlineData("9.9", 99)]
    [InlineData("-1234", 12)]
    [InlineData("0.29", 29)] // as a double, 0.29 × 100 is 28.999…
    [InlineData("2.9", 29)]
    [InlineData("79228162514264337593543950335", 79)]
    [InlineData("7922816251426433759354395033.5", 79)] // 29 significant digits
    [InlineData("0.0000000000000000000000000099", 99)] // 28 decimal places
    public void FirstTwoDigits(string value, int expected)
    {
        Assert.Equal(expected, LeadingDigits.Of(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), BenfordDigits.FirstTwo));
    }

    [Fact]
    public void Zero_HasNoLeadingDigit()
    {
        Assert.Null(LeadingDigits.Of(0m, BenfordDigits.First));
        Assert.Null(LeadingDigits.Of(-0.00m, BenfordDigits.FirstTwo));
    }
}
