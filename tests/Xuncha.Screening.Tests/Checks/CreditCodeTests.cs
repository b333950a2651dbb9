using Xuncha.Screening.Checks;

namespace Xuncha.Screening.Tests.Checks;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("N2330782MF1234567M")] // a village collective economic organisation (N2) in Yiwu
    [InlineData("n2330782mf1234567m")]
    [InlineData("A1110000600037341K")]
    public void LetterRegistrationAuthorities_AndLowerCase_AreAccepted(string code)
    {
        Assert.True(CreditCode.IsValid(code));
    }

    [Fact]
    public void WrongCheckCharacter_SaysWhichOneIsRight()
    {
        var result = CreditCode.Validate("91110000600037341N");

        Assert.Equal(CreditCodeStatus.WrongCheckCharacter, result.Status);
        Assert.Equal('L', result.ExpectedCheckCharacter);
        Assert.Equal("校验码错误：应为 L", result.Description);
    }

    [Theory]
    [InlineData("9111000060003IOZSV", "统一社会信用代码格式错误：第 14 位「I」不是数字或大写字母（不用 I、O、Z、S、V）")]
    [InlineData("91A10000600037341L", "统一社会信用代码格式错误：第 3 位「A」应为数字（第 3–8 位是行政区划码）")]
    [InlineData("S1110000600037341L", "统一社会信用代码格式错误：第 1 位「S」不是数字或大写字母（不用 I、O、Z、S、V）")]
    public void CharactersOutsideTheAlphabet_AreAFormatError_NamingThePosition(string code, string description)
    {
        var result = CreditCode.Validate(code);

        Assert.Equal(CreditCodeStatus.WrongFormat, result.Status);
        Assert.Equal(description, result.Description);
    }

    [Theory]
    [InlineData(null, "统一社会信用代码为空")]
    [InlineData("12345", "统一社会信用代码应为 18 位，实际为 5 位")]
    public void WrongLength_IsReportedWithTheLength(string? code, string description)
    {
        var result = CreditCode.Validate(code);

        Assert.Equal(CreditCodeStatus.WrongLength, result.Status);
        Assert.Equal(description, result.Description);
    }

    [Theory]
    [InlineData("91110000600037341", 'L')]
    [InlineData("N2330782MF0000001", '1')]
    [InlineData("9144030071526726X", 'G')]
    public void ComputeCheckCharacter_FollowsGb32100(string first17, char expected)
    {
        Assert.Equal(expected, CreditCode.ComputeCheckCharacter(first17));
    }
}
