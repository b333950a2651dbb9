using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

/// <summary>Who may do what with rectification tasks; the village scope applies on top.</summary>
public static class RectificationAccess
{
    /// <summary>Raise tasks from findings, edit them, review 销号, return, 回头看.</summary>
    public static readonly IReadOnlySet<string> Offices = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    /// <summary>Report progress and apply for 销号: the owners, and offices recording on their behalf.</summary>
    public static readonly IReadOnlySet<string> Reporters = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.RectificationOwner };

    /// <summary>Read tasks in scope. 专家 and 纪检监察 have no rectification tasks to see.</summary>
    public static readonly IReadOnlySet<string> Readers = new HashSet<string>
        { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup, Roles.RectificationOwner };

    internal static IQueryable<RectificationTask> Visible(XunchaDbContext db, UserScope user) =>
        db.RectificationTasks.AsNoTracking().Where(t => t.VillageCode.StartsWith(user.ScopeCode)).InOwnVillages(user, t => t.VillageCode);

    /// <summary>A tracked task the user may see, with its owners, or 404 / 403.</summary>
    internal static async Task<RectificationTask> Load(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct)
    {
        var task = await db.RectificationTasks.Include(t => t.Owners).SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException(RectificationTexts.NotFound);
        if (!user.Covers(task.VillageCode))
        {
            var name = await db.Regions.Where(r => r.Code == task.VillageCode).Select(r => r.Name).SingleAsync(ct);
            user.EnsureCovers(task.VillageCode, name);
        }

        return task;
    }

    internal static TaskEvent Event(Guid taskId, string kind, RectificationStatus? from, RectificationStatus? to, string note, UserScope? by, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(), TaskId = taskId, Kind = kind, From = from, To = to, Note = note,
            ById = by?.UserId, ByName = by?.DisplayName ?? "系统", At = at,
        };
}
