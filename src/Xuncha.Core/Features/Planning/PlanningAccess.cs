using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

/// <summary>Who plans (the offices) and who may look at plans, rounds and the ranking.</summary>
public static class PlanningAccess
{
    public static readonly IReadOnlySet<string> Planners = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    public static readonly IReadOnlySet<string> Viewers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup };

    /// <summary>
    /// The county's risk ranking and coverage: not team members, who see only the villages of
    /// their own rounds.
    /// </summary>
    public static readonly IReadOnlySet<string> RankingViewers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.GuidanceGroup };

    /// <summary>Plans are approved one level up: the city office approves county plans and its own.</summary>
    public static readonly IReadOnlySet<string> Approvers = new HashSet<string> { Roles.Admin, Roles.CityOffice };

    /// <summary>The region a query looks under: the user's scope, or a part of it he names.</summary>
    public static async Task<string> Under(XunchaDbContext db, string? under, UserScope user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(under))
        {
            return user.ScopeCode;
        }

        var code = RegionCode.Normalize(under) ?? throw new ValidationException("under", PlanningTexts.BadRegion);
        var name = await db.Regions.Where(r => r.Code == code).Select(r => r.Name).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("under", PlanningTexts.UnknownRegion(code));
        user.EnsureCovers(code, name);
        return code;
    }
}
