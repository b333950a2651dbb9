using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

public sealed record GetExpert(Guid Id);

public sealed class GetExpertHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<ExpertRow> Handle(GetExpert query, UserScope user, CancellationToken ct = default)
    {
        user.EnsureManager(PeopleTexts.ViewExperts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, ct)
            ?? throw new NotFoundException(PeopleTexts.ExpertNotFound(query.Id));
        await user.EnsurePoolCoveredAsync(db, expert.RegionCode, PeopleTexts.ExpertWhat, ct);
        return (await ListExpertsHandler.RowsAsync(db, [expert], ct))[0];
    }
}
