using Microsoft.AspNetCore.Components.Authorization;
using Xuncha.Core.Security;

namespace Xuncha.Web.Components.Shared;

/// <summary>
/// The signed-in user of a Blazor circuit, resolved from the database (roles and scope as they
/// are now). Pages pass it to handlers, which enforce the scope.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider auth, UserScopeResolver resolver)
{
    private UserScope? cached;

    public async Task<UserScope> GetAsync()
    {
        if (cached is not null)
        {
            return cached;
        }

        var state = await auth.GetAuthenticationStateAsync();
        cached = await resolver.ResolveAsync(state.User) ?? throw new ForbiddenException("登录已失效，请重新登录。");
        return cached;
    }
}
