using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Features.Audit;
using Xuncha.Core.Persistence;

namespace Xuncha.Cli.Commands;

/// <summary><c>xuncha audit verify</c> walks the hash chain; <c>xuncha audit list --last N</c> shows the newest entries.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "校验审计日志的哈希链：发现被改动、删除或插入的条目时给出第一条的编号和原因，退出码 1");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            if (await NotMigratedAsync(services, ct))
            {
                return ExitCodes.Failed;
            }

            using var scope = services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditLogHandler>().VerifyChain(ct);
            if (result.Ok)
            {
                Console.WriteLine(result.Message);
                return ExitCodes.Ok;
            }

            await Console.Error.WriteLineAsync(result.Message);
            return ExitCodes.Failed;
        });

        var last = new Option<int>("--last") { Description = "显示最新的 N 条（默认 20）", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "列出最新的审计日志条目") { last };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            if (await NotMigratedAsync(services, ct))
            {
                return ExitCodes.Failed;
            }

            var n = Math.Clamp(parse.GetValue(last), 1, 10_000);
            await using var db = await services.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync(ct);
            var rows = await db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Id).Take(n).ToListAsync(ct);
            foreach (var e in rows)
            {
                var china = e.At.ToOffset(TimeSpan.FromHours(8));
                Console.WriteLine($"{e.Id}\t{china:yyyy-MM-dd HH:mm:ss}\t{e.UserName}\t{AuditActions.NameOf(e.Action)}\t{AuditLabels.Entity(e.Entity)} {e.EntityId}\t{e.Detail}");
            }

            Console.WriteLine($"共显示 {rows.Count} 条。");
            return ExitCodes.Ok;
        });

        return new Command("audit", "审计日志") { verify, list };
    }

    private static async Task<bool> NotMigratedAsync(ServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync(ct);
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await Console.Error.WriteLineAsync("数据库尚未升级到当前版本，请先运行 `xuncha db migrate`。");
            return true;
        }

        return false;
    }
}
