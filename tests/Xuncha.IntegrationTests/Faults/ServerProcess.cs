using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Xuncha.Core.Persistence;
using Xuncha.IntegrationTests.Cli;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Faults;

/// <summary>
/// The real `xuncha` program as a separate process on its own database, so a test can kill it
/// with SIGKILL mid-work and look at what the database kept.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly CookieContainer cookies = new();

    private ServerProcess(Process process, int port)
    {
        this.process = process;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Client { get; }
    public bool HasExited => process.HasExited;

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> env)
    {
        var port = CliRunner.FreePort();
        var psi = CliRunner.StartInfo("serve", "--urls", $"http://127.0.0.1:{port}", "--demo", "false");
        foreach (var (key, value) in env)
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await server.Client.GetAsync("/account/login")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                // Not listening yet.
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"xuncha serve did not start (exited: {process.HasExited})");
            }

            await Task.Delay(200);
        }
    }

    public async Task SignInAsync(string user, string password)
    {
        var response = await Client.PostLoginAsync(user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no finally blocks.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
        process.Dispose();
    }

    /// <summary>A context on the process's database, for looking at what was kept.</summary>
    public static XunchaDbContext Db(IReadOnlyDictionary<string, string?> env)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(env).Build();
        var options = new DbContextOptionsBuilder<XunchaDbContext>();
        XunchaDatabase.Configure(options, DatabaseSettings.From(config));
        return new XunchaDbContext(options.Options);
    }

    /// <summary>How many kills each fault test makes (XUNCHA_FAULT_KILLS, default 10).</summary>
    public static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("XUNCHA_FAULT_KILLS"), out var n) ? n : 10;
}
