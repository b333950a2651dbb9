using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// Loads Jinhua's region tree (NBS 2023 codes, see Reference/SOURCE.md) into an empty database.
/// The CSVs are embedded, so nothing outside the program is read.
/// </summary>
public static class ReferenceData
{
    public const string CityName = "金华市";

    public static IReadOnlyList<Region> ReadRegions()
    {
        var regions = new List<Region> { new() { Code = RegionCode.City, Name = CityName, Level = RegionLevel.City } };
        var counties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var townships = new List<Region>();
        foreach (var f in ReadCsv("jinhua-townships.csv"))
        {
            // code,name,county_code,county_name,type
            counties[f[2]] = f[3];
            townships.Add(new Region { Code = f[0], Name = f[1], Level = RegionLevel.Township, ParentCode = f[2], Kind = f[4] });
        }

        regions.AddRange(counties.Select(c => new Region { Code = c.Key, Name = c.Value, Level = RegionLevel.County, ParentCode = RegionCode.City }));
        regions.AddRange(townships);
        foreach (var f in ReadCsv("jinhua-villages.csv"))
        {
            // code,name,kind,township_code,township_name,county_code,county_name
            regions.Add(new Region { Code = f[0], Name = f[1], Level = RegionLevel.Village, ParentCode = f[3], Kind = f[2] });
        }

        return regions;
    }

    /// <summary>Inserts the tree when the regions table is empty. Returns the number of regions added.</summary>
    public static async Task<int> EnsureLoadedAsync(XunchaDbContext db, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct))
        {
            return 0;
        }

        var regions = ReadRegions();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Regions.AddRange(regions);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return regions.Count;
    }

    private static IEnumerable<string[]> ReadCsv(string name)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream($"Xuncha.Core.Reference.{name}")
            ?? throw new InvalidOperationException($"内置参考数据缺失：{name}");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split(',');
            }
        }
    }
}
