using Xuncha.Screening.Engine;
using Xuncha.Screening.Tests.Package;

namespace Xuncha.Screening.Tests.Engine;

/// <summary>A county's own thresholds apply to its villages only; everyone else keeps the general ones.</summary>
public sealed class CountyThresholdTests
{
    [Fact]
    public void CountyOverride_RaisesTheCashLimitForThatCountyOnly()
    {
        // Two villages in two counties each pay 1,500 yuan in cash.
        const string yiwu = "330782100201", wucheng = "330702100201";
        var villages = "village_code,village_name\n" + yiwu + ",甲村\n" + wucheng + ",乙村\n";
        var entries = "village_code,voucher_no,date,line_no,account_code,account_name,debit,credit,counterparty,invoice_no\n" +
            $"{yiwu},V1,2024-03-05,1,541,管理费用,1500,,张三,FP1\n{yiwu},V1,2024-03-05,2,101,现金,,1500,,\n" +
            $"{wucheng},V1,2024-03-05,1,541,管理费用,1500,,李四,FP2\n{wucheng},V1,2024-03-05,2,101,现金,,1500,,\n";
        using var pkg = new TempPackage().Write("villages", villages).Write("entries", entries);
        var rules = Path.Combine(pkg.Folder, "rules.yaml");
        File.WriteAllText(rules, "rules:\n  R03:\n    enabled: false\ncounties:\n  \"330782\":\n    R02:\n      cash_limit: 2000\n");

        var run = ScreeningEngine.Run(pkg.Folder, new ScreeningOptions(Config: RulePackConfig.Load(rules)));

        var lead = Assert.Single(run.Leads);
        Assert.Equal(("R02", wucheng), (lead.RuleCode, lead.VillageCode));
        Assert.Contains("1,000 元应转账结算", lead.Explanation);
        var r02 = run.Rules.Single(r => r.Code == "R02");
        Assert.Equal(2000m, r02.Thresholds["330782:cash_limit"]);
        Assert.Equal(1000m, r02.Thresholds["cash_limit"]);
    }

    [Fact]
    public void CountyOverride_WithABadCodeOrDisabling_IsRefused()
    {
        using var folder = new TempFolder("rules");
        var path = folder.PathOf("rules.json");
        File.WriteAllText(path, """{ "counties": { "3307": { "R02": { "cash_limit": 1 } }, "330782": { "R02": { "enabled": false } } } }""");
        var ex = Assert.Throws<RulesFileException>(() => RulePackConfig.Load(path));
        Assert.Contains(ex.Errors, e => e.Contains("「3307」不是县"));
        Assert.Contains(ex.Errors, e => e.Contains("不能按县停用"));
    }
}
