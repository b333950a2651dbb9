using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>Removes a person with his works and relatives; refused while he is on a team (the record of the round needs him).</summary>
public sealed record DeletePerson(Guid Id);

public sealed class DeletePersonHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task Handle(DeletePerson cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManagePeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == cmd.Id, ct) ?? throw new NotFoundException(PeopleTexts.PersonNotFound(cmd.Id));
        await user.EnsurePoolCoveredAsync(db, person.RegionCode, PeopleTexts.PersonWhat, ct);
        var teams = await (from m in db.TeamMembers
                           join t in db.Teams on m.TeamId equals t.Id
                           join r in db.Rounds on t.RoundId equals r.Id
                           where m.PersonId == person.Id
                           select r.Name + " · " + t.Name)
            .ToListAsync(ct);
        if (teams.Count > 0)
        {
            throw new ValidationException("id", PeopleTexts.OnTeam(person.Name, teams));
        }

        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
    }
}
