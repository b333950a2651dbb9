using System.Text;
using MiniExcelLibs;
using Xuncha.Screening.Tests.Engine;
using Xuncha.Screening.Tests.Package;

namespace Xuncha.Screening.Tests.Cli;

/// <summary>The `xuncha screen` contract of screening-rules.md, through the real program.</summary>
public sealed class ScreenCliTests : IDisposable
{
    private readonly TempFolder outputs = new("out");

    public void Dispose() => outputs.Dispose();

    private string Out(string ext) => outputs.PathOf("leads" + ext);

    [Fact]
    public async Task Screen_GeneratedPackage_WritesExactlyThePlantedLeads_AsCsvWithBom()
    {
        using var package = GeneratedPackages.Generate(40, background: false);
        var output = Out(".csv");
        var r = await XunchaProcess.RunAsync("screen", "--data", package.Folder, "--as-of", "2024-12-31", "--out", output);
        Assert.True(r.ExitCode == 0, r.Err);

        var bytes = File.ReadAllBytes(output);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rule_code,rule_name,severity,village_code,ref,amount,explanation", lines[0]);
        Assert.Equal(package.Expected.Count, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("R01,坐收坐支,高,", StringComparison.Ordinal) && l.Contains(",12000.00,", StringComparison.Ordinal));

        Assert.Contains("基准日 2024-12-31", r.Err);
        Assert.Contains("entries", r.Err);
        Assert.Contains($"共 {package.Expected.Count} 条疑似问题", r.Err);
        Assert.Empty(r.Out);
    }

    [Fact]
    public async Task Screen_ToXlsx_WritesTheSameColumns()
    {
        using var package = GeneratedPackages.Generate(8, background: false, "C01");
        var output = Out(".xlsx");
        var r = await XunchaProcess.RunAsync("screen", "--data", package.Folder, "--as-of", "2024-12-31", "--out", output);
        Assert.True(r.ExitCode == 0, r.Err);
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("C01", row["rule_code"]);
        Assert.Equal("高", row["severity"]);
    }

    [Fact]
    public async Task Screen_InvalidPackage_Exits2_ListsEveryBadRow_WritesNothing()
    {
        var entries = "village_code,voucher_no,date,account_code,debit\n" +
            $"{TempPackage.Village},V1,2024-13-45,101,100\n{TempPackage.Village},V2,2024-01-01,101,1.234\n";
        using var pkg = TempPackage.WithVillage().Write("entries", entries);
        var output = Out(".csv");
        var r = await XunchaProcess.RunAsync("screen", "--data", pkg.Folder, "--out", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("entries.csv 第 2 行「记账日期」", r.Err);
        Assert.Contains("entries.csv 第 3 行「借方金额」：金额最多保留两位小数", r.Err);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Screen_BadRulesFile_Exits1WithEachProblem()
    {
        using var pkg = TempPackage.WithVillage();
        var rules = Path.Combine(pkg.Folder, "rules.json");
        File.WriteAllText(rules, """{ "rules": { "R99": {}, "R02": { "cash_limt": 5, "enabled": "maybe" } } }""");
        var output = Out(".csv");
        var r = await XunchaProcess.RunAsync("screen", "--data", pkg.Folder, "--rules", rules, "--out", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("未知的规则「R99」", r.Err);
        Assert.Contains("R02 没有阈值「cash_limt」", r.Err);
        Assert.Contains("R02.enabled 应为 true 或 false", r.Err);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Screen_RulesFile_RaisesAThresholdAndSwitchesARuleOff()
    {
        using var package = GeneratedPackages.Generate(8, background: false, "R02", "R03");
        var rules = Path.Combine(package.Folder, "rules.yaml");
        File.WriteAllText(rules, "rules:\n  R02:\n    cash_limit: 1200\n  R03:\n    enabled: false\n");
        var output = Out(".csv");
        var r = await XunchaProcess.RunAsync("screen", "--data", package.Folder, "--rules", rules, "--as-of", "2024-12-31", "--out", output);
        Assert.True(r.ExitCode == 0, r.Err);
        var lines = File.ReadAllLines(output).Skip(1).ToList();
        var lead = Assert.Single(lines);
        Assert.StartsWith("R02,", lead, StringComparison.Ordinal);
        Assert.Contains(",1500.00,", lead, StringComparison.Ordinal);
        Assert.Contains("停用", r.Err);
    }

    [Fact]
    public async Task Screen_MissingOptionOrBadAsOf_Exits2()
    {
        Assert.Equal(2, (await XunchaProcess.RunAsync("screen", "--data", "x")).ExitCode);
        var r = await XunchaProcess.RunAsync("screen", "--data", "x", "--out", "y.csv", "--as-of", "2024/1/1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--as-of", r.Err);
    }

    [Fact]
    public async Task Screen_PackageThatDoesNotExist_Exits2WithAChineseReason()
    {
        var r = await XunchaProcess.RunAsync("screen", "--data", "/nonexistent/pkg", "--out", Out(".csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("找不到数据包", r.Err);
    }
}
