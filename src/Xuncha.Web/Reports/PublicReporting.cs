using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Xuncha.Web.Reports;

/// <summary>
/// Abuse protection of the public page <c>/r/{token}</c> without outside services: a fixed window of
/// submissions per IP (<c>Xuncha:Reports:PermitsPerWindow</c>, default 5 per
/// <c>Xuncha:Reports:WindowMinutes</c>, default 10) and a cap on the size of a submission.
/// The honeypot field and content limits are on the page and in the handler. The one rate limiter
/// of the host (Hosting/RateLimits.cs) combines this window with the sign-in limits.
/// </summary>
public static class PublicReporting
{
    public const long MaxRequestBytes = 32 * 1024;

    /// <summary>The per-IP window on submissions; other requests are not limited here.</summary>
    public static PartitionedRateLimiter<HttpContext> Limiter(IConfiguration config)
    {
        var (permits, window) = Settings(config);
        return PartitionedRateLimiter.Create<HttpContext, string>(http => IsSubmission(http.Request)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));
    }

    public static ValueTask Rejected(HttpContext http, IConfiguration config, CancellationToken ct)
    {
        var (permits, window) = Settings(config);
        return WritePage(http, StatusCodes.Status429TooManyRequests, "提交过于频繁",
            $"同一网络在 {window.TotalMinutes:0} 分钟内最多提交 {permits} 次反映，请稍后再试。情况紧急的，请直接拨打巡察组公布的联系电话。", ct);
    }

    private static (int Permits, TimeSpan Window) Settings(IConfiguration config) =>
        (config.GetValue("Xuncha:Reports:PermitsPerWindow", 5), TimeSpan.FromMinutes(config.GetValue("Xuncha:Reports:WindowMinutes", 10.0)));

    public static IApplicationBuilder UsePublicReporting(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (IsSubmission(http.Request) && http.Request.ContentLength > MaxRequestBytes)
            {
                await WritePage(http, StatusCodes.Status413PayloadTooLarge, "提交内容过大", "反映内容不能超过 2000 字，请精简后再提交。", http.RequestAborted);
                return;
            }

            await next(http);
        });
        return app;
    }

    public static bool IsSubmission(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/r");

    public static async ValueTask WritePage(HttpContext http, int status, string title, string message, CancellationToken ct,
        string section = "群众反映", string back = "javascript:history.back()")
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var t = encoder.Encode(title);
        var m = encoder.Encode(message);
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{t}} - {{encoder.Encode(section)}}</title>
            <style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:32px 20px;color:#262626;background:#f5f5f5}
            .box{max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px}h1{font-size:20px;color:#c41d1d}</style></head>
            <body><div class="box"><h1>{{t}}</h1><p>{{m}}</p><p><a href="{{encoder.Encode(back)}}">返回</a></p></div></body></html>
            """, ct);
    }
}
