using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>The expert pool (智囊团) within the user's scope.</summary>
/// <param name="Search">A fragment of the name, the unit or the ID number.</param>
/// <param name="Field">One of <see cref="ExpertFields.All"/>.</param>
/// <param name="Region">One pool: the city (3307) or a county code; within the user's scope.</param>
public sealed record ListExperts(string? Search = null, string? Field = null, string? Region = null, bool? Available = null, int? Page = null, int? PageSize = null);

public sealed record ExpertRow(
    Guid Id,
    string Name,
    string Field,
    string Unit,
    string Title,
    string Phone,
    string? IdNumber,
    string RegionCode,
    string RegionName,
    string? HomeVillageCode,
    string? HomeVillageName,
    bool Available,
    bool HasAccount);

public sealed class ListExpertsHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<Paged<ExpertRow>> Handle(ListExperts query, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ViewExperts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experts = await FilterAsync(db, query, user, ct);
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var total = await experts.CountAsync(ct);
        var rows = await Ordered(experts).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<ExpertRow>(await RowsAsync(db, rows, ct), total, page, size);
    }

    /// <summary>Every expert matching the filters (for the Excel export), capped.</summary>
    public async Task<IReadOnlyList<ExpertRow>> AllAsync(ListExperts query, UserScope user, int max = 50_000, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ViewExperts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experts = await FilterAsync(db, query, user, ct);
        return await RowsAsync(db, await Ordered(experts).Take(max).ToListAsync(ct), ct);
    }

    internal static async Task<List<ExpertRow>> RowsAsync(XunchaDbContext db, IReadOnlyList<Expert> experts, CancellationToken ct)
    {
        var names = await RegionPaths.LoadAsync(db, experts.SelectMany(e => new[] { e.RegionCode, e.HomeVillageCode }), ct);
        return experts.Select(e => new ExpertRow(
            e.Id, e.Name, e.Field, e.Unit, e.Title, e.Phone, e.IdNumber, e.RegionCode, names.Path(e.RegionCode),
            e.HomeVillageCode, e.HomeVillageCode is null ? null : names.Path(e.HomeVillageCode), e.Available, e.UserId is not null)).ToList();
    }

    private static IQueryable<Expert> Ordered(IQueryable<Expert> experts) =>
        experts.OrderBy(e => e.RegionCode).ThenByDescending(e => e.Available).ThenBy(e => e.Field).ThenBy(e => e.Name).ThenBy(e => e.Id);

    private static async Task<IQueryable<Expert>> FilterAsync(XunchaDbContext db, ListExperts q, UserScope user, CancellationToken ct)
    {
        var scope = user.ScopeCode;
        var experts = db.Experts.AsNoTracking().Where(e => e.RegionCode.StartsWith(scope));
        if (!string.IsNullOrWhiteSpace(q.Region))
        {
            var region = await ListPeopleHandler.PoolFilterAsync(db, q.Region, user, ct);
            experts = experts.Where(e => e.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            var upper = s.ToUpperInvariant();
            experts = experts.Where(e => e.Name.Contains(s) || e.Unit.Contains(s) || (e.IdNumber != null && e.IdNumber.Contains(upper)));
        }

        if (!string.IsNullOrWhiteSpace(q.Field))
        {
            var field = q.Field.Trim();
            if (!ExpertFields.All.Contains(field))
            {
                throw new ValidationException("field", "专业领域" + PeopleTexts.UnknownField(field) + "。");
            }

            experts = experts.Where(e => e.Field == field);
        }

        if (q.Available is { } available)
        {
            experts = experts.Where(e => e.Available == available);
        }

        return experts;
    }
}
