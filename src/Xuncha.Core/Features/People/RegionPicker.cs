using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>What the pool forms pick from: the pools the user may fill, and the whole region tree down to villages.</summary>
public sealed record RegionPicker(IReadOnlyList<(string Code, string Name)> Pools, TreeNode Tree);

/// <summary>
/// The pickers of the person and expert forms. Workplaces, home villages and relatives' villages
/// may lie anywhere in the city (someone of 义乌's pool may come from 东阳), so the tree is the
/// city's; the pools are only those within the user's scope.
/// </summary>
public sealed class RegionPickerHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<RegionPicker> Handle(UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManagePeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
        var nodes = regions.ToDictionary(r => r.Code, r => new TreeNode { Code = r.Code, Name = r.Name, Level = r.Level });
        foreach (var r in regions.Where(r => r.ParentCode is not null && nodes.ContainsKey(r.ParentCode)))
        {
            nodes[r.ParentCode!].Children.Add(nodes[r.Code]);
        }

        var pools = regions.Where(r => r.Level is RegionLevel.City or RegionLevel.County && user.Covers(r.Code))
            .Select(r => (r.Code, r.Level == RegionLevel.City ? r.Name + "（市本级）" : r.Name)).ToList();
        return new RegionPicker(pools, nodes[RegionCode.City]);
    }
}
