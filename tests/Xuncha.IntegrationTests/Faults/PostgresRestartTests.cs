using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xuncha.IntegrationTests.Cli;
using Xuncha.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Xuncha.IntegrationTests.Faults;

/// <summary>
/// Issue 7, faults: PostgreSQL is stopped and started again while clients keep calling the
/// server. Requests meanwhile fail cleanly (503 with a Chinese problem, quickly, no hang), and
/// once the database is back they succeed again without restarting Xuncha. The test runs its own
/// PostgreSQL cluster so that restarting it does not disturb the other tests.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "xuncha-pgrestart-" + Guid.NewGuid().ToString("N")[..8]);
    private string bin = null!;
    private int port;

    public async Task InitializeAsync()
    {
        bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0)).LastOrDefault()
            ?? throw new InvalidOperationException("找不到 PostgreSQL（/usr/lib/postgresql/*/bin/initdb）：请运行 ./test.sh 安装");
        port = CliRunner.FreePort();
        Directory.CreateDirectory(Path.Combine(root, "data"));
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        if (Environment.UserName == "root")
        {
            await RunAsync("chmod", "755", root);
            await RunAsync("chown", "postgres", Path.Combine(root, "data"), Path.Combine(root, "sock"));
        }

        await RunAsync("chmod", "700", Path.Combine(root, "data"));
        await AsPostgresAsync(Path.Combine(bin, "initdb"), "-D", Path.Combine(root, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await PgCtlAsync("start");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (bin is not null)
            {
                await AsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(root, "data"), "-m", "immediate", "stop");
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    [Fact]
    public async Task DatabaseRestartedUnderLoad_RequestsFailCleanly_ThenRecoverWithoutRestartingXuncha()
    {
        var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=xuncha;Timeout=5;Command Timeout=15";
        var env = new Dictionary<string, string?>
        {
            ["XUNCHA_DATABASE"] = "postgres", ["XUNCHA_CONNECTION_STRING"] = connection, ["XUNCHA_DATA_DIR"] = Path.Combine(root, "xuncha"),
        };
        Assert.Equal(0, (await CliRunner.RunAsync(env, "db", "migrate")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(env, "user", "add", "--name", "fault.city", "--display-name", "故障测试", "--role", "市巡察办", "--scope", "3307", "--password", KillDuringImportTestsBase.Password)).ExitCode);
        await using var server = await ServerProcess.StartAsync(env);
        await server.SignInAsync("fault.city", KillDuringImportTestsBase.Password);

        var results = new ConcurrentQueue<(TimeSpan At, HttpStatusCode Status, string Type, string Body, TimeSpan Took)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        string[] paths = ["/api/findings?page=1&pageSize=20", "/api/statistics", "/api/leads?page=1", "/api/rectification?page=1"];
        var clients = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var at = clock.Elapsed;
                using var response = await server.Client.GetAsync(paths[(c + i) % paths.Length]);
                var body = await response.Content.ReadAsStringAsync();
                results.Enqueue((at, response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", body, clock.Elapsed - at));
                await Task.Delay(50);
            }
        })).ToList();

        await Task.Delay(3000);
        var down = clock.Elapsed;
        await PgCtlAsync("stop", "-m", "fast");
        await Task.Delay(4000);
        await PgCtlAsync("start");
        var up = clock.Elapsed;
        await Task.Delay(8000);
        stop.Cancel();
        await Task.WhenAll(clients);

        var all = results.ToList();
        var failed = all.Where(r => r.Status != HttpStatusCode.OK).ToList();
        output.WriteLine($"{all.Count} requests; database down {down.TotalSeconds:0.0}–{up.TotalSeconds:0.0} s; {failed.Count} failed, statuses {string.Join(", ", failed.GroupBy(r => (int)r.Status).Select(g => $"{g.Key}×{g.Count()}"))}; slowest {all.Max(r => r.Took).TotalMilliseconds:0} ms");
        Assert.False(server.HasExited);
        Assert.True(all.Count(r => r.At < down && r.Status == HttpStatusCode.OK) > 10, "the load did not run before the restart");
        Assert.NotEmpty(failed);

        // Every failure is a clean, quick, Chinese 503 problem; nothing hangs.
        Assert.All(failed, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status);
            Assert.Equal("application/problem+json", r.Type);
            Assert.Contains("数据库暂时不可用", r.Body);
        });
        Assert.True(all.Max(r => r.Took) < TimeSpan.FromSeconds(20));

        // Recovered without a restart of Xuncha: within 5 s of the database's return everything answers.
        var late = all.Where(r => r.At > up + TimeSpan.FromSeconds(5)).ToList();
        Assert.True(late.Count > 20, $"only {late.Count} requests after recovery");
        Assert.All(late, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var firstOk = all.Where(r => r.At > up && r.Status == HttpStatusCode.OK).Min(r => r.At);
        output.WriteLine($"first success {(firstOk - up).TotalMilliseconds:0} ms after the database was back");
    }

    private Task PgCtlAsync(params string[] args) =>
        AsPostgresAsync([Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(root, "data"), "-w", "-l", Path.Combine(root, "sock", "server.log"),
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {Path.Combine(root, "sock")} -c fsync=off", .. args]);

    private static Task AsPostgresAsync(params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", .. args]) : RunAsync(args[0], args[1..]);

    private static async Task RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var err = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {await err}");
        }
    }
}
