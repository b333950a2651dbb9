using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Xuncha.Cli.Commands;

/// <summary>
/// `xuncha bench-load --url http://127.0.0.1:5077 [--users 200] [--seconds 300] [--think-ms 1000]` (hidden):
/// a load driver run from a second process. Signs in once per demo account, then N virtual users
/// loop over the dashboard, the ledgers and the main pages with a think time between requests,
/// and it prints errors, throughput and p50/p95/p99 latency per endpoint for BENCHMARKS.md.
/// </summary>
internal static partial class BenchLoadCommand
{
    /// <summary>The office accounts that use the dashboard and ledgers, with the counties they may filter on.</summary>
    private static readonly (string User, string[] Counties)[] Accounts =
    [
        ("city", ["330702", "330703", "330723", "330726", "330727", "330781", "330782", "330783", "330784"]),
        ("yiwu", ["330782"]),
        ("wucheng", ["330702"]),
    ];

    private sealed record Target(string Name, string Path, int Weight);

    private static readonly Target[] Mix =
    [
        new("dashboard", "/api/statistics", 12),
        new("dashboard-county", "/api/statistics?region={county}", 6),
        new("dashboard-year", "/api/statistics?year=2025", 4),
        new("findings", "/api/findings?page={page}&pageSize=20", 12),
        new("findings-county", "/api/findings?under={county}&page=1&pageSize=20", 6),
        new("findings-search", "/api/findings?search=三资&page=1&pageSize=20", 3),
        new("leads", "/api/leads?page={page}&pageSize=20", 10),
        new("leads-open", "/api/leads?status=Open&under={county}&page=1&pageSize=20", 5),
        new("rectification", "/api/rectification?page={page}&pageSize=20", 8),
        new("rectification-overdue", "/api/rectification?overdue=true&page=1&pageSize=20", 3),
        new("supervision", "/api/supervision", 4),
        new("rounds", "/api/rounds", 3),
        new("notifications", "/api/notifications/count", 8),
        new("page-home", "/", 2),
        new("page-findings", "/findings", 2),
        new("page-statistics", "/statistics", 2),
    ];

    public static Command Create()
    {
        var url = new Option<string>("--url") { DefaultValueFactory = _ => "http://127.0.0.1:5077" };
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 300 };
        var think = new Option<int>("--think-ms") { Description = "每个虚拟用户两次请求之间的平均思考时间（毫秒），0 表示不停顿", DefaultValueFactory = _ => 1000 };
        var password = new Option<string>("--password") { DefaultValueFactory = _ => Xuncha.Core.Features.Setup.DemoSeeder.Password };
        var only = new Option<string?>("--only") { Description = "只访问这些端点（逗号分隔的名称，如 findings,leads）" };
        var serverPid = new Option<int?>("--server-pid") { Description = "服务进程号：报告每个请求消耗的服务端 CPU（仅 Linux）" };
        var command = new Command("bench-load", "负载测试：多个虚拟用户并发访问看板、台账和页面（基准测试）") { url, users, seconds, think, password, only, serverPid };
        command.Hidden = true;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(url)!, parse.GetValue(users), parse.GetValue(seconds), parse.GetValue(think), parse.GetValue(password)!, parse.GetValue(only), parse.GetValue(serverPid), ct));
        return command;
    }

    private static async Task<int> RunAsync(string url, int users, int seconds, int thinkMs, string password, string? only, int? serverPid, CancellationToken ct)
    {
        var mix = only is null ? Mix : Mix.Where(t => only.Split(',', StringSplitOptions.TrimEntries).Contains(t.Name)).ToArray();
        if (mix.Length == 0)
        {
            Console.Error.WriteLine($"没有名为 {only} 的端点；可选：{string.Join(", ", Mix.Select(t => t.Name))}");
            return ExitCodes.Usage;
        }

        using var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = users + 8, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var cookies = new Dictionary<string, string>();
        foreach (var (account, _) in Accounts)
        {
            cookies[account] = await SignInAsync(url, account, password, ct);
        }

        Console.WriteLine($"signed in {cookies.Count} accounts; {users} users for {seconds} s, think {thinkMs} ms, {mix.Length} endpoints");
        var samples = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentDictionary<string, int>();
        var errorSamples = new ConcurrentQueue<string>();
        var totalWeight = mix.Sum(t => t.Weight);
        var cpuBefore = ServerCpuMs(serverPid);
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            var random = new Random(u);
            var (account, counties) = Accounts[u % Accounts.Length];
            var cookie = cookies[account];
            await Task.Delay(thinkMs == 0 ? 0 : random.Next(thinkMs * 2), ct);
            while (DateTime.UtcNow < stop && !ct.IsCancellationRequested)
            {
                var target = Pick(mix, random, totalWeight);
                var path = target.Path.Replace("{county}", counties[random.Next(counties.Length)]).Replace("{page}", (1 + random.Next(5)).ToString());
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("Cookie", cookie);
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request, ct);
                    await response.Content.ReadAsByteArrayAsync(ct);
                    watch.Stop();
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.AddOrUpdate(target.Name, 1, (_, n) => n + 1);
                        if (errorSamples.Count < 10)
                        {
                            errorSamples.Enqueue($"{(int)response.StatusCode} {path}");
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    watch.Stop();
                    errors.AddOrUpdate(target.Name, 1, (_, n) => n + 1);
                    if (errorSamples.Count < 10)
                    {
                        errorSamples.Enqueue($"{ex.GetType().Name} {path}: {ex.Message}");
                    }
                }

                samples.GetOrAdd(target.Name, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                if (thinkMs > 0)
                {
                    await Task.Delay(thinkMs / 2 + random.Next(thinkMs), ct);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        wall.Stop();
        var code = Report(samples, errors, errorSamples, wall.Elapsed.TotalSeconds);
        if (serverPid is not null)
        {
            var requests = samples.Values.Sum(b => b.Count);
            var cpu = ServerCpuMs(serverPid) - cpuBefore;
            Console.WriteLine($"server CPU {cpu / 1000.0:0.0} s, {(double)cpu / Math.Max(1, requests):0.00} ms per request, {cpu / wall.Elapsed.TotalMilliseconds * 100:0} % of one core");
        }

        return code;
    }

    /// <summary>User plus system CPU time of a process in milliseconds, from /proc (clock ticks of 10 ms).</summary>
    private static long ServerCpuMs(int? pid)
    {
        if (pid is null)
        {
            return 0;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10;
    }

    private static Target Pick(Target[] mix, Random random, int totalWeight)
    {
        var n = random.Next(totalWeight);
        foreach (var t in mix)
        {
            if ((n -= t.Weight) < 0)
            {
                return t;
            }
        }

        return mix[^1];
    }

    private static int Report(ConcurrentDictionary<string, ConcurrentBag<double>> samples, ConcurrentDictionary<string, int> errors, ConcurrentQueue<string> errorSamples, double wallSeconds)
    {
        var all = samples.Values.SelectMany(b => b).OrderBy(x => x).ToArray();
        var errorCount = errors.Values.Sum();
        Console.WriteLine($"| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var t in Mix)
        {
            if (samples.TryGetValue(t.Name, out var bag))
            {
                var sorted = bag.OrderBy(x => x).ToArray();
                Console.WriteLine($"| {t.Name} | {sorted.Length} | {errors.GetValueOrDefault(t.Name)} | {P(sorted, 50):0.0} | {P(sorted, 95):0.0} | {P(sorted, 99):0.0} | {sorted[^1]:0} |");
            }
        }

        Console.WriteLine($"| **all** | {all.Length} | {errorCount} | {P(all, 50):0.0} | {P(all, 95):0.0} | {P(all, 99):0.0} | {(all.Length > 0 ? all[^1] : 0):0} |");
        Console.WriteLine($"throughput {all.Length / wallSeconds:0.0} req/s over {wallSeconds:0} s; errors {errorCount}");
        foreach (var e in errorSamples)
        {
            Console.WriteLine("  error: " + e);
        }

        return errorCount == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static double P(double[] sorted, int percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];

    /// <summary>Signs in through the login form (antiforgery token and all) and returns the cookie header.</summary>
    private static async Task<string> SignInAsync(string url, string user, string password, CancellationToken ct)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
        var form = await http.GetStringAsync("/account/login", ct);
        var token = Value().Match(TokenField().Match(form).Value).Groups[1].Value;
        var handlerName = HandlerField().Match(form) is { Success: true } m ? Value().Match(m.Value).Groups[1].Value : "login";
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = handlerName, ["Input.UserName"] = user, ["Input.Password"] = password,
        });
        using var response = await http.PostAsync("/account/login", body, ct);
        var header = jar.GetCookieHeader(new Uri(url));
        if (!header.Contains("xuncha.auth=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"登录失败：{user}（{(int)response.StatusCode}）");
        }

        return header;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input[^>]*name=\"_handler\"[^>]*>")]
    private static partial Regex HandlerField();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex Value();
}
