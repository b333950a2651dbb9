using Xuncha.Core.Features.Screening;

namespace Xuncha.Web.Hosting;

/// <summary>
/// Re-screens the stored packages on a schedule: Xuncha:Screening:Interval (or
/// XUNCHA_SCREENING_INTERVAL) as a time span, default one day; "off" switches it off.
/// </summary>
internal sealed class EarlyWarningService(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<EarlyWarningService> log)
    : BackgroundService
{
    public static TimeSpan? Interval(IConfiguration config)
    {
        var text = config["XUNCHA_SCREENING_INTERVAL"] ?? config["Xuncha:Screening:Interval"] ?? "1.00:00:00";
        return text.Equals("off", StringComparison.OrdinalIgnoreCase) ? null
            : TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero ? t
            : throw new InvalidOperationException($"Xuncha:Screening:Interval 应为时间间隔（如 1.00:00:00 表示每天）或 off，实际为「{text}」");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval(config) is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var results = await scope.ServiceProvider.GetRequiredService<EarlyWarning>().RunAsync(stoppingToken);
                log.LogInformation("Early warning re-screened {Packages} package(s): {New} new lead(s)", results.Count, results.Sum(r => r.NewLeads));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed round must not stop the schedule.
                log.LogError(ex, "Early-warning screening failed");
            }
        }
    }
}
