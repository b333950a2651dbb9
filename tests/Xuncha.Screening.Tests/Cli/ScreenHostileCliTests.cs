using System.IO.Compression;
using System.Text;
using Xuncha.Screening.Tests.Fuzz;
using Xuncha.Screening.Tests.Package;

namespace Xuncha.Screening.Tests.Cli;

/// <summary>
/// The exit code contract of `xuncha screen` (screening-rules.md) on broken and hostile packages:
/// 2 with a Chinese report and nothing written for an invalid package; formula text from a package
/// never reaches the leads file as a formula.
/// </summary>
public sealed class ScreenHostileCliTests
{
    [Theory]
    [InlineData("truncated-xlsx", "不是有效的 Excel")]
    [InlineData("zip-bomb", "压缩炸弹")]
    [InlineData("zip-of-xlsx", "缺少 xl/workbook.xml")]
    [InlineData("no-villages", "缺少必需的村社表")]
    [InlineData("damaged-sheet", "已损坏")]
    public async Task Screen_BrokenPackage_Exits2_WithAChineseReport_WritesNothing(string damage, string reason)
    {
        using var pkg = TempPackage.WithVillage();
        using var broken = new TempFolder("broken");
        var data = Broken(damage, pkg, broken);
        using var outputs = new TempFolder("out");
        var output = outputs.PathOf("leads.csv");
        var r = await XunchaProcess.RunAsync("screen", "--data", data, "--out", output);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Err}");
        Assert.Contains("数据包无效", r.Err);
        Assert.Contains(reason, r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Screen_FormulaTextInThePackage_IsWrittenToTheLeadsCsvAsText()
    {
        const string formula = "=cmd|' /C calc'!A0";
        var entries = "village_code,voucher_no,date,line_no,account_code,account_name,summary,debit,credit\n" +
            $"{TempPackage.Village},{formula},2024-03-05,1,154,在建工程,修路,1234.50,\n" +
            $"{TempPackage.Village},{formula},2024-03-05,2,531,其他收入,卫生费,,1234.50\n";
        using var pkg = TempPackage.WithVillage().Write("entries", entries);
        var output = Path.Combine(pkg.Folder, "leads.csv");
        var r = await XunchaProcess.RunAsync("screen", "--data", pkg.Folder, "--out", output);
        Assert.True(r.ExitCode == 0, r.Err);
        var lead = File.ReadAllLines(output, Encoding.UTF8).Single(l => l.StartsWith("R01,", StringComparison.Ordinal));
        Assert.Contains(",'" + formula + ",", lead);
    }

    private static string Broken(string damage, TempPackage pkg, TempFolder broken)
    {
        var xlsx = Path.Combine(pkg.Folder, "package.xlsx");
        PackageMutator.WriteXlsx(pkg.Folder, xlsx);
        var target = broken.PathOf("package.xlsx");
        switch (damage)
        {
            case "truncated-xlsx":
                var bytes = File.ReadAllBytes(xlsx);
                File.WriteAllBytes(target, bytes[..(bytes.Length / 2)]);
                return target;
            case "zip-bomb":
                ZipCraft.Bomb(xlsx, target, "xl/worksheets/sheet1.xml", 3_500L << 20, 3_500u << 20);
                return target;
            case "damaged-sheet":
                ZipCraft.Bomb(xlsx, target, "xl/worksheets/sheet1.xml", 3_500L << 20, 100_000u);
                return target;
            case "zip-of-xlsx":
                using (var zip = ZipFile.Open(target, ZipArchiveMode.Create))
                {
                    ZipFileExtensions.CreateEntryFromFile(zip, xlsx, "package.xlsx");
                }

                return target;
            default:
                File.Delete(xlsx);
                File.Move(Path.Combine(pkg.Folder, "villages.csv"), Path.Combine(pkg.Folder, "villages-old.csv"));
                return pkg.Folder;
        }
    }
}
