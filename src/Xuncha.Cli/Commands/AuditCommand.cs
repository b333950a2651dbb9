using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Features.Audit;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Cli.Commands;

/// <summary><c>xuncha audit verify</c> walks the hash chain; <c>xuncha audit list --last N</c> shows the newest entries.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var anchorOption = new Option<string?>("--anchor") { Description = "上次校验输出的锚点（编号:哈希）：该条目必须仍在且哈希相符，可发现日志末尾被删除的条目" };
        var verify = new Command("verify", "校验审计日志的哈希链：发现被改动、删除或插入的条目时给出第一条的编号和原因，退出码 1") { anchorOption };
        verify.SetAction(async (parse, ct) =>
        {
            AuditAnchor? anchor = null;
            if (parse.GetValue(anchorOption) is { } text)
            {
                try
                {
                    anchor = AuditAnchor.Parse(text);
                }
                catch (ValidationException ex)
                {
                    await Console.Error.WriteLineAsync("--anchor：" + ex.Message);
                    return ExitCodes.Usage;
                }
            }

            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            if (await NotMigratedAsync(services, ct))
            {
                return ExitCodes.Failed;
            }

            using var scope = services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditLogHandler>().VerifyChain(anchor, ct);
            if (result.Ok)
            {
                Console.WriteLine(result.Message);
                if (result.Anchor is not null)
                {
                    Console.WriteLine(AuditTexts.AnchorHint);
                    Console.WriteLine(result.Anchor);
                }

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
