using Xuncha.Core.Domain.Users;
using Xuncha.Core.Security;

namespace Xuncha.Core.Tests.Security;

public sealed class UserScopeTests
{
    private static UserScope County(params string[] roles) =>
        new("u1", "yiwu", "李示例", roles.ToHashSet(), "330782", "义乌市");

    [Fact]
    public void EnsureCovers_OutsideScope_ThrowsForbiddenNamingBoth()
    {
        var ex = Assert.Throws<ForbiddenException>(() => County(Roles.CountyOffice).EnsureCovers("330702001008", "桃园社区居委会"));
        Assert.Equal("无权查看「桃园社区居委会」：该地区不在您的数据范围（义乌市）内。", ex.Message);
    }

    [Fact]
    public void EnsureCovers_InsideScope_Passes() => County(Roles.CountyOffice).EnsureCovers("330782100014", "大成社区居委会");

    [Fact]
    public void EnsureRole_WithoutRole_ThrowsNamingTheUsersRoles()
    {
        var ex = Assert.Throws<ForbiddenException>(() => County(Roles.TeamMember).EnsureRole(Roles.UserManagers, "管理用户"));
        Assert.Equal("您的角色（巡察组成员）无权管理用户。", ex.Message);
    }

    [Fact]
    public void ValidationErrors_CollectsEveryFieldBeforeThrowing()
    {
        var errors = new ValidationErrors();
        errors.Add("a", "一");
        errors.Add("a", "二");
        errors.Add("b", "三");
        var ex = Assert.Throws<ValidationException>(errors.ThrowIfAny);
        Assert.Equal(["一", "二"], ex.Errors["a"]);
        Assert.Equal(["三"], ex.Errors["b"]);
    }
}
