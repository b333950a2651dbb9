using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

public sealed record SetExpertAvailability(Guid Id, bool Available);

public sealed class SetExpertAvailabilityHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task Handle(SetExpertAvailability cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManageExperts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == cmd.Id, ct) ?? throw new NotFoundException(PeopleTexts.ExpertNotFound(cmd.Id));
        await user.EnsurePoolCoveredAsync(db, expert.RegionCode, PeopleTexts.ExpertWhat, ct);
        expert.Available = cmd.Available;
        await db.SaveChangesAsync(ct);
    }
}
