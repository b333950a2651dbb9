using Xuncha.Core.Features.Notifications;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var n = api.MapGroup("/notifications").WithTags("站内通知");
        n.MapGet("/", (bool? unread, int? page, int? pageSize, Caller c, NotificationsHandler h, CancellationToken ct) => h.List(unread == true, page, pageSize, c.Scope, ct))
            .WithSummary("我的通知（逾期、督办、新线索、新任务）");
        n.MapGet("/count", async (Caller c, NotificationsHandler h, CancellationToken ct) => new { unread = await h.UnreadCount(c.Scope, ct) })
            .WithSummary("未读通知数");
        n.MapPost("/{id:guid}/read", async (Guid id, Caller c, NotificationsHandler h, CancellationToken ct) =>
            {
                await h.MarkRead(id, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("标记为已读");
        n.MapPost("/read-all", async (Caller c, NotificationsHandler h, CancellationToken ct) => new { marked = await h.MarkAllRead(c.Scope, ct) })
            .WithSummary("全部标记为已读");
    }
}
