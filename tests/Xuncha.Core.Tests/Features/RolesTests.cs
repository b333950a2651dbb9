using Xuncha.Core.Domain.Users;

namespace Xuncha.Core.Tests.Features;

public sealed class RolesTests
{
    [Theory]
    [InlineData("县巡察办", Roles.CountyOffice)]
    [InlineData("county-office", Roles.CountyOffice)]
    [InlineData(" 纪检监察 ", Roles.Discipline)]
    [InlineData("系统管理员", Roles.Admin)]
    public void Parse_AcceptsKeyOrChineseName(string input, string expected) => Assert.Equal(expected, Roles.Parse(input));

    [Theory]
    [InlineData("队长")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_RejectsUnknown(string? input) => Assert.Null(Roles.Parse(input));

    [Fact]
    public void All_HasTheEightRolesOfTheWorkflow()
    {
        Assert.Equal(
            ["市巡察办", "县巡察办", "巡察组成员", "专家", "指导组", "整改责任单位", "纪检监察", "系统管理员"],
            Roles.All.Select(r => r.Name));
    }
}
