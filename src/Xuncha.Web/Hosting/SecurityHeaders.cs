using System.Security.Cryptography;

namespace Xuncha.Web.Hosting;

/// <summary>
/// Response headers against framing, MIME sniffing and script injection. Scripts run only from
/// this origin, plus the one inline import map Blazor writes, which carries the request's nonce.
/// Styles allow inline attributes: Ant Design positions popups with them.
/// </summary>
public static class SecurityHeaders
{
    public const string NonceKey = "csp-nonce";

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = Policy(nonce);
            return Task.CompletedTask;
        });
        await next();
    });

    public static string? NonceOf(HttpContext context) => context.Items[NonceKey] as string;
}
