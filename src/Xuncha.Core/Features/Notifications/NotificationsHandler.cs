using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Notifications;

public sealed record NotificationRow(Guid Id, string Kind, string KindName, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>站内通知: each user sees and marks only their own.</summary>
public sealed class NotificationsHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Paged<NotificationRow>> List(bool unreadOnly, int? page, int? pageSize, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var (p, size) = Paging.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        // Ids are version-7 GUIDs, so they sort by creation; SQLite cannot order by DateTimeOffset.
        var rows = (await query.OrderByDescending(n => n.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct))
            .Select(n => new NotificationRow(n.Id, n.Kind, NotificationKinds.Name(n.Kind), n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToList();
        return new Paged<NotificationRow>(rows, total, p, size);
    }

    public async Task<int> UnreadCount(UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == user.UserId && n.ReadAt == null, ct);
    }

    public async Task MarkRead(Guid id, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.Notifications.SingleOrDefaultAsync(x => x.Id == id && x.UserId == user.UserId, ct)
            ?? throw new NotFoundException("找不到该通知。");
        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> MarkAllRead(UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await db.Notifications.Where(n => n.UserId == user.UserId && n.ReadAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        unread.ForEach(n => n.ReadAt = now);
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
