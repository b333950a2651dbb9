using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Features.Tokens;
using Xuncha.Core.Persistence;

namespace Xuncha.IntegrationTests.Infrastructure;

/// <summary>The real host on a real database of the fixture's provider, with the demo users seeded.</summary>
public sealed class XunchaAppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> tokens = new();

    public TestDatabase Database { get; } = database;

    /// <summary>
    /// Every fixture keeps the host's log lines (at the configured levels) in <see cref="Logs"/>;
    /// when set before the host starts, lines of every level are kept.
    /// </summary>
    public bool CaptureLogs { get; init; }

    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Database.Settings()));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in Database.Settings())
        {
            builder.UseSetting(key, value);
        }

        // Every test signs in from the same address; SignInLimitTests lowers these again.
        builder.UseSetting("Xuncha:Security:SignInPermitsPerMinute", "100000");
        builder.UseSetting("Xuncha:Security:SignInPermitsPerMinutePerIp", "100000");

        if (CaptureLogs)
        {
            builder.ConfigureLogging(l => l.AddFilter<LogCollector>(null, LogLevel.Trace));
        }
    }

    public async Task InitializeAsync()
    {
        // Creating a client starts the host, which migrates and loads the region tree.
        CreateClient().Dispose();
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoScreening>().SeedAsync(villages: 40);
        await scope.ServiceProvider.GetRequiredService<DemoPlanning>().SeedAsync();
    }

    public async Task<XunchaDbContext> DbAsync() =>
        await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();

    /// <summary>A client authenticated as a demo user through an API token (the script scheme).</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        if (!tokens.TryGetValue(userName, out var token))
        {
            await using var db = await DbAsync();
            var userId = db.Users.Single(u => u.UserName == userName).Id;
            using var scope = Services.CreateScope();
            var created = await scope.ServiceProvider.GetRequiredService<ApiTokenHandler>().Create(new CreateApiToken("tests", 1), userId);
            tokens[userName] = token = created.Token;
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }
}

public sealed class SqliteAppFixture : IAsyncLifetime
{
    public XunchaAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new XunchaAppFactory(TestDatabase.Sqlite());
        await App.InitializeAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class PostgresAppFixture : IAsyncLifetime
{
    public XunchaAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new XunchaAppFactory(await TestDatabase.PostgresAsync());
        await App.InitializeAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
