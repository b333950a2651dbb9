using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.Cli.Commands;

internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "把数据库升级到当前版本，载入区划参考数据和角色；首次运行时创建管理员");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            using var scope = services.CreateScope();
            var settings = services.GetRequiredService<DatabaseSettings>();
            AnsiConsole.MarkupLine($"数据库：{Markup.Escape(settings.Describe())}");
            var result = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            AnsiConsole.MarkupLine(result.AppliedMigrations.Count == 0
                ? "数据库已是最新版本。"
                : $"已应用 {result.AppliedMigrations.Count} 个迁移：{Markup.Escape(string.Join("、", result.AppliedMigrations))}");
            if (result.RegionsLoaded > 0)
            {
                AnsiConsole.MarkupLine($"已载入金华市区划 {result.RegionsLoaded} 条（1 市、9 县市区、146 乡镇街道、3300 村社）。");
            }

            var admin = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAdminAsync(ct);
            if (admin is { GeneratedPassword: { } pw } a)
            {
                AnsiConsole.MarkupLine($"已创建管理员 [bold]{Markup.Escape(a.UserName)}[/]，初始密码 [bold]{Markup.Escape(pw)}[/]（只显示这一次）。");
            }

            return ExitCodes.Ok;
        });
        return new Command("db", "数据库维护") { migrate };
    }
}
