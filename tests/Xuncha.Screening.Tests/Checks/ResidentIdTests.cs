using Xuncha.Screening.Checks;

namespace Xuncha.Screening.Tests.Checks;

public sealed class ResidentIdTests
{
    [Fact]
    public void LowerCaseX_IsAcceptedAsCheckCharacter()
    {
        var result = ResidentId.Validate("11010519491231002x", notAfter: null);

        Assert.Equal(ResidentIdStatus.Valid, result.Status);
        Assert.Equal(new DateOnly(1949, 12, 31), result.BirthDate);
        Assert.Equal('X', result.ExpectedCheckDigit);
    }

    [Theory]
    [InlineData("330782199202290027", 1992)]
    [InlineData("330782200002290028", 2000)]
    public void February29_OfALeapYear_IsAValidBirthDate(string id, int year)
    {
        var result = ResidentId.Validate(id, new DateOnly(2025, 1, 1));

        Assert.Equal(ResidentIdStatus.Valid, result.Status);
        Assert.Equal(new DateOnly(year, 2, 29), result.BirthDate);
    }

    [Theory]
    [InlineData("330782202302290029", "20230229")]
    [InlineData("330782190002290021", "19000229")] // 1900 is not a leap year
    public void February29_OfANonLeapYear_IsABadBirthDate(string id, string dateText)
    {
        var result = ResidentId.Validate(id, null);

        Assert.Equal(ResidentIdStatus.BadBirthDate, result.Status);
        Assert.Equal($"出生日期无效：第 7–14 位「{dateText}」不是真实日期", result.Description);
    }

    [Fact]
    public void BirthDateAfterTheGivenDate_IsReported_OnTheDateItselfIsValid()
    {
        const string id = "330782202506010017";

        var after = ResidentId.Validate(id, new DateOnly(2025, 5, 31));
        Assert.Equal(ResidentIdStatus.BirthDateAfter, after.Status);
        Assert.Equal("出生日期 2025-06-01 晚于 2025-05-31", after.Description);

        Assert.True(ResidentId.IsValid(id, new DateOnly(2025, 6, 1)));
        Assert.True(ResidentId.IsValid(id));
    }

    [Fact]
    public void WrongCheckDigit_SaysWhichOneIsRight()
    {
        var result = ResidentId.Validate("110105194912310021", null);

        Assert.Equal(ResidentIdStatus.WrongCheckDigit, result.Status);
        Assert.Equal('X', result.ExpectedCheckDigit);
        Assert.Equal("校验码错误：应为 X", result.Description);
    }

    [Theory]
    [InlineData(null, "身份证号为空")]
    [InlineData("", "身份证号为空")]
    [InlineData("11010519491231002", "身份证号应为 18 位，实际为 17 位")]
    [InlineData("11010519491231002X1", "身份证号应为 18 位，实际为 19 位")]
    [InlineData(" 11010519491231002X", "身份证号应为 18 位，实际为 19 位")]
    public void WrongLength_IsReportedWithTheLength(string? id, string description)
    {
        var result = ResidentId.Validate(id, null);

        Assert.Equal(ResidentIdStatus.WrongLength, result.Status);
        Assert.Equal(description, result.Description);
    }

    [Theory]
    [InlineData("11010519491231002Y")]
    [InlineData("1101051949123100X2")]
    [InlineData("11010519491231 02X")]
    [InlineData("１１010519491231002X")] // full-width digits
    public void NonDigits_AreAFormatError(string id)
    {
        var result = ResidentId.Validate(id, null);

        Assert.Equal(ResidentIdStatus.WrongFormat, result.Status);
        Assert.Equal("身份证号格式错误：应为 17 位数字加 1 位数字或 X", result.Description);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("33078219920229002", '7')]
    public void ComputeCheckDigit_FollowsIso7064Mod11_2(string first17, char expected)
    {
        Assert.Equal(expected, ResidentId.ComputeCheckDigit(first17));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("1101051949123100X")]
    public void ComputeCheckDigit_RefusesAnythingButSeventeenDigits(string first17)
    {
        Assert.Throws<ArgumentException>(() => ResidentId.ComputeCheckDigit(first17));
    }
}
