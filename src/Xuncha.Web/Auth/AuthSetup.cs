using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Xuncha.Core.Persistence;

namespace Xuncha.Web.Auth;

internal static class AuthSetup
{
    private const string SmartScheme = "Xuncha";

    public static void AddXunchaAuth(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie 或 Bearer 令牌", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddXunchaIdentityCore().AddSignInManager();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "xuncha.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request)
                ? Problems.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized, "未登录", "请先登录，或在 Authorization 头中提供 Bearer 令牌。")
                : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request)
                ? Problems.WriteAsync(ctx.HttpContext, StatusCodes.Status403Forbidden, "无权访问", "您的角色或数据范围不允许此操作。")
                : Redirect(ctx);
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
