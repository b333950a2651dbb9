using System.Globalization;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Setup;
using Xuncha.Screening.Engine;
using Xuncha.Screening.Synthetic;

namespace Xuncha.Screening.Tests.Engine;

/// <summary>Synthetic packages on real Jinhua village codes, written to a temp folder per test.</summary>
public static class GeneratedPackages
{
    public static readonly DateOnly AsOf = new(2024, 12, 31);

    private static readonly Lazy<List<SyntheticVillage>> Jinhua = new(() =>
    {
        var regions = ReferenceData.ReadRegions();
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        return regions.Where(r => r.Level == RegionLevel.Village)
            .Select((r, i) => PackageGenerator.Village(i, r.Code, r.Name, names[r.Code[..9]], names[r.Code[..6]]))
            .ToList();
    });

    public static GeneratedPackage Generate(int villages, bool background, params string[] rules)
    {
        var folder = Path.Combine(Path.GetTempPath(), "xuncha-screening-tests", Guid.NewGuid().ToString("N"));
        var options = new GeneratorOptions(AsOf, PaymentsPerMonth: 4, Background: background,
            Rules: rules.Length == 0 ? null : rules.ToHashSet());
        return PackageGenerator.Generate(Jinhua.Value.Take(villages).ToList(), options, folder);
    }

    public static IEnumerable<string> Keys(IEnumerable<ExpectedLead> expected) =>
        expected.Select(e => Key(e.Rule, e.Village, e.Ref, e.Amount)).Order(StringComparer.Ordinal);

    public static IEnumerable<string> Keys(IEnumerable<Lead> leads) =>
        leads.Select(l => Key(l.RuleCode, l.VillageCode, l.Ref, l.Amount)).Order(StringComparer.Ordinal);

    private static string Key(string rule, string village, string reference, decimal? amount) =>
        $"{rule} {village} {reference} {amount?.ToString("0.00", CultureInfo.InvariantCulture)}";
}
