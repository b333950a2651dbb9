using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xuncha.Core;
using Xuncha.Core.Persistence;

namespace Xuncha.Cli;

/// <summary>
/// Services for commands that work on the database without the web server. Configuration
/// comes from the same places as the server's: appsettings.json, XUNCHA_* variables, --data-dir.
/// </summary>
public static class CliHost
{
    public static IConfiguration Configuration(string? dataDir)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (dataDir is not null)
        {
            builder.AddInMemoryCollection([new("XUNCHA_DATA_DIR", dataDir)]);
        }

        return builder.Build();
    }

    public static ServiceProvider Build(string? dataDir)
    {
        var config = Configuration(dataDir);
        var services = new ServiceCollection();
        services.AddSingleton(config);
        services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddXunchaDatabase(DatabaseSettings.From(config));
        services.AddXunchaCore();
        services.AddXunchaIdentityCore();
        return services.BuildServiceProvider();
    }

    /// <summary>Arguments for the web host: --key=value pairs are configuration there.</summary>
    public static string[] WebArgs(string? dataDir, string? urls)
    {
        var args = new List<string>();
        if (dataDir is not null)
        {
            args.Add($"--XUNCHA_DATA_DIR={Path.GetFullPath(dataDir)}");
        }

        if (urls is not null)
        {
            args.Add($"--urls={urls}");
        }

        return [.. args];
    }
}
