using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;
using Xuncha.Web.Hosting;

namespace Xuncha.EndToEndTests;

/// <summary>
/// The real host on 127.0.0.1 with a random port, a fresh SQLite database with the demo data,
/// and Debian's Chromium driven by Playwright. A missing browser fails the tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "xuncha-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The host's services, for tests that put their own records in the database.</summary>
    public IServiceProvider Services => app!.Services;

    /// <summary>A context on the host's database, for tests that read or put records directly.</summary>
    public Task<Xuncha.Core.Persistence.XunchaDbContext> DbAsync() =>
        Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Xuncha.Core.Persistence.XunchaDbContext>>().CreateDbContextAsync();
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("XUNCHA_SCREENSHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("XUNCHA_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: install Debian's chromium (./test.sh does).");
        }

        Directory.CreateDirectory(dataDir);
        Directory.CreateDirectory(ScreenshotDir);
        app = XunchaWebApp.Build(
            [$"--XUNCHA_DATA_DIR={dataDir}", "--urls=http://127.0.0.1:0", "--environment=Development",
                // Every test signs in from 127.0.0.1; the sign-in limit is proven in the integration tests.
                "--Xuncha:Security:SignInPermitsPerMinute=100000", "--Xuncha:Security:SignInPermitsPerMinutePerIp=100000",
                .. await DatabaseArgumentsAsync()],
            contentRoot: AppContext.BaseDirectory);
        using (var scope = app.Services.CreateScope())
        {
            // As `xuncha serve` does on an empty database: demo users before the first start.
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoScreening>().SeedAsync(villages: 40);
            await scope.ServiceProvider.GetRequiredService<DemoPlanning>().SeedAsync();
        }

        await app.StartAsync();

        BaseUrl = app.Urls.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>The database the host uses: SQLite in the data folder unless a subclass says otherwise.</summary>
    protected virtual Task<string[]> DatabaseArgumentsAsync() => Task.FromResult<string[]>([]);

    /// <summary>Removes what <see cref="DatabaseArgumentsAsync"/> created, after the host has stopped.</summary>
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Console reports of scripts, styles or frames the content security policy refused.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspViolations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Browser is not null)
            {
                await Browser.DisposeAsync();
            }

            playwright?.Dispose();
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            await DropDatabaseAsync();
        }
        finally
        {
            // The data folder only: the screenshots stay for the reader.
            TempFolder.Delete(dataDir);
        }
    }
}
