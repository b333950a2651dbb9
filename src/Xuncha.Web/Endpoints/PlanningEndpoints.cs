using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Security;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class PlanningEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPlanningEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("年度计划");
        plans.MapGet("/", (int? year, Caller c, PlanQueries h, CancellationToken ct) => h.List(year, c.Scope, ct)).WithSummary("年度计划（市级及本地区）");
        plans.MapGet("/export", async (int? year, Caller c, PlanQueries h, CancellationToken ct) =>
            {
                using var stream = new MemoryStream();
                PlanningExport.Plans(stream, await h.List(year, c.Scope, ct));
                return Results.File(stream.ToArray(), Xlsx, "年度计划.xlsx");
            })
            .WithSummary("导出年度计划（Excel）");
        plans.MapPost("/", async (PlanBody b, Caller c, SavePlanHandler h, CancellationToken ct) =>
            {
                var id = await h.Handle(b.ToCommand(null), c.Scope, ct);
                return Results.Created($"/api/plans/{id}", new { id });
            })
            .WithSummary("新建年度计划");
        plans.MapGet("/{id:guid}", (Guid id, Caller c, PlanQueries h, CancellationToken ct) => h.Get(id, c.Scope, ct)).WithSummary("年度计划详情");
        plans.MapPut("/{id:guid}", async (Guid id, PlanBody b, Caller c, SavePlanHandler h, CancellationToken ct) =>
            {
                await h.Handle(b.ToCommand(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改年度计划（草稿或已退回）");
        plans.MapPost("/{id:guid}/{decision:regex(^(submit|approve|return)$)}", async (Guid id, string decision, ReviewBody? b, Caller c, SavePlanHandler h, CancellationToken ct) =>
            {
                var d = decision switch { "submit" => PlanDecision.Submit, "approve" => PlanDecision.Approve, _ => PlanDecision.Return };
                await h.Review(new ReviewPlan(id, d, b?.Note), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("提交审批 / 批准 / 退回");
        plans.MapPost("/{id:guid}/attachments", async (Guid id, HttpRequest request, Caller c, SavePlanHandler h, CancellationToken ct) =>
            {
                c.Scope.EnsureRole(PlanningAccess.Planners, PlanningTexts.PlanAction);
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.FirstOrDefault() ?? throw new ValidationException("file", "请选择要上传的附件。");
                await using var stream = file.OpenReadStream();
                var aid = await h.Attach(new AttachToPlan(id, file.FileName, file.ContentType, stream), c.Scope, ct);
                return Results.Created($"/api/plans/{id}/attachments/{aid}", new { id = aid });
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(SavePlanHandler.MaxAttachmentBytes + (1 << 20)))
            .WithSummary("上传计划附件（如督导方案）");
        plans.MapGet("/{id:guid}/attachments/{aid:guid}", async (Guid id, Guid aid, Caller c, SavePlanHandler h, CancellationToken ct) =>
            {
                var (a, content) = await h.Download(id, aid, c.Scope, ct);
                return Results.File(content, a.ContentType, a.FileName);
            })
            .WithSummary("下载计划附件");

        var rounds = api.MapGroup("/rounds").WithTags("巡察轮次");
        rounds.MapGet("/", (int? year, RoundType? type, RoundStatus? status, int? page, int? pageSize, Caller c, RoundQueries h, CancellationToken ct) =>
                h.List(new ListRounds(year, type, status, page, pageSize), c.Scope, ct))
            .WithSummary("巡察轮次");
        rounds.MapPost("/", async (RoundBody b, Caller c, SaveRoundHandler h, CancellationToken ct) =>
            {
                var id = await h.Handle(b.ToCommand(null), c.Scope, ct);
                return Results.Created($"/api/rounds/{id}", new { id });
            })
            .WithSummary("新建巡察轮次");
        rounds.MapGet("/{id:guid}", (Guid id, Caller c, RoundQueries h, CancellationToken ct) => h.Get(id, c.Scope, ct)).WithSummary("轮次详情及巡察对象");
        rounds.MapGet("/{id:guid}/targets/export", async (Guid id, Caller c, RoundQueries h, CancellationToken ct) =>
            {
                var round = await h.Get(id, c.Scope, ct);
                using var stream = new MemoryStream();
                PlanningExport.Targets(stream, round);
                return Results.File(stream.ToArray(), Xlsx, $"巡察对象-{round.Round.Name}.xlsx");
            })
            .WithSummary("导出轮次的巡察对象（Excel）");
        rounds.MapPut("/{id:guid}", async (Guid id, RoundBody b, Caller c, SaveRoundHandler h, CancellationToken ct) =>
            {
                await h.Handle(b.ToCommand(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改巡察轮次");
        rounds.MapPost("/{id:guid}/targets", async (Guid id, TargetsBody b, Caller c, PickTargetsHandler h, CancellationToken ct) =>
                Results.Ok(new { added = await h.Handle(new PickTargets(id, b.Villages ?? []), c.Scope, ct) }))
            .WithSummary("从风险排序中选取巡察对象（名额外须填写理由）");
        rounds.MapDelete("/{id:guid}/targets/{targetId:guid}", async (Guid id, Guid targetId, Caller c, PickTargetsHandler h, CancellationToken ct) =>
            {
                await h.Remove(new RemoveTarget(id, targetId), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("移除巡察对象（筹备中）");

        var risk = api.MapGroup("/risk").WithTags("风险排序");
        risk.MapGet("/ranking", (int? year, string? under, int? top, string? search, bool? onlyUnpicked, Caller c, RankVillagesHandler h, CancellationToken ct) =>
                h.Handle(new RankVillages(year, under, top, search, onlyUnpicked), c.Scope, ct))
            .WithSummary("村社风险排序及其因素");
        risk.MapGet("/ranking/export", async (int? year, string? under, int? top, Caller c, RankVillagesHandler h, CancellationToken ct) =>
            {
                var ranking = await h.Handle(new RankVillages(year, under, top), c.Scope, ct);
                using var stream = new MemoryStream();
                RankingExport.Write(stream, ranking);
                return Results.File(stream.ToArray(), Xlsx, $"风险排序-{ranking.Year}.xlsx");
            })
            .WithSummary("导出风险排序（Excel）");
        risk.MapGet("/coverage", (string? under, Caller c, CoverageHandler h, CancellationToken ct) => h.Handle(new GetCoverage(under), c.Scope, ct))
            .WithSummary("本届全覆盖进度");
    }

    public sealed record PlanBody(int? Year, string? RegionCode, string? Title, int? TargetVillages, List<string>? FocusAreas, string? Schedule, string? SupervisionPlan, Guid? ParentPlanId)
    {
        public SavePlan ToCommand(Guid? id) => new(id, Year, RegionCode, Title, TargetVillages, FocusAreas, Schedule, SupervisionPlan, ParentPlanId);
    }

    public sealed record ReviewBody(string? Note);

    public sealed record RoundBody(string? Name, RoundType Type, string? RegionCode, DateOnly? StartDate, DateOnly? EndDate, Guid? PlanId, string? TownshipCode,
        Guid? LinkedRoundId, Guid? LookBackOfRoundId, RoundStatus? Status, string? Notes)
    {
        public SaveRound ToCommand(Guid? id) => new(id, Name, Type, RegionCode, StartDate, EndDate, PlanId, TownshipCode, LinkedRoundId, LookBackOfRoundId, Status, Notes);
    }

    public sealed record TargetsBody(List<PickedVillage>? Villages);
}
