using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Regions;

/// <summary>Villages and communities under a node (default: the user's scope), filtered and paged.</summary>
public sealed record ListVillages(
    string? Under = null,
    string? Search = null,
    string? Kind = null,
    bool? WeakOrg = null,
    int? Page = null,
    int? PageSize = null);

public sealed record VillageRow(
    string Code,
    string Name,
    string? Kind,
    string TownshipCode,
    string TownshipName,
    string CountyName,
    int? Population,
    decimal? CollectiveIncome,
    bool? WeakOrg,
    decimal? KeyWorkScore,
    DateOnly? LastInspected);

public sealed class ListVillagesHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<Paged<VillageRow>> Handle(ListVillages query, UserScope user, CancellationToken ct = default)
    {
        var under = user.ScopeCode;
        if (!string.IsNullOrWhiteSpace(query.Under))
        {
            under = RegionCode.Normalize(query.Under) ?? throw new ValidationException("under", RegionTexts.BadCode);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (under != user.ScopeCode)
        {
            var name = await db.Regions.Where(r => r.Code == under).Select(r => r.Name).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(RegionTexts.NotFound(under));
            user.EnsureCovers(under, name);
        }

        var q = db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(under)).InOwnVillages(user, r => r.Code);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            q = q.Where(r => r.Name.Contains(s) || r.Code.StartsWith(s));
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            q = q.Where(r => r.Kind == query.Kind);
        }

        if (query.WeakOrg is { } weak)
        {
            q = q.Where(r => r.Profile != null && r.Profile.WeakOrg == weak);
        }

        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(r => r.Code).Skip((page - 1) * size).Take(size)
            .Select(r => new VillageRow(
                r.Code, r.Name, r.Kind, r.ParentCode!, r.Parent!.Name, r.Parent.Parent!.Name,
                r.Profile!.Population, r.Profile.CollectiveIncome, r.Profile.WeakOrg, r.Profile.KeyWorkScore, r.Profile.LastInspected))
            .ToListAsync(ct);
        return new Paged<VillageRow>(items, total, page, size);
    }
}
