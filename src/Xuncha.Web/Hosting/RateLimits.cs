using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Xuncha.Web.Reports;

namespace Xuncha.Web.Hosting;

/// <summary>
/// The host's one rate limiter: public report submissions (<see cref="PublicReporting"/>) and
/// sign-in form posts, limited per client IP and user name
/// (<c>Xuncha:Security:SignInPermitsPerMinute</c>, default 10) and per client IP
/// (<c>Xuncha:Security:SignInPermitsPerMinutePerIp</c>, default 60). Identity's lockout after
/// five wrong passwords stays as the per-account limit.
/// </summary>
public static class RateLimits
{
    public const string SignInPath = "/account/login";
    public const string SignInTooFast = "登录尝试过于频繁，请稍后再试。";
    private const string SignInKey = "xuncha.sign-in-key";

    public static void AddXunchaRateLimits(IServiceCollection services, IConfiguration config)
    {
        var perName = config.GetValue("Xuncha:Security:SignInPermitsPerMinute", 10);
        var perIp = config.GetValue("Xuncha:Security:SignInPermitsPerMinutePerIp", 60);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PublicReporting.Limiter(config),
                PartitionedRateLimiter.Create<HttpContext, string>(http => http.Items[SignInKey] is string key
                    ? PerMinute(key, perName)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => http.Items.ContainsKey(SignInKey)
                    ? PerMinute(IpOf(http), perIp)
                    : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, ct) => ctx.HttpContext.Items.ContainsKey(SignInKey)
                ? PublicReporting.WritePage(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "登录尝试过于频繁",
                    SignInTooFast + "每分钟的登录次数有限制，请一分钟后再登录。", ct, "登录", SignInPath)
                : PublicReporting.Rejected(ctx.HttpContext, config, ct);
        });
    }

    public static void UseXunchaRateLimits(IApplicationBuilder app)
    {
        app.UsePublicReporting();
        app.Use(async (http, next) =>
        {
            // The partition needs the user name from the posted form; reading it here caches it for the page.
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase))
            {
                var name = "";
                try
                {
                    name = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted))["Input.UserName"].ToString() : "";
                }
                catch (InvalidDataException)
                {
                    // A malformed form is refused by the page; it still counts against the IP.
                }

                name = name.Trim().ToLowerInvariant();
                http.Items[SignInKey] = IpOf(http) + "|" + (name.Length > 64 ? name[..64] : name);
            }

            await next(http);
        });
        app.UseRateLimiter();
    }

    private static string IpOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
