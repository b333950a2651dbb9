using System.Globalization;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Setup;
using Xuncha.Screening.Engine;
using Xuncha.Screening.Synthetic;

namespace Xuncha.Screening.Tests.Engine;

/// <summary>Synthetic packages on real Jinhua village codes, written to a temp folder per test and deleted with it.</summary>
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

    /// <summary>A package in a fresh temp folder; dispose it (<c>using var package = ...</c>) to delete the folder.</summary>
    public static TempGeneratedPackage Generate(int villages, bool background, params string[] rules)
    {
        var temp = new TempFolder("generated");
        try
        {
            var options = new GeneratorOptions(AsOf, PaymentsPerMonth: 4, Background: background,
                Rules: rules.Length == 0 ? null : rules.ToHashSet());
            return new TempGeneratedPackage(PackageGenerator.Generate(Jinhua.Value.Take(villages).ToList(), options, temp.Folder), temp);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    public static IEnumerable<string> Keys(IEnumerable<ExpectedLead> expected) =>
        expected.Select(e => Key(e.Rule, e.Village, e.Ref, e.Amount)).Order(StringComparer.Ordinal);

    public static IEnumerable<string> Keys(IEnumerable<Lead> leads) =>
        leads.Select(l => Key(l.RuleCode, l.VillageCode, l.Ref, l.Amount)).Order(StringComparer.Ordinal);

    private static string Key(string rule, string village, string reference, decimal? amount) =>
        $"{rule} {village} {reference} {amount?.ToString("0.00", CultureInfo.InvariantCulture)}";
}

/// <summary>A generated package and the temp folder it lives in, deleted on dispose.</summary>
public sealed class TempGeneratedPackage(GeneratedPackage package, TempFolder temp) : IDisposable
{
    public string Folder => package.Folder;

    public IReadOnlyList<ExpectedLead> Expected => package.Expected;

    public void Dispose() => temp.Dispose();
}
