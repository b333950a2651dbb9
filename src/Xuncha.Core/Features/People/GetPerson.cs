using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

public sealed record GetPerson(Guid Id);

public sealed record PersonWorkRow(Guid Id, string RegionCode, string RegionName, string Unit, DateOnly From, DateOnly? To);

public sealed record PersonRelativeRow(Guid Id, string Name, string Relation, string? IdNumber, string VillageCode, string VillageName, string Position);

/// <summary>A person of the pool with his workplaces, his relatives who are village cadres and the teams he is on.</summary>
public sealed record PersonDetail(
    Guid Id,
    string Name,
    string? IdNumber,
    string Gender,
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
    bool HasAccount,
    IReadOnlyList<PersonWorkRow> Works,
    IReadOnlyList<PersonRelativeRow> Relatives,
    IReadOnlyList<string> Teams,
    string? AccountUserName = null);

public sealed class GetPersonHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<PersonDetail> Handle(GetPerson query, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ViewPeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.AsNoTracking().Include(p => p.Works).Include(p => p.Relatives)
            .SingleOrDefaultAsync(p => p.Id == query.Id, ct) ?? throw new NotFoundException(PeopleTexts.PersonNotFound(query.Id));
        await user.EnsurePoolCoveredAsync(db, person.RegionCode, PeopleTexts.PersonWhat, ct);
        return await DetailAsync(db, person, ct);
    }

    internal static async Task<PersonDetail> DetailAsync(XunchaDbContext db, Person p, CancellationToken ct)
    {
        var codes = new[] { p.RegionCode, p.HomeVillageCode }
            .Concat(p.Works.Select(w => w.RegionCode))
            .Concat(p.Relatives.Select(r => r.VillageCode));
        var names = await RegionPaths.LoadAsync(db, codes, ct);
        var teams = await (from m in db.TeamMembers
                           join t in db.Teams on m.TeamId equals t.Id
                           join r in db.Rounds on t.RoundId equals r.Id
                           where m.PersonId == p.Id
                           orderby r.StartDate descending
                           select r.Name + " · " + t.Name + (m.IsLeader ? "（组长）" : ""))
            .ToListAsync(ct);
        var account = p.UserId is null ? null : await db.Users.Where(u => u.Id == p.UserId).Select(u => u.UserName).SingleOrDefaultAsync(ct);
        return new PersonDetail(
            p.Id, p.Name, p.IdNumber, p.Gender, p.Unit, p.Position, p.Phone, p.RegionCode, names.Path(p.RegionCode),
            p.HomeVillageCode, p.HomeVillageCode is null ? null : names.Path(p.HomeVillageCode),
            p.Skills, p.TownshipYears, p.CanLead, p.Available, p.UserId is not null,
            p.Works.OrderByDescending(w => w.From).Select(w => new PersonWorkRow(w.Id, w.RegionCode, names.Path(w.RegionCode), w.Unit, w.From, w.To)).ToList(),
            p.Relatives.OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new PersonRelativeRow(r.Id, r.Name, r.Relation, r.IdNumber, r.VillageCode, names.Path(r.VillageCode), r.Position)).ToList(),
            teams,
            account);
    }
}
