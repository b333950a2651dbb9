using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Setup;
using Xuncha.Screening.Synthetic;

namespace Xuncha.Cli.Commands;

/// <summary>`xuncha generate`: synthetic packages for the real Jinhua villages, with planted anomalies and their expected leads.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "输出文件夹（CSV 数据包）", Required = true };
        var villages = new Option<int?>("--villages") { Description = "村社数，默认金华市全部 3300 个" };
        var payments = new Option<int>("--payments-per-month") { Description = "每村每月日常付款笔数（决定规模，默认 12 ≈ 全市 400 万行分录）", DefaultValueFactory = _ => 12 };
        var years = new Option<int>("--years") { Description = "年数，默认 3", DefaultValueFactory = _ => 3 };
        var end = new Option<string>("--end") { Description = "最后一天（也是默认基准日），默认 2024-12-31", DefaultValueFactory = _ => "2024-12-31" };
        var plain = new Option<bool>("--no-background") { Description = "只写入预埋的异常和近似样本，不生成日常账目" };
        var rules = new Option<string?>("--rules") { Description = "只预埋这些规则，如 R01,C03；none 表示不预埋" };
        var copies = new Option<int>("--copies") { Description = "把村社复制 N 份（编码改写），用于省级规模基准", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "生成合成村社数据包（含预埋异常及预期线索 expected.csv），用于测试、演示和基准")
        {
            output, villages, payments, years, end, plain, rules, copies,
        };
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(end), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var endDate))
            {
                Console.Error.WriteLine("--end 应为 YYYY-MM-DD");
                return ExitCodes.Usage;
            }

            var list = JinhuaVillages(parse.GetValue(villages), parse.GetValue(copies));
            var ruleSet = parse.GetValue(rules)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(r => !r.Equals("none", StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var options = new GeneratorOptions(endDate, parse.GetValue(years), parse.GetValue(payments), Background: !parse.GetValue(plain), Rules: ruleSet);
            var watch = Stopwatch.StartNew();
            var folder = parse.GetValue(output)!;
            GeneratedPackage package;
            try
            {
                package = PackageGenerator.Generate(list, options, folder);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.Usage;
            }

            WriteExpected(Path.Combine(folder, "expected.csv"), package.Expected);
            AnsiConsole.MarkupLine($"已生成数据包 [bold]{Markup.Escape(folder)}[/]：{list.Count} 个村社，用时 {watch.Elapsed.TotalSeconds:0.0} 秒");
            foreach (var (table, rows) in package.Rows)
            {
                Console.WriteLine($"  {table,-12} {rows,12:N0} 行");
            }

            Console.WriteLine($"  预期线索 {package.Expected.Count} 条（expected.csv）；基准日 {endDate:yyyy-MM-dd}");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static List<SyntheticVillage> JinhuaVillages(int? count, int copies = 1)
    {
        var regions = ReferenceData.ReadRegions();
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        var villages = regions.Where(r => r.Level == RegionLevel.Village).Take(count ?? int.MaxValue).ToList();
        var list = new List<SyntheticVillage>();
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var r in villages)
            {
                // Copies keep the township digits and change the county digits, so townships stay together.
                var code = copy == 0 ? r.Code : $"{(int.Parse(r.Code[..4], CultureInfo.InvariantCulture) + copy * 100 % 9000):0000}{r.Code[4..]}";
                list.Add(PackageGenerator.Village(list.Count, code, r.Name, names[r.Code[..9]], names[r.Code[..6]]));
            }
        }

        return list;
    }

    private static void WriteExpected(string path, IReadOnlyList<ExpectedLead> expected)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(true));
        w.WriteLine("rule_code,village_code,ref,amount");
        foreach (var e in expected.OrderBy(e => e.Rule, StringComparer.Ordinal).ThenBy(e => e.Village, StringComparer.Ordinal).ThenBy(e => e.Ref, StringComparer.Ordinal))
        {
            w.WriteLine($"{e.Rule},{e.Village},{e.Ref},{e.Amount?.ToString("0.00", CultureInfo.InvariantCulture)}");
        }
    }
}
