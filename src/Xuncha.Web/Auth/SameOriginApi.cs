namespace Xuncha.Web.Auth;

/// <summary>
/// Cookie-authenticated /api calls that change state must come from this site's own pages. The
/// auth cookie is SameSite=Lax, which already keeps it off cross-site POST/PUT/DELETE in current
/// browsers; this check also covers sibling origins of the same site and older browsers. A browser
/// says where a request comes from in Sec-Fetch-Site or Origin; when it says another origin, the
/// request is refused (403). Bearer-token clients carry no ambient credentials and are exempt, as
/// are requests without those headers (scripts, tests), which browsers never send cross-origin.
/// </summary>
internal static class SameOriginApi
{
    public const string Refused = "跨站请求被拒绝：修改数据的接口只接受本站页面或 Bearer 令牌发起的请求。";

    public static IApplicationBuilder UseSameOriginApi(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsCrossOriginCookieWrite(http.Request))
        {
            await Problems.WriteAsync(http, StatusCodes.Status403Forbidden, "跨站请求被拒绝", Refused);
            return;
        }

        await next(http);
    });

    public static bool IsCrossOriginCookieWrite(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
