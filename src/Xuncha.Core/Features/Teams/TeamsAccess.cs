using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Teams;

/// <summary>Who may see and change the teams of a round; the round's region must lie in the user's scope.</summary>
public static class TeamsAccess
{
    /// <summary>Form teams, assign, edit members and villages, invite experts.</summary>
    public static readonly IReadOnlySet<string> Editors = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    /// <summary>Read the teams of rounds in scope.</summary>
    public static readonly IReadOnlySet<string> Viewers = new HashSet<string>
    {
        Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup, Roles.Discipline,
    };

    /// <summary>Loads the round (untracked) after checking the role and the round's region against the scope.</summary>
    internal static async Task<Round> RoundAsync(XunchaDbContext db, Guid roundId, UserScope user, bool edit, CancellationToken ct)
    {
        user.EnsureRole(edit ? Editors : Viewers, edit ? TeamTexts.EditAction : TeamTexts.ViewAction);
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new NotFoundException(TeamTexts.RoundNotFound(roundId));
        var name = await db.Regions.Where(r => r.Code == round.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? round.RegionCode;
        user.EnsureCovers(round.RegionCode, name);
        return round;
    }
}
