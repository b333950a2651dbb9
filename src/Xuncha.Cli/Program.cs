using System.CommandLine;
using System.Globalization;
using System.Text;

using Xuncha.Cli.Commands;

namespace Xuncha.Cli;

public static class XunchaCli
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var root = new RootCommand("巡察 Xuncha：对村（社区）巡察平台。运行 `xuncha serve` 启动 Web 服务。")
        {
            CommonOptions.DataDir,
            ServeCommand.Create(),
            DbCommand.Create(),
            UserCommand.Create(),
            SeedDemoCommand.Create(),
            ScreenCommand.Create(),
            BenfordCommand.Create(),
            GenerateCommand.Create(),
            PlanCommand.Create(),
            BenchAssignCommand.Create(),
            BenchLoadCommand.Create(),
            AuditCommand.Create(),
            BackupCommand.Backup(),
            BackupCommand.Restore(),
        };

        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = "显示帮助和用法";
        }

        // Bare `xuncha` shows the commands rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("用法见 `xuncha --help`，或在命令后加 --help。");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync();
        }
        catch (InvalidOperationException ex) when (ex.Message.Any(c => c > 0x2E80))
        {
            // Configuration problems carry a Chinese explanation; print it without a stack trace.
            await Console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.Failed;
        }
    }
}
