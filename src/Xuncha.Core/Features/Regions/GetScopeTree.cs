using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Regions;

/// <summary>The user's part of the tree down to townships (villages are listed, not put in the tree).</summary>
public sealed record GetScopeTree;

public sealed class TreeNode
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public RegionLevel Level { get; init; }
    public int VillageCount { get; set; }
    public List<TreeNode> Children { get; } = [];
}

public sealed class GetScopeTreeHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<TreeNode?> Handle(GetScopeTree query, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.ScopeCode;
        var nodes = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(scope) && (r.Level != RegionLevel.Village || r.Code == scope))
            .OrderBy(r => r.Code)
            .Select(r => new TreeNode { Code = r.Code, Name = r.Name, Level = r.Level })
            .ToListAsync(ct);
        var villageCounts = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(scope))
            .GroupBy(r => r.ParentCode!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var byCode = nodes.ToDictionary(n => n.Code);
        foreach (var n in nodes.OrderByDescending(n => n.Level))
        {
            n.VillageCount += villageCounts.GetValueOrDefault(n.Code);
            var parent = n.Level switch { RegionLevel.County => n.Code[..4], RegionLevel.Township => n.Code[..6], RegionLevel.Village => n.Code[..9], _ => null };
            if (parent is not null && n.Code != scope && byCode.TryGetValue(parent, out var p))
            {
                p.Children.Add(n);
                p.VillageCount += n.VillageCount;
            }
        }

        foreach (var n in nodes)
        {
            n.Children.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        }

        return byCode.GetValueOrDefault(scope);
    }
}
