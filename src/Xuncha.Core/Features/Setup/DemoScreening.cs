using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Screening.Synthetic;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// Demo leads out of the box: a synthetic package (ordinary books plus every rule's planted
/// anomalies) for the villages of one county, screened like an upload.
/// </summary>
public sealed class DemoScreening(IDbContextFactory<XunchaDbContext> dbFactory, RunScreeningHandler screening, DatabaseSettings settings)
{
    public const string County = "330782";

    public async Task<ScreeningResult?> SeedAsync(int villages = 120, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.ScreeningBatches.AnyAsync(b => b.Trigger == "seed", ct))
            {
                return null;
            }
        }

        var regions = ReferenceData.ReadRegions();
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        var list = regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(County, StringComparison.Ordinal))
            .Take(villages)
            .Select((r, i) => PackageGenerator.Village(i, r.Code, r.Name, names[r.Code[..9]], names[r.Code[..6]]))
            .ToList();
        var folder = Path.Combine(settings.DataDir, "packages", "demo-" + County);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        PackageGenerator.Generate(list, new GeneratorOptions(new DateOnly(2024, 12, 31), PaymentsPerMonth: 3, SubsidyRecipients: 3), folder);
        return await screening.Handle(new RunScreening(folder, "演示数据包（义乌市 " + list.Count + " 个村社）", "seed", County), null, null, ct);
    }
}
