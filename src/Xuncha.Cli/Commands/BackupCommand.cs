using System.CommandLine;
using Spectre.Console;
using Xuncha.Cli.Backup;
using Xuncha.Core.Persistence;

namespace Xuncha.Cli.Commands;

/// <summary>
/// `xuncha backup --out &lt;file.xbak&gt; [--without-keys]` and `xuncha restore --from &lt;file.xbak&gt; [--force]`,
/// on the database chosen as for every other command (XUNCHA_DATABASE, XUNCHA_CONNECTION_STRING, --data-dir).
/// </summary>
internal static class BackupCommand
{
    public static Command Backup()
    {
        var output = new Option<string>("--out") { Description = "备份文件（一个 zip 归档，建议以 .xbak 结尾）", Required = true };
        var withoutKeys = new Option<bool>("--without-keys")
        {
            Description = "不备份密钥目录（keys）。备份文件可单独存放，但恢复时必须另行提供原密钥，否则受保护信息无法解密",
        };
        var command = new Command("backup", "备份数据库、附件与密钥到一个文件（服务运行中也可执行）") { output, withoutKeys };
        command.SetAction(async (parse, ct) => await RunAsync(async settings =>
        {
            var r = await BackupWriter.WriteAsync(settings, parse.GetValue(output)!, !parse.GetValue(withoutKeys), TimeProvider.System, ct);
            var m = r.Manifest;
            Console.WriteLine($"已备份 {BackupTexts.Name(m.Provider)} 数据库：{m.Tables.Count} 张表，共 {m.TotalRows} 行；" +
                $"附件 {m.Files.Count(f => f.Path.StartsWith("files/", StringComparison.Ordinal))} 个；" +
                $"筛查数据包文件 {m.Files.Count(f => f.Path.StartsWith("packages/", StringComparison.Ordinal))} 个；" +
                $"密钥 {(m.WithKeys ? $"{m.Files.Count(f => f.Path.StartsWith("keys/", StringComparison.Ordinal))} 个文件" : "未包含")}。");
            Console.WriteLine($"备份文件：{Path.GetFullPath(parse.GetValue(output)!)}（{BackupTexts.Size(r.ArchiveBytes)}，用时 {r.Elapsed.TotalSeconds:0.0} 秒；数据库版本 {m.LastMigration ?? "无"}）");
            if (!m.WithKeys)
            {
                Console.WriteLine(BackupTexts.WithoutKeysWarning);
            }
        }, parse));
        return command;
    }

    public static Command Restore()
    {
        var from = new Option<string>("--from") { Description = "要恢复的备份文件（xuncha backup 生成）", Required = true };
        var force = new Option<bool>("--force") { Description = "目标数据库已有数据时仍用备份覆盖" };
        var command = new Command("restore", "从备份文件恢复数据库、附件与密钥（请先停止巡察服务）") { from, force };
        command.SetAction(async (parse, ct) => await RunAsync(async settings =>
        {
            var r = await Restorer.RunAsync(settings, parse.GetValue(from)!, parse.GetValue(force), TimeProvider.System, ct);
            var m = r.Manifest;
            Console.WriteLine($"已恢复到 {settings.Describe()}：{m.Tables.Count} 张表，共 {m.TotalRows} 行（行数与备份清单一致）；附件 {r.FilesRestored} 个。");
            Console.WriteLine($"备份时间 {m.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}（北京时间），数据库版本 {m.LastMigration ?? "无"}，用时 {r.Elapsed.TotalSeconds:0.0} 秒。");
            if (r.OldKeysKeptIn is { } kept)
            {
                Console.WriteLine($"原有密钥已移到 {kept}，未删除。");
            }

            if (!m.WithKeys)
            {
                Console.WriteLine(BackupTexts.WithoutKeysWarning);
            }
        }, parse));
        return command;
    }

    private static async Task<int> RunAsync(Func<DatabaseSettings, Task> action, ParseResult parse)
    {
        try
        {
            var settings = DatabaseSettings.From(CliHost.Configuration(parse.GetValue(CommonOptions.DataDir)));
            await action(settings);
            return ExitCodes.Ok;
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.Failed;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"读写文件失败：{ex.Message}");
            return ExitCodes.Failed;
        }
        catch (UnauthorizedAccessException ex)
        {
            await Console.Error.WriteLineAsync($"没有权限：{ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
