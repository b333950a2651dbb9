using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Notifications;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Notifications;

public static class NotificationKinds
{
    public const string Overdue = "overdue";
    public const string Escalation = "escalation";
    public const string NewLead = "new-lead";
    public const string TaskAssigned = "task-assigned";

    public static string Name(string kind) => kind switch
    {
        Overdue => "逾期",
        Escalation => "督办",
        NewLead => "新线索",
        TaskAssigned => "新任务",
        _ => "通知",
    };
}

/// <summary>
/// Raises notifications inside the caller's unit of work: it only adds rows to the context, so
/// they are saved with the change that caused them or not at all.
/// </summary>
public static class Notifier
{
    /// <summary>Users holding one of <paramref name="roles"/> whose scope contains any of <paramref name="regionCodes"/>.</summary>
    public static async Task<List<string>> AudienceAsync(XunchaDbContext db, IEnumerable<string> roles, IReadOnlyCollection<string> regionCodes, CancellationToken ct)
    {
        var wanted = roles.ToList();
        var candidates = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            join u in db.Users on ur.UserId equals u.Id
            where wanted.Contains(r.Name!)
            select new { u.Id, u.ScopeCode }).ToListAsync(ct);
        return candidates.Where(c => c.ScopeCode.Length > 0 && regionCodes.Any(code => RegionCode.IsWithin(code, c.ScopeCode)))
            .Select(c => c.Id).Distinct().ToList();
    }

    public static async Task<int> ToAudienceAsync(
        XunchaDbContext db, IEnumerable<string> roles, IReadOnlyCollection<string> regionCodes, string kind, string title, string body, string? link,
        DateTimeOffset now, CancellationToken ct)
    {
        var users = await AudienceAsync(db, roles, regionCodes, ct);
        Add(db, users, kind, title, body, link, now);
        return users.Count;
    }

    public static void Add(XunchaDbContext db, IEnumerable<string> userIds, string kind, string title, string body, string? link, DateTimeOffset now)
    {
        foreach (var id in userIds.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserId = id, Kind = kind, Title = title.Length > 200 ? title[..200] : title,
                Body = body.Length > 2000 ? body[..2000] : body, Link = link, CreatedAt = now,
            });
        }
    }
}
