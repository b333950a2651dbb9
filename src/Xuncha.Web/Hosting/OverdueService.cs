using Xuncha.Core.Features.Rectification;

namespace Xuncha.Web.Hosting;

/// <summary>
/// Runs the 逾期 sweep at start and then once a day (Xuncha:Rectification:SweepInterval, "off" to
/// disable), on the injected TimeProvider so tests can move time.
/// </summary>
internal sealed class OverdueService(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<OverdueService> log) : BackgroundService
{
    public static TimeSpan? Interval(IConfiguration config)
    {
        var text = config["Xuncha:Rectification:SweepInterval"] ?? "1.00:00:00";
        return text.Equals("off", StringComparison.OrdinalIgnoreCase) ? null
            : TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero ? t
            : throw new InvalidOperationException($"Xuncha:Rectification:SweepInterval 应为时间间隔（如 1.00:00:00 表示每天）或 off，实际为「{text}」");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval(config) is not { } interval)
        {
            return;
        }

        // Let the host finish starting before the first sweep touches the database.
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<OverdueSweep>().RunAsync(stoppingToken);
                log.LogInformation("Overdue sweep for {Today}: {New} newly overdue, {Escalated} escalation(s), {Notifications} notification(s)",
                    result.Today, result.NewlyOverdue, result.Escalated, result.Notifications);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed day must not stop the schedule.
                log.LogError(ex, "Overdue sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
