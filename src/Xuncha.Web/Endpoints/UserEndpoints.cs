using Xuncha.Core.Features.Users;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("用户");
        users.MapGet("/", (Caller c, ListUsersHandler h, CancellationToken ct, string? q, string? role, int? page, int? pageSize) =>
                h.Handle(new ListUsers(q, role, page, pageSize), c.Scope, ct))
            .WithSummary("用户列表（系统管理员、市县巡察办；限数据范围）");
        users.MapPost("/", async (CreateUser body, Caller c, CreateUserHandler h, CancellationToken ct) =>
            {
                var created = await h.Handle(body, c.Scope, ct);
                return Results.Created($"/api/users/{created.Id}", created);
            })
            .WithSummary("新建用户");
        users.MapPost("/{id}/lock", async (string id, Caller c, SetUserLockHandler h, CancellationToken ct) =>
            {
                await h.Handle(new SetUserLock(id, true), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("锁定用户");
        users.MapPost("/{id}/unlock", async (string id, Caller c, SetUserLockHandler h, CancellationToken ct) =>
            {
                await h.Handle(new SetUserLock(id, false), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("解锁用户");
    }
}
