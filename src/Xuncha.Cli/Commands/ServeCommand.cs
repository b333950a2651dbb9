using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;
using Xuncha.Web.Hosting;

namespace Xuncha.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"监听地址，默认 {XunchaWebApp.DefaultUrl}；多个地址用分号分隔" };
        var demo = new Option<bool?>("--demo") { Description = "数据库为空时是否载入演示数据：不指定时在终端中询问，非终端默认载入" };
        var command = new Command("serve", "启动巡察 Web 服务（首次运行时自动建库并载入金华市区划）") { urls, demo };
        command.SetAction(async (parse, ct) =>
        {
            var app = XunchaWebApp.Build(CliHost.WebArgs(parse.GetValue(CommonOptions.DataDir), parse.GetValue(urls)), contentRoot: AppContext.BaseDirectory);
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            AnsiConsole.MarkupLine($"[grey]数据库：{Markup.Escape(settings.Describe())}[/]");
            using (var scope = app.Services.CreateScope())
            {
                var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
                await init.InitializeAsync(ct);
                if (!await init.HasUsersAsync(ct) && WantDemo(parse.GetValue(demo)))
                {
                    var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
                    SeedDemoCommand.PrintUsers(result);
                    await SeedDemoCommand.SeedScreeningAsync(scope.ServiceProvider, ct);
                }
            }

            // Said once the server listens: a user who opens the address at once finds it answering.
            await app.StartAsync(ct);
            var addresses = parse.GetValue(urls) ?? XunchaWebApp.DefaultUrl;
            AnsiConsole.MarkupLine($"巡察已启动：[link]{Markup.Escape(addresses)}[/]  （按 Ctrl+C 停止）");
            await app.WaitForShutdownAsync();
            await app.DisposeAsync();
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool WantDemo(bool? flag)
    {
        if (flag is { } f)
        {
            return f;
        }

        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            Console.WriteLine("数据库为空，正在载入演示数据（不需要时请用 --demo false）。");
            return true;
        }

        return AnsiConsole.Confirm("数据库为空。是否载入演示数据（每个角色一个演示账号）？", defaultValue: true);
    }
}
