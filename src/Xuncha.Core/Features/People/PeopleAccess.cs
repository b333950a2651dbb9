using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.People;

/// <summary>
/// Who may keep the personnel and expert pools: the offices and administrators. A pool belongs to
/// the city (4 digits) or a county (6); a user sees and edits the pools within his scope.
/// </summary>
public static class PeopleAccess
{
    public static readonly IReadOnlySet<string> Managers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    public static void EnsureManager(this UserScope user, string action) => user.EnsureRole(Managers, action);

    /// <summary>403 when the pool <paramref name="regionCode"/> lies outside the user's scope; the person's name is not told.</summary>
    public static async Task EnsurePoolCoveredAsync(this UserScope user, XunchaDbContext db, string regionCode, string what, CancellationToken ct)
    {
        if (!user.Covers(regionCode))
        {
            var name = await db.Regions.Where(r => r.Code == regionCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? regionCode;
            var pool = what == PeopleTexts.ExpertWhat ? PeopleTexts.ExpertPool : PeopleTexts.PeoplePool;
            throw new ForbiddenException(PeopleTexts.OutsideScope(what, pool, name, user.ScopeName));
        }
    }

    /// <summary>The pool a new record goes to when none is given: the user's own, if it is the city or a county.</summary>
    public static string? DefaultPool(this UserScope user) => user.ScopeCode.Length is 4 or 6 ? user.ScopeCode : null;
}
