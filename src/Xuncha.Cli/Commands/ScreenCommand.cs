using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Xuncha.Screening.Engine;
using Xuncha.Screening.Output;
using Xuncha.Screening.Package;

namespace Xuncha.Cli.Commands;

/// <summary>
/// `xuncha screen --data &lt;folder-or-xlsx&gt; [--rules &lt;file&gt;] [--as-of YYYY-MM-DD] --out &lt;leads.csv|leads.xlsx&gt;`,
/// verbatim from screening-rules.md: exit 0 when the run completed, 2 for an invalid package
/// (every bad row on stderr, nothing written), 1 for anything else. The summary goes to stderr.
/// </summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "数据包：CSV 文件夹或一个 .xlsx 文件", Required = true };
        var rules = new Option<string?>("--rules") { Description = "规则配置文件（JSON 或 YAML）：覆盖阈值、停用规则" };
        var asOf = new Option<string?>("--as-of") { Description = "基准日 YYYY-MM-DD，默认为记账凭证中最晚的日期" };
        var output = new Option<string>("--out") { Description = "疑似问题输出文件：.csv（UTF-8 BOM）或 .xlsx", Required = true };
        var command = new Command("screen", "用 23 条规则筛查村社数据包，输出疑似问题线索") { data, rules, asOf, output };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(rules), parse.GetValue(asOf), parse.GetValue(output)!));
        return command;
    }

    private static int Run(string data, string? rulesFile, string? asOfText, string output)
    {
        var err = Console.Error;
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                err.WriteLine($"--as-of 应为 YYYY-MM-DD 格式的日期，实际为「{asOfText}」");
                return ExitCodes.Usage;
            }

            asOf = d;
        }

        if (!output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            err.WriteLine($"--out 应以 .csv 或 .xlsx 结尾：{output}");
            return ExitCodes.Usage;
        }

        try
        {
            var config = rulesFile is null ? RulePackConfig.Default : RulePackConfig.Load(rulesFile);
            var progress = Console.IsErrorRedirected ? (Action<string>?)null : ShowProgress;
            var run = ScreeningEngine.Run(data, new ScreeningOptions(asOf, config, progress));
            if (progress is not null)
            {
                err.WriteLine();
            }

            LeadsWriter.Write(output, run.Leads);
            WriteSummary(run, output);
            return ExitCodes.Ok;
        }
        catch (InvalidPackageException ex)
        {
            err.WriteLine($"数据包无效，共 {ex.Errors.Count} 处错误，未写出任何结果：");
            foreach (var e in ex.Errors)
            {
                err.WriteLine("  " + e);
            }

            return ExitCodes.Usage;
        }
        catch (RulesFileException ex)
        {
            err.WriteLine($"规则文件 {rulesFile} 有误：");
            foreach (var e in ex.Errors)
            {
                err.WriteLine("  " + e);
            }

            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            err.WriteLine($"筛查失败：{ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    private static void ShowProgress(string stage) =>
        Console.Error.Write($"\r\u001b[K[{Clock.Elapsed.TotalSeconds,5:0.0}s] {stage}…");

    private static void WriteSummary(ScreeningRun run, string output)
    {
        var err = Console.Error;
        err.WriteLine($"规则包 {run.RulePackVersion}，基准日 {run.AsOf:yyyy-MM-dd}（{run.AsOfSource}）");
        err.WriteLine("读取行数：" + string.Join("，", PackageSchema.Tables
            .Where(t => run.RowsPerTable.ContainsKey(t.Name))
            .Select(t => $"{t.Name} {run.RowsPerTable[t.Name]:N0}")));
        foreach (var note in run.Notes)
        {
            err.WriteLine(note);
        }

        err.WriteLine("各规则线索数：");
        foreach (var r in run.Rules)
        {
            var status = r.Status switch
            {
                ScreeningRun.Ran => $"{r.Leads,6:N0} 条  {r.Elapsed.TotalMilliseconds,7:0} ms",
                ScreeningRun.Skipped => $"  跳过：{r.Reason}",
                _ => $"  停用：{r.Reason}",
            };
            err.WriteLine($"  {r.Code} {PadName(r.Name)} {status}");
        }

        err.WriteLine($"共 {run.Leads.Count:N0} 条疑似问题，已写入 {output}；用时 {run.Elapsed.TotalSeconds:0.00} 秒（读取 {run.LoadTime.TotalSeconds:0.00} 秒）");
    }

    private static string PadName(string name)
    {
        var width = name.Sum(c => c > 0x2E80 ? 2 : 1);
        return name + new string(' ', Math.Max(0, 24 - width));
    }
}
