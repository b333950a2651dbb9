using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Fieldwork;

/// <summary>
/// Teams and offices record fieldwork in villages of their scope; guidance groups and offices
/// keep the guidance records. Discipline inspectors and guidance groups read along; experts
/// and rectification owners do not see fieldwork.
/// </summary>
public static class FieldworkAccess
{
    public static readonly IReadOnlySet<string> Writers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember };

    public static readonly IReadOnlySet<string> Readers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup, Roles.Discipline };

    /// <summary>Record 蹲点指导 and suggestions, and move suggestions on.</summary>
    public static readonly IReadOnlySet<string> GuidanceWriters = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.GuidanceGroup };

    /// <summary>Set up groups: the offices that send them.</summary>
    public static readonly IReadOnlySet<string> GroupEditors = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    public static IQueryable<FieldRecord> VisibleRecords(XunchaDbContext db, UserScope user) =>
        db.FieldRecords.AsNoTracking().Where(f => f.VillageCode.StartsWith(user.ScopeCode)).InOwnVillages(user, f => f.VillageCode);

    /// <summary>Groups working within the user's scope, or over a region that contains it.</summary>
    public static IQueryable<GuidanceGroup> VisibleGroups(XunchaDbContext db, UserScope user) =>
        db.GuidanceGroups.AsNoTracking().Where(g => g.RegionCode.StartsWith(user.ScopeCode) || user.ScopeCode.StartsWith(g.RegionCode));

    /// <summary>The round's target for the village, refused unless the round is visible and the village within scope.</summary>
    internal static async Task<RoundTarget?> TargetAsync(XunchaDbContext db, Guid roundId, string villageCode, UserScope user, CancellationToken ct)
    {
        var round = await Planning.RoundQueries.Visible(db, user).AnyAsync(r => r.Id == roundId, ct);
        if (!round)
        {
            throw new NotFoundException("找不到该巡察轮次，或它不在您的数据范围内。");
        }

        await Checklists.ChecklistAccess.EnsureVillageAsync(db, villageCode, user, ct);
        return await db.RoundTargets.AsNoTracking().SingleOrDefaultAsync(t => t.RoundId == roundId && t.VillageCode == villageCode, ct);
    }

    internal static async Task<GuidanceGroup> GroupAsync(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct) =>
        await VisibleGroups(db, user).SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException(FieldworkTexts.GroupNotFound(id));
}
