using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Audit;

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string ViewProtected = "view-protected";
    public const string Export = "export";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";

    public static readonly IReadOnlyList<(string Key, string Name)> All =
    [
        (SignIn, "登录"), (SignInFailed, "登录失败"), (SignOut, "退出登录"), (ViewProtected, "查看保护信息"),
        (Export, "导出下载"), (Create, "新增"), (Update, "修改"), (Delete, "删除"),
    ];

    public static string NameOf(string key) => All.FirstOrDefault(a => a.Key == key).Name ?? key;
}

/// <summary>Records an event that is not an entity change (sign-in, sign-out, export) as its own save.</summary>
public sealed class AuditTrail(IDbContextFactory<XunchaDbContext> dbFactory)
{
    /// <summary>
    /// An entry for a set-based change (ExecuteDelete/ExecuteUpdate bypass the interceptor): queue it with
    /// <c>db.Audit(…)</c> before the context's SaveChanges, so it is chained in the same transaction.
    /// The entity type's CLR name is stored as its Chinese label.
    /// </summary>
    public static AuditEvent Bulk(string action, string entity, int count, string detail) =>
        new() { Action = action, Entity = AuditLabels.Entity(entity), EntityId = $"{count} 条", Detail = detail };

    /// <param name="entity">An entity type's CLR name or an audit subject key (see <see cref="AuditLabels"/>): stored as its Chinese label.</param>
    public async Task RecordAsync(string action, AuditUser? user, string entity = "", string entityId = "", string detail = "", CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(new AuditEvent
        {
            Action = action,
            UserId = user?.UserId ?? "",
            UserName = user?.UserName ?? "",
            Entity = AuditChanges.Clip(AuditLabels.Entity(entity), 100),
            EntityId = AuditChanges.Clip(entityId, 200),
            Detail = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}
