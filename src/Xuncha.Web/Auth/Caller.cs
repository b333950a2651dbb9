using Microsoft.AspNetCore.Http;
using Xuncha.Core.Security;

namespace Xuncha.Web.Auth;

/// <summary>
/// The signed-in user of an API request with their current roles and scope, bound as an
/// endpoint parameter so that no endpoint can forget to ask for it.
/// </summary>
public sealed record Caller(UserScope Scope)
{
    public static async ValueTask<Caller> BindAsync(HttpContext http)
    {
        var resolver = http.RequestServices.GetRequiredService<UserScopeResolver>();
        var scope = await resolver.ResolveAsync(http.User, http.RequestAborted);
        return scope is null ? throw new UnauthenticatedException() : new Caller(scope);
    }
}

public sealed class UnauthenticatedException() : Exception("未登录");
