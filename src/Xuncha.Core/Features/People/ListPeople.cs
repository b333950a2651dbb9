using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>The personnel pool within the user's scope.</summary>
/// <param name="Search">A fragment of the name or the ID number.</param>
/// <param name="Skill">One of <see cref="Skills.All"/>.</param>
/// <param name="Region">One pool: the city (3307) or a county code; within the user's scope.</param>
public sealed record ListPeople(
    string? Search = null,
    string? Skill = null,
    string? Region = null,
    bool? Available = null,
    bool? CanLead = null,
    int? Page = null,
    int? PageSize = null);

public sealed record PersonRow(
    Guid Id,
    string Name,
    string Gender,
    string? IdNumber,
    string Unit,
    string Position,
    string Phone,
    string RegionCode,
    string RegionName,
    string? HomeVillageCode,
    string? HomeVillageName,
    IReadOnlyList<string> Skills,
    int TownshipYears,
    bool CanLead,
    bool Available,
    int WorkCount,
    int RelativeCount);

public sealed class ListPeopleHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<Paged<PersonRow>> Handle(ListPeople query, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ViewPeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await FilterAsync(db, query, user, ct);
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var total = await people.CountAsync(ct);
        var rows = await Ordered(people).Skip((page - 1) * size).Take(size)
            .Select(p => new
            {
                Person = p,
                Works = db.PersonWorks.Count(w => w.PersonId == p.Id),
                Relatives = db.PersonRelatives.Count(r => r.PersonId == p.Id),
            })
            .ToListAsync(ct);
        var names = await RegionPaths.LoadAsync(db, rows.SelectMany(r => new[] { r.Person.RegionCode, r.Person.HomeVillageCode }), ct);
        var items = rows.Select(r => Row(r.Person, names, r.Works, r.Relatives)).ToList();
        return new Paged<PersonRow>(items, total, page, size);
    }

    /// <summary>Every person matching the filters, with works and relatives (for the Excel export), capped.</summary>
    public async Task<IReadOnlyList<Person>> AllAsync(ListPeople query, UserScope user, int max = 50_000, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ViewPeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await FilterAsync(db, query, user, ct);
        return await Ordered(people).Take(max).Include(p => p.Works).Include(p => p.Relatives).AsSplitQuery().ToListAsync(ct);
    }

    private static IQueryable<Person> Ordered(IQueryable<Person> people) =>
        people.OrderBy(p => p.RegionCode).ThenByDescending(p => p.Available).ThenBy(p => p.Name).ThenBy(p => p.Id);

    internal static async Task<IQueryable<Person>> FilterAsync(XunchaDbContext db, ListPeople q, UserScope user, CancellationToken ct)
    {
        var scope = user.ScopeCode;
        var people = db.People.AsNoTracking().Where(p => p.RegionCode.StartsWith(scope));
        if (!string.IsNullOrWhiteSpace(q.Region))
        {
            var region = await PoolFilterAsync(db, q.Region, user, ct);
            people = people.Where(p => p.RegionCode == region);
        }

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            var upper = s.ToUpperInvariant();
            people = people.Where(p => p.Name.Contains(s) || (p.IdNumber != null && p.IdNumber.Contains(upper)));
        }

        if (!string.IsNullOrWhiteSpace(q.Skill))
        {
            var skill = q.Skill.Trim();
            if (!Skills.All.Contains(skill))
            {
                throw new ValidationException("skill", "专长" + PeopleTexts.UnknownSkill(skill) + "。");
            }

            people = people.Where(p => p.Skills.Contains(skill));
        }

        if (q.Available is { } available)
        {
            people = people.Where(p => p.Available == available);
        }

        if (q.CanLead is { } canLead)
        {
            people = people.Where(p => p.CanLead == canLead);
        }

        return people;
    }

    /// <summary>A pool named in a filter: a known code within the user's scope (400 for a malformed code, 403 outside).</summary>
    internal static async Task<string> PoolFilterAsync(XunchaDbContext db, string text, UserScope user, CancellationToken ct)
    {
        var code = RegionCode.Normalize(text) ?? throw new ValidationException("region", "区划代码应为 4 或 6 位数字，例如 3307 或 330782。");
        var name = await db.Regions.Where(r => r.Code == code).Select(r => r.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"找不到区划代码「{code}」。");
        user.EnsureCovers(code, name);
        return code;
    }

    private static PersonRow Row(Person p, RegionPaths names, int works, int relatives) => new(
        p.Id, p.Name, p.Gender, p.IdNumber, p.Unit, p.Position, p.Phone, p.RegionCode, names.Path(p.RegionCode),
        p.HomeVillageCode, p.HomeVillageCode is null ? null : names.Path(p.HomeVillageCode),
        p.Skills, p.TownshipYears, p.CanLead, p.Available, works, relatives);
}
