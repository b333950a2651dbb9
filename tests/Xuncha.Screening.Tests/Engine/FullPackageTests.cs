using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Tests.Engine;

public sealed class FullPackageTests
{
    [Fact]
    public void GeneratedPackage_WithOrdinaryBooksAndEveryPlant_YieldsExactlyThePlantedLeads()
    {
        using var package = GeneratedPackages.Generate(48, background: true);
        var run = ScreeningEngine.Run(package.Folder, new ScreeningOptions(GeneratedPackages.AsOf));
        Assert.Equal(GeneratedPackages.Keys(package.Expected), GeneratedPackages.Keys(run.Leads));
        Assert.All(run.Rules, r => Assert.Equal(ScreeningRun.Ran, r.Status));
        Assert.True(run.RowsPerTable["entries"] > 10_000);
    }

    [Fact]
    public void Run_RecordsVersionThresholdsAsOfRowsAndSkippedRules()
    {
        using var package = GeneratedPackages.Generate(8, background: false, "R02");
        foreach (var table in new[] { "contracts", "subsidies", "cadres", "relatives", "deaths", "decisions", "petitions", "disclosures" })
        {
            File.Delete(Path.Combine(package.Folder, table + ".csv"));
        }

        var run = ScreeningEngine.Run(package.Folder);
        Assert.Equal(RulePack.Version, run.RulePackVersion);
        Assert.Equal(new DateOnly(2024, 5, 9), run.AsOf);
        Assert.Equal(8, run.RowsPerTable["villages"]);
        var r02 = run.Rules.Single(r => r.Code == "R02");
        Assert.Equal(1000m, r02.Thresholds["cash_limit"]);
        Assert.Equal(2, r02.Leads);
        var c01 = run.Rules.Single(r => r.Code == "C01");
        Assert.Equal(ScreeningRun.Skipped, c01.Status);
        Assert.Contains("contracts", c01.Reason);
    }
}
