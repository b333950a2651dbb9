using Xuncha.Core.Features.Setup;

namespace Xuncha.Web.Hosting;

/// <summary>
/// Migrates and loads reference data before the server accepts requests (StartingAsync runs
/// before any hosted service starts, the web server included).
/// </summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, ILogger<DatabaseStartup> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var admin = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAdminAsync(ct);
        if (admin is { GeneratedPassword: { } password } a)
        {
            // Printed once on the console, deliberately not through the logger (logs are kept).
            Console.WriteLine($"已创建管理员账号：{a.UserName}  初始密码：{password}  （只显示这一次，请登录后修改）");
        }
        else if (admin is { } created)
        {
            log.LogInformation("Created administrator {UserName} from configuration", created.UserName);
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
