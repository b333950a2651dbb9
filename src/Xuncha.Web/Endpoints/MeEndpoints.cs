using Xuncha.Core.Domain.Users;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class MeEndpoints
{
    public sealed record MeResponse(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> RoleNames, string ScopeCode, string ScopeName);

    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (Caller caller) =>
        {
            var s = caller.Scope;
            var roles = s.Roles.Order().ToList();
            return new MeResponse(s.UserId, s.UserName, s.DisplayName, roles, roles.Select(Roles.NameOf).ToList(), s.ScopeCode, s.ScopeName);
        })
        .WithTags("账号").WithSummary("当前用户、角色与数据范围");
    }
}
