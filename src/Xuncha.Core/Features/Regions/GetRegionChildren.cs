using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Regions;

/// <summary>Children of a node of the region tree (the user's scope node when no code is given).</summary>
public sealed record GetRegionChildren(string? Code);

public sealed record RegionNode(string Code, string Name, RegionLevel Level, string? Kind, int ChildCount);

public sealed class GetRegionChildrenHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RegionNode>> Handle(GetRegionChildren query, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string parent;
        if (query.Code is null)
        {
            // The root of a user's tree is their scope node itself.
            return await db.Regions.AsNoTracking().Where(r => r.Code == user.ScopeCode)
                .Select(r => new RegionNode(r.Code, r.Name, r.Level, r.Kind, db.Regions.Count(c => c.ParentCode == r.Code)))
                .ToListAsync(ct);
        }

        parent = RegionCode.Normalize(query.Code) ?? throw new ValidationException("code", RegionTexts.BadCode);
        var node = await db.Regions.AsNoTracking().Where(r => r.Code == parent).Select(r => new { r.Code, r.Name }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(RegionTexts.NotFound(parent));
        user.EnsureCovers(node.Code, node.Name);

        return await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == parent)
            .OrderBy(r => r.Code)
            .Select(r => new RegionNode(r.Code, r.Name, r.Level, r.Kind, db.Regions.Count(c => c.ParentCode == r.Code)))
            .ToListAsync(ct);
    }
}
