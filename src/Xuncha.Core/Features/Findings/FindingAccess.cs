using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Findings;

/// <summary>Who may do what with findings; the village scope applies on top.</summary>
public static class FindingAccess
{
    /// <summary>Raise and edit findings, record recoveries and evidence, transfer clues.</summary>
    public static readonly IReadOnlySet<string> Editors = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember };

    /// <summary>Read findings, recoveries, evidence and the case library.</summary>
    public static readonly IReadOnlySet<string> Readers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup };

    /// <summary>See the list of transferred clues (no details): the editors and discipline inspection.</summary>
    public static readonly IReadOnlySet<string> ClueListers = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.Discipline };

    /// <summary>
    /// Read a clue's content and persons. Least privilege: discipline inspection and the city
    /// office only — not the administrator, who runs the system but has no case to handle.
    /// </summary>
    public static readonly IReadOnlySet<string> ClueReaders = new HashSet<string> { Roles.Discipline, Roles.CityOffice };

    public static bool CanReadClues(UserScope user) => user.IsInAnyRole(ClueReaders);

    internal static IQueryable<Finding> Visible(XunchaDbContext db, UserScope user) =>
        db.Findings.AsNoTracking().Where(f => f.VillageCode.StartsWith(user.ScopeCode)).InOwnVillages(user, f => f.VillageCode);

    /// <summary>A finding the user may see, or 404 / 403.</summary>
    internal static async Task<Finding> Load(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct)
    {
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException(FindingTexts.NotFound);
        if (!user.Covers(finding.VillageCode))
        {
            var name = await db.Regions.Where(r => r.Code == finding.VillageCode).Select(r => r.Name).SingleAsync(ct);
            user.EnsureCovers(finding.VillageCode, name);
        }

        return finding;
    }
}
