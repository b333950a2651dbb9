using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Setup;

namespace Xuncha.Cli.Commands;

internal static class SeedDemoCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "载入演示数据：每个角色一个演示账号（密码见 README）和村社档案示例值；可重复执行");
        demo.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            PrintUsers(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct));
            await SeedScreeningAsync(scope.ServiceProvider, ct);
            return ExitCodes.Ok;
        });
        return new Command("seed", "载入数据") { demo, Scale() };
    }

    private static Command Scale()
    {
        var leads = new Option<int>("--leads") { Description = "疑似问题条数，默认 30000", DefaultValueFactory = _ => 30_000 };
        var findings = new Option<int>("--findings") { Description = "问题条数，默认 25000", DefaultValueFactory = _ => 25_000 };
        var scale = new Command("scale", "在演示数据之上载入全市规模的测试数据（每县一轮、3300 个村社的疑似问题、问题和整改任务），用于负载测试")
        {
            leads, findings,
        };
        scale.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<ScaleData>().SeedAsync(parse.GetValue(leads), parse.GetValue(findings), ct: ct);
            Console.WriteLine(result is null
                ? "规模测试数据已存在。"
                : $"规模测试数据：轮次 {result.Rounds} 个，疑似问题 {result.Leads} 条，问题 {result.Findings} 条，整改任务 {result.Tasks} 个，用时 {watch.Elapsed.TotalSeconds:0.0} 秒");
            return ExitCodes.Ok;
        });
        return scale;
    }

    public static async Task SeedScreeningAsync(IServiceProvider services, CancellationToken ct)
    {
        Console.WriteLine("正在生成并筛查演示数据包…");
        var result = await services.GetRequiredService<DemoScreening>().SeedAsync(ct: ct);
        Console.WriteLine(result is null
            ? "演示筛查数据已存在。"
            : $"演示筛查：{result.Villages} 个村社，疑似问题 {result.Leads} 条。");
        if (await services.GetRequiredService<DemoPlanning>().SeedAsync(ct) is { } planning)
        {
            Console.WriteLine($"演示计划：年度计划 2 个，巡察轮次 2 个，巡察对象 {planning.Targets} 个，巡察组 {planning.Teams} 个");
        }
    }

    public static void PrintUsers(DemoSeedResult result)
    {
        AnsiConsole.MarkupLine($"演示数据：新建账号 {result.UsersCreated} 个，填充村社档案 {result.ProfilesFilled} 个。");
        var table = new Table().AddColumns("用户名", "角色", "数据范围", "姓名（虚构）");
        foreach (var u in DemoSeeder.Users)
        {
            table.AddRow(u.UserName, Roles.NameOf(u.Role), u.ScopeCode, u.DisplayName);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"演示账号密码均为 [bold]{DemoSeeder.Password}[/]");
    }
}
