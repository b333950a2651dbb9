using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Checklists;

/// <summary>
/// Who may do what with checklists; the village must also lie within the user's scope.
/// Offices run the lists; team members fill them in; guidance groups read the villages they guide.
/// </summary>
public static class ChecklistAccess
{
    /// <summary>Generate, edit item text, remove unchecked items.</summary>
    public static readonly IReadOnlySet<string> Editors = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    /// <summary>Set statuses and notes, link findings, add items.</summary>
    public static readonly IReadOnlySet<string> Checkers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember };

    /// <summary>Read, print and export.</summary>
    public static readonly IReadOnlySet<string> Readers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup };

    /// <summary>Add, edit and deactivate template items: the city sets one standard for all its counties.</summary>
    public static readonly IReadOnlySet<string> TemplateEditors = new HashSet<string> { Roles.Admin, Roles.CityOffice };

    public static readonly IReadOnlySet<string> TemplateReaders = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    /// <summary>Rounds with a target in the user's scope, or run by an office within it.</summary>
    internal static IQueryable<Round> RoundsInScope(XunchaDbContext db, UserScope user) =>
        db.Rounds.AsNoTracking().Where(r => r.RegionCode.StartsWith(user.ScopeCode)
            || db.RoundTargets.Any(t => t.RoundId == r.Id && t.VillageCode.StartsWith(user.ScopeCode))).InOwnRounds(user, r => r.Id);

    internal static async Task<Round> LoadRoundAsync(XunchaDbContext db, Guid roundId, UserScope user, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new NotFoundException(ChecklistTexts.RoundNotFound(roundId));
        if (!await RoundsInScope(db, user).AnyAsync(r => r.Id == roundId, ct))
        {
            throw new ForbiddenException(ChecklistTexts.RoundOutOfScope(round.Name, user.ScopeName));
        }

        return round;
    }

    /// <summary>The target, refused unless its village lies within the user's scope.</summary>
    internal static async Task<RoundTarget> LoadTargetAsync(XunchaDbContext db, Guid targetId, UserScope user, CancellationToken ct)
    {
        var target = await db.RoundTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, ct)
            ?? throw new NotFoundException(ChecklistTexts.TargetNotFound(targetId));
        await EnsureVillageAsync(db, target.VillageCode, user, ct);
        return target;
    }

    internal static async Task EnsureVillageAsync(XunchaDbContext db, string villageCode, UserScope user, CancellationToken ct)
    {
        if (!user.Covers(villageCode))
        {
            var name = await db.Regions.Where(r => r.Code == villageCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? villageCode;
            user.EnsureCovers(villageCode, name);
        }
    }
}
