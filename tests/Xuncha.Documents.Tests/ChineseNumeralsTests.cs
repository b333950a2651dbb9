using Xuncha.Documents;

namespace Xuncha.Documents.Tests;

public class ChineseNumeralsTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(99, "九十九")]
    public void Of_Number_ChineseNumeral(int number, string expected) => Assert.Equal(expected, ChineseNumerals.Of(number));

    [Theory]
    [InlineData(1, 3, "三、")]
    [InlineData(2, 11, "（十一）")]
    [InlineData(3, 2, "2.")]
    [InlineData(4, 5, "（5）")]
    public void HeadingPrefix_LevelAndNumber_GbNumbering(int level, int number, string expected) =>
        Assert.Equal(expected, ChineseNumerals.HeadingPrefix(level, number));

    [Fact]
    public void Of_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumerals.Of(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumerals.Of(100));
    }

    [Fact]
    public void Date_ArabicYearMonthDay_NoLeadingZeros() =>
        Assert.Equal("2026年3月5日", ChineseNumerals.Date(new DateOnly(2026, 3, 5)));

}
