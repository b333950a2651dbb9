using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>停用 / 启用: out of the pool for now (leave, other duty) without losing the record.</summary>
public sealed record SetPersonAvailability(Guid Id, bool Available);

public sealed class SetPersonAvailabilityHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task Handle(SetPersonAvailability cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManagePeople);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == cmd.Id, ct) ?? throw new NotFoundException(PeopleTexts.PersonNotFound(cmd.Id));
        await user.EnsurePoolCoveredAsync(db, person.RegionCode, PeopleTexts.PersonWhat, ct);
        person.Available = cmd.Available;
        await db.SaveChangesAsync(ct);
    }
}
