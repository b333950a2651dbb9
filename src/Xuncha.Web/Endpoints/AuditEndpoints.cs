using Xuncha.Core.Features.Audit;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class AuditEndpoints
{
    public sealed record AuditQuery(string? User, string? Action, DateOnly? From, DateOnly? To, int? Page, int? PageSize)
    {
        public ListAudit ToQuery() => new(User, Action, From, To, Page, PageSize);
    }

    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("审计日志");
        audit.MapGet("/", ([AsParameters] AuditQuery q, Caller c, AuditLogHandler h, CancellationToken ct) => h.List(q.ToQuery(), c.Scope, ct))
            .WithSummary("审计日志（系统管理员、市巡察办；按用户、操作、日期筛选，最新在前）");
        audit.MapGet("/verify", (string? anchor, Caller c, AuditLogHandler h, CancellationToken ct) =>
                h.Verify(c.Scope, string.IsNullOrWhiteSpace(anchor) ? null : AuditAnchor.Parse(anchor), ct))
            .WithSummary("校验审计日志哈希链（anchor=编号:哈希：上次校验保存的锚点，可发现末尾被删除的条目）");
    }
}
