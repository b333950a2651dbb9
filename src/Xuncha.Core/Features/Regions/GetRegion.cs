using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Regions;

/// <summary>One node of the tree with its ancestors, counts below it and, for a village, its profile.</summary>
public sealed record GetRegion(string Code);

public sealed record RegionRef(string Code, string Name, RegionLevel Level);

public sealed record VillageProfileView(
    int? Population,
    decimal? CollectiveIncome,
    bool? WeakOrg,
    decimal? KeyWorkScore,
    DateOnly? LastInspected,
    string? Chart);

public sealed record RegionDetail(
    string Code,
    string Name,
    RegionLevel Level,
    string? Kind,
    IReadOnlyList<RegionRef> Ancestors,
    int TownshipCount,
    int VillageCount,
    int CommunityCount,
    int WeakOrgCount,
    VillageProfileView? Profile);

public sealed class GetRegionHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<RegionDetail> Handle(GetRegion query, UserScope user, CancellationToken ct = default)
    {
        var code = RegionCode.Normalize(query.Code) ?? throw new ValidationException("code", RegionTexts.BadCode);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var region = await db.Regions.AsNoTracking().Include(r => r.Profile).SingleOrDefaultAsync(r => r.Code == code, ct)
            ?? throw new NotFoundException(RegionTexts.NotFound(code));
        user.EnsureCovers(region.Code, region.Name);

        var ancestorCodes = new[] { 4, 6, 9 }.Where(n => n < code.Length).Select(n => code[..n]).ToList();
        var ancestors = await db.Regions.AsNoTracking().Where(r => ancestorCodes.Contains(r.Code))
            .OrderBy(r => r.Level).Select(r => new RegionRef(r.Code, r.Name, r.Level)).ToListAsync(ct);

        var below = db.Regions.Where(r => r.Code.StartsWith(code) && r.Code != code);
        var townships = await below.CountAsync(r => r.Level == RegionLevel.Township, ct);
        var villages = await below.CountAsync(r => r.Level == RegionLevel.Village && r.Kind != "社区", ct);
        var communities = await below.CountAsync(r => r.Level == RegionLevel.Village && r.Kind == "社区", ct);
        var weak = await below.CountAsync(r => r.Profile != null && r.Profile.WeakOrg == true, ct);

        var p = region.Profile;
        var profile = region.Level != RegionLevel.Village ? null
            : new VillageProfileView(p?.Population, p?.CollectiveIncome, p?.WeakOrg, p?.KeyWorkScore, p?.LastInspected, p?.Chart);

        return new RegionDetail(region.Code, region.Name, region.Level, region.Kind, ancestors, townships, villages, communities, weak, profile);
    }
}
