using Xuncha.Core.Domain.Regions;

namespace Xuncha.Core.Tests.Domain;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("3307", "3307")]
    [InlineData("330700000000", "3307")]
    [InlineData("330782", "330782")]
    [InlineData("330782000000", "330782")]
    [InlineData(" 330782100000 ", "330782100")]
    [InlineData("330782100014", "330782100014")]
    [InlineData("330700", "3307")]
    public void Normalize_AcceptsShortAndPaddedCodes(string input, string expected) =>
        Assert.Equal(expected, RegionCode.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("33078")]
    [InlineData("3307821")]
    [InlineData("33078210001４")]
    public void Normalize_RejectsNonCodes(string? input) => Assert.Null(RegionCode.Normalize(input));

    [Theory]
    [InlineData("3307", RegionLevel.City)]
    [InlineData("330782", RegionLevel.County)]
    [InlineData("330782100", RegionLevel.Township)]
    [InlineData("330782100014", RegionLevel.Village)]
    public void LevelOf_FollowsCodeLength(string code, RegionLevel level) => Assert.Equal(level, RegionCode.LevelOf(code));

    [Fact]
    public void IsWithin_IsTheNodeAndItsDescendantsOnly()
    {
        Assert.True(RegionCode.IsWithin("330782100014", "330782"));
        Assert.True(RegionCode.IsWithin("330782", "330782"));
        Assert.True(RegionCode.IsWithin("330702001008", "3307"));
        Assert.False(RegionCode.IsWithin("330702001008", "330782"));
        Assert.False(RegionCode.IsWithin("330782", "330782100"));
    }
}
