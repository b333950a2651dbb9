using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>Removes an expert; refused once he has been invited to a team or a finding (the record needs him).</summary>
public sealed record DeleteExpert(Guid Id);

public sealed class DeleteExpertHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task Handle(DeleteExpert cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ManageExperts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == cmd.Id, ct) ?? throw new NotFoundException(PeopleTexts.ExpertNotFound(cmd.Id));
        await user.EnsurePoolCoveredAsync(db, expert.RegionCode, PeopleTexts.ExpertWhat, ct);
        var invitations = await db.ExpertInvitations.CountAsync(i => i.ExpertId == expert.Id, ct);
        if (invitations > 0)
        {
            throw new ValidationException("id", PeopleTexts.Invited(expert.Name, invitations));
        }

        db.Experts.Remove(expert);
        await db.SaveChangesAsync(ct);
    }
}
