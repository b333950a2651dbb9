using Xuncha.Core.Features.Tokens;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("API 令牌");
        tokens.MapGet("/", (Caller c, ApiTokenHandler h, CancellationToken ct) => h.List(c.Scope, ct))
            .WithSummary("我的 API 令牌");
        tokens.MapPost("/", async (CreateApiToken body, Caller c, ApiTokenHandler h, CancellationToken ct) =>
            {
                var created = await h.Create(body, c.Scope.UserId, ct);
                return Results.Created($"/api/tokens/{created.Id}", created);
            })
            .WithSummary("新建 API 令牌（密钥只返回这一次）");
        tokens.MapDelete("/{id:guid}", async (Guid id, Caller c, ApiTokenHandler h, CancellationToken ct) =>
            {
                await h.Revoke(id, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("吊销 API 令牌");
    }
}
