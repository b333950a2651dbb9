using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Teams;

public sealed record TeamRoundOption(Guid Id, string Name, string RegionName, DateOnly StartDate, DateOnly EndDate, int Targets, int Teams);

/// <summary>The rounds whose teams the user may see, newest first, for the 巡察组 page's selector.</summary>
public sealed class ListTeamRoundsHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<IReadOnlyList<TeamRoundOption>> Handle(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(TeamsAccess.Viewers, TeamTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from r in db.Rounds.AsNoTracking()
                where r.RegionCode.StartsWith(user.ScopeCode)
                join g in db.Regions on r.RegionCode equals g.Code
                orderby r.StartDate descending, r.Name
                select new TeamRoundOption(r.Id, r.Name, g.Name, r.StartDate, r.EndDate,
                    db.RoundTargets.Count(t => t.RoundId == r.Id), db.Teams.Count(t => t.RoundId == r.Id)))
            .ToListAsync(ct);
    }
}
