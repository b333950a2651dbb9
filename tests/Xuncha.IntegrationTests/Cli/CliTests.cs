using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Cli;

public sealed class CliTests
{
    [Fact]
    public async Task UnknownOption_PrintsUsageAndExits2()
    {
        var r = await CliRunner.RunAsync("serve", "--bogus");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--bogus", r.Err);
        Assert.Contains("xuncha --help", r.Err);
    }

    [Fact]
    public async Task MissingRequiredOption_Exits2()
    {
        var r = await CliRunner.RunAsync("user", "add", "--name", "abc");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--display-name", r.Err);
    }

    [Fact]
    public async Task Help_IsInChineseAndListsTheCommands()
    {
        var r = await CliRunner.RunAsync("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var word in new[] { "serve", "db", "user", "seed", "启动巡察 Web 服务" })
        {
            Assert.Contains(word, r.Out);
        }
    }

    [Fact]
    public async Task DbMigrate_CreatesDatabaseOnceAndPrintsAdminPasswordOnce()
    {
        using var temp = new TempFolder("cli");
        var dir = temp.Folder;
        var first = await CliRunner.RunAsync("db", "migrate", "--data-dir", dir);
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Contains("已载入金华市区划 3456 条", first.Out);
        Assert.Contains("已创建管理员 admin", first.Out);
        Assert.True(File.Exists(Path.Combine(dir, "xuncha.db")));

        var second = await CliRunner.RunAsync("db", "migrate", "--data-dir", dir);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("数据库已是最新版本", second.Out);
        Assert.DoesNotContain("已创建管理员", second.Out);
    }

    [Fact]
    public async Task UserAdd_CreatesUser_ThenRefusesTheSameNameInChinese()
    {
        using var temp = new TempFolder("cli");
        var dir = temp.Folder;
        string[] args = ["user", "add", "--name", "jinhua.li", "--display-name", "李测试", "--role", "县巡察办", "--scope", "330782", "--password", "Passw0rdX", "--data-dir", dir];
        var created = await CliRunner.RunAsync(args);
        Assert.True(created.ExitCode == 0, created.Err);
        Assert.Contains("已创建用户 jinhua.li（县巡察办）", created.Out);

        var again = await CliRunner.RunAsync(args);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--name：用户名「jinhua.li」已被使用。", again.Err);
    }

    [Fact]
    public async Task UserAdd_WithBadRoleAndScope_ReportsEachField()
    {
        using var temp = new TempFolder("cli");
        var r = await CliRunner.RunAsync("user", "add", "--name", "bad.one", "--display-name", "错", "--role", "队长", "--scope", "123456", "--password", "Passw0rdX", "--data-dir", temp.Folder);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--role：没有「队长」这个角色", r.Err);
        Assert.Contains("--scope：找不到区划代码「123456」", r.Err);
    }

    [Fact]
    public async Task Serve_OnEmptyDatabase_SeedsDemoAndServesPagesWithTheirAssets()
    {
        using var temp = new TempFolder("cli");
        var dir = temp.Folder;
        var port = CliRunner.FreePort();
        using var process = Process.Start(CliRunner.StartInfo("serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", dir))!;
        process.StandardInput.Close();
        var printed = new StringBuilder();
        Task<string>? rest = null;
        try
        {
            // The start line comes only once the server listens: the login page answers at the first try.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (await process.StandardOutput.ReadLineAsync(wait.Token) is { } line)
            {
                printed.AppendLine(line);
                if (line.Contains("巡察已启动", StringComparison.Ordinal))
                {
                    break;
                }
            }

            // The server logs on: keep reading, or a full pipe would stall it.
            rest = process.StandardOutput.ReadToEndAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var login = await http.GetStringAsync("/account/login");
            Assert.Contains("巡察", login);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/_content/AntDesign/css/ant-design-blazor.css")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/_framework/blazor.web.js")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/app.css")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (rest is not null)
            {
                await rest;
            }
        }

        Assert.Contains("正在载入演示数据", printed.ToString());
        Assert.Contains("Xuncha@2026", printed.ToString());
        Assert.Contains($"巡察已启动：http://127.0.0.1:{port}", printed.ToString());
    }
}
