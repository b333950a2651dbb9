using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Features.Teams;
using Xuncha.Web.Auth;
using Xuncha.Web.Teams;

namespace Xuncha.Web.Endpoints;

internal static class TeamEndpoints
{
    public static void MapTeamEndpoints(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds/{roundId:guid}").WithTags("巡察组");
        rounds.MapGet("/teams", (Guid roundId, Caller c, GetRoundTeamsHandler h, CancellationToken ct) => h.Handle(roundId, c.Scope, ct))
            .WithSummary("本轮次的巡察组：组长、成员及技能、负责村社、提示（缺少技能、回避冲突）");
        rounds.MapPost("/teams/assign", async (Guid roundId, AssignBody body, Caller c, AssignTeamsHandler h, CancellationToken ct) =>
            {
                var result = await h.Handle(new AssignTeams(roundId, body.TeamCount, body.Replace ?? false), c.Scope, ct);
                return result.Success
                    ? Results.Ok(result)
                    : Results.Problem(new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "无法自动分配",
                        Detail = string.Join("\n", result.Reasons),
                        Extensions = { ["reasons"] = result.Reasons, ["teamCount"] = result.TeamCount, ["poolSize"] = result.PoolSize },
                    });
            })
            .WithSummary("自动分配：按技能、回避和均衡负载组建巡察组并分配村社（replace=true 替换现有分组）");
        rounds.MapPost("/teams", async (Guid roundId, NameBody body, Caller c, EditTeamsHandler h, CancellationToken ct) =>
            {
                var id = await h.Create(new CreateTeam(roundId, body.Name), c.Scope, ct);
                return Results.Created($"/api/rounds/{roundId}/teams", new { id });
            })
            .WithSummary("新建空的巡察组");
        rounds.MapPost("/teams/{teamId:guid}/members", async (Guid roundId, Guid teamId, PersonBody body, Caller c, EditTeamsHandler h, CancellationToken ct) =>
            {
                await h.AddMember(new AddMember(roundId, teamId, body.PersonId ?? Guid.Empty), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("加入组员（回避关系、时间重叠的轮次将被拒绝并说明原因）");
        rounds.MapDelete("/teams/{teamId:guid}/members/{personId:guid}", async (Guid roundId, Guid teamId, Guid personId, Caller c, EditTeamsHandler h, CancellationToken ct) =>
            {
                await h.RemoveMember(new RemoveMember(roundId, teamId, personId), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("移出组员");
        rounds.MapPut("/teams/{teamId:guid}/leader", async (Guid roundId, Guid teamId, PersonBody body, Caller c, EditTeamsHandler h, CancellationToken ct) =>
            {
                await h.SetLeader(new SetLeader(roundId, teamId, body.PersonId ?? Guid.Empty), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("指定组长");
        rounds.MapPost("/targets/{villageCode}/move", async (Guid roundId, string villageCode, TeamBody body, Caller c, EditTeamsHandler h, CancellationToken ct) =>
            {
                await h.MoveTarget(new MoveTarget(roundId, villageCode, body.TeamId), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("把巡察村调整到另一组（teamId 为空则取消分配；与组员有回避关系时拒绝）");
        rounds.MapGet("/conflicts", (Guid roundId, Caller c, RoundPoolHandler h, CancellationToken ct) => h.Conflicts(roundId, c.Scope, ct))
            .WithSummary("回避关系：人员库 × 本轮次巡察村及原因");
        rounds.MapGet("/pool", (Guid roundId, Caller c, RoundPoolHandler h, CancellationToken ct) => h.Pool(roundId, c.Scope, ct))
            .WithSummary("本轮次可用人员、技能及与巡察村的回避关系");
        rounds.MapGet("/teams/export", async (Guid roundId, Caller c, GetRoundTeamsHandler h, CancellationToken ct) =>
            {
                var teams = await h.Handle(roundId, c.Scope, ct);
                return Results.File(TeamExport.Xlsx(teams), TeamExport.ContentType, $"巡察组-{teams.Round.Name}.xlsx");
            })
            .WithSummary("导出巡察组（Excel）");
        rounds.MapGet("/experts", (Guid roundId, Caller c, ExpertInvitationsHandler h, CancellationToken ct) => h.OfRound(roundId, c.Scope, ct))
            .WithSummary("本轮次各巡察组邀请的专家");
        rounds.MapPost("/teams/{teamId:guid}/experts", async (Guid roundId, Guid teamId, InviteBody body, Caller c, ExpertInvitationsHandler h, CancellationToken ct) =>
                Results.Created($"/api/rounds/{roundId}/experts", await h.ToTeam(roundId, teamId, new InviteExpert(body.ExpertId ?? Guid.Empty, body.Note), c.Scope, ct)))
            .WithSummary("邀请专家参加巡察组");

        var findings = api.MapGroup("/findings/{findingId:guid}").WithTags("巡察组");
        findings.MapGet("/experts", (Guid findingId, Caller c, ExpertInvitationsHandler h, CancellationToken ct) => h.OfFinding(findingId, c.Scope, ct))
            .WithSummary("就某一问题邀请的专家");
        findings.MapPost("/experts", async (Guid findingId, InviteBody body, Caller c, ExpertInvitationsHandler h, CancellationToken ct) =>
                Results.Created($"/api/findings/{findingId}/experts", await h.ToFinding(findingId, new InviteExpert(body.ExpertId ?? Guid.Empty, body.Note), c.Scope, ct)))
            .WithSummary("就某一问题邀请专家");
    }

    public sealed record AssignBody(int? TeamCount, bool? Replace);

    public sealed record NameBody(string? Name);

    public sealed record PersonBody(Guid? PersonId);

    public sealed record TeamBody(Guid? TeamId);

    public sealed record InviteBody(Guid? ExpertId, string? Note);
}
