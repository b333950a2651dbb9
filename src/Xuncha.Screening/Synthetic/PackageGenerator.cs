using Xuncha.Screening.Package;
using Xuncha.Screening.Synthetic.Plants;

namespace Xuncha.Screening.Synthetic;

public sealed record GeneratorOptions(
    DateOnly End,
    int Years = 3,
    int PaymentsPerMonth = 12,
    int SubsidyRecipients = 6,
    bool Background = true,
    IReadOnlySet<string>? Rules = null,
    int Seed = 20261127);

public sealed record GeneratedPackage(string Folder, IReadOnlyList<ExpectedLead> Expected, IReadOnlyDictionary<string, long> Rows);

/// <summary>
/// Synthetic data packages in the spec's format: ordinary books for every village plus, for
/// each rule, planted anomalies that must be found and near misses that must not. The
/// expected leads come with the package, so a test can demand exactly them and nothing else.
/// </summary>
public static class PackageGenerator
{
    public static readonly IReadOnlyList<Planter> Planters =
    [
        new C03Planter(),
        new R01Planter(), new R02Planter(), new R03Planter(), new R04Planter(), new R05Planter(), new R06Planter(),
        new R07Planter(), new R08Planter(), new C01Planter(), new C02Planter(), new C04Planter(), new C05Planter(),
        new C06Planter(), new C07Planter(), new S01Planter(), new S02Planter(), new S03Planter(), new S04Planter(),
        new G01Planter(), new G02Planter(), new G03Planter(), new P01Planter(),
    ];

    public static GeneratedPackage Generate(IReadOnlyList<SyntheticVillage> villages, GeneratorOptions o, string folder)
    {
        var ordered = SameTownshipFirst(villages);
        var planters = Planters.Where(p => o.Rules is null || o.Rules.Contains(p.Rule)).ToList();
        if (planters.Sum(p => p.Villages) > ordered.Count)
        {
            throw new ArgumentException($"预埋所选规则的异常需要至少 {planters.Sum(p => p.Villages)} 个村社，只给了 {ordered.Count} 个：请增加 --villages，或用 --rules 只预埋部分规则（--rules none 不预埋）。");
        }

        using var b = new PackageBuilder(folder);
        foreach (var v in ordered)
        {
            b.Add(PackageSchema.Villages, v.Code, v.Name, v.Township, v.County, "村", 1500, 800000m, false, 85.0, null, v.DeclareChart ? v.Chart : null);
        }

        if (o.Background)
        {
            var background = new Background(b, o);
            for (var i = 0; i < ordered.Count; i++)
            {
                background.Write(ordered[i], i);
            }
        }

        var ctx = new PlantContext(b, ordered, o.End, o.Background);
        var next = 0;
        foreach (var p in planters)
        {
            p.Plant(ctx, next);
            next += p.Villages;
        }

        Disclose(b, ctx);
        var rows = PackageSchema.Tables.ToDictionary(t => t.Name, t => b.Count(t.Name));
        return new GeneratedPackage(folder, b.Expected, rows);
    }

    /// <summary>Every village with entries publishes each quarter's accounts on time, unless a planter said otherwise.</summary>
    private static void Disclose(PackageBuilder b, PlantContext ctx)
    {
        foreach (var (village, first) in b.FirstEntry.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var index = first.Year * 4 + (first.Month - 1) / 3;
            var last = ctx.AsOf.Year * 4 + (ctx.AsOf.Month - 1) / 3;
            for (var qi = index; qi <= last; qi++)
            {
                var year = qi / 4;
                var quarter = qi % 4 + 1;
                var name = $"{year}-Q{quarter}";
                var end = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
                if (ctx.DisclosureOverrides.TryGetValue((village, name), out var custom))
                {
                    if (custom is { } c)
                    {
                        b.Add(PackageSchema.Disclosures, village, c.Period, "财务", c.Date);
                    }

                    continue;
                }

                b.Add(PackageSchema.Disclosures, village, name, "财务", end.AddDays(5));
            }
        }
    }

    private static List<SyntheticVillage> SameTownshipFirst(IReadOnlyList<SyntheticVillage> villages)
    {
        var block = villages.GroupBy(v => v.Code[..9]).FirstOrDefault(g => g.Count() >= 4)?.Take(4).ToList() ?? [];
        return block.Concat(villages.Except(block)).ToList();
    }

    /// <summary>Chart assignment used by generators: 2004 declared, 2023 declared, 2023 detected, 2004 detected.</summary>
    public static SyntheticVillage Village(int index, string code, string name, string township, string county) =>
        (index % 4) switch
        {
            0 => new(code, name, township, county, "2004", true),
            1 => new(code, name, township, county, "2023", true),
            2 => new(code, name, township, county, "2023", false),
            _ => new(code, name, township, county, "2004", false),
        };
}
