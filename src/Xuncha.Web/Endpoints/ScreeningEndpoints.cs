using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Web.Auth;
using Xuncha.Web.Screening;

namespace Xuncha.Web.Endpoints;

internal static class ScreeningEndpoints
{
    public const long MaxUploadBytes = 2L << 30;

    public static void MapScreeningEndpoints(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/screening").WithTags("数据筛查");
        runs.MapPost("/runs", async (HttpRequest request, Caller c, RunScreeningHandler h, PackageStore store, CancellationToken ct) =>
            {
                c.Scope.EnsureRole(ScreeningAccess.Operators, "导入数据并筛查");
                var form = await request.ReadFormAsync(ct);
                if (form.Files.Count == 0)
                {
                    throw new ValidationException("files", "请上传数据包：多个 CSV 文件或一个 .xlsx 文件。");
                }

                var (folder, source) = await store.SaveAsync(form.Files.Select(f => (f.FileName, (Func<Stream>)f.OpenReadStream)).ToList(), ct);
                var asOf = DateOnly.TryParse(form["asOf"], out var d) ? d : (DateOnly?)null;
                var result = await h.Handle(new RunScreening(folder, source, "upload", form["scopeCode"].FirstOrDefault(), asOf), c.Scope, null, ct);
                return Outcome(result);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithSummary("上传数据包（CSV 多文件或一个 xlsx）并筛查");
        runs.MapPost("/runs/folder", async (FolderRequest body, Caller c, RunScreeningHandler h, CancellationToken ct) =>
            {
                c.Scope.EnsureRole(ScreeningAccess.FolderImporters, "从服务器文件夹导入");
                if (string.IsNullOrWhiteSpace(body.Path) || !(Directory.Exists(body.Path) || File.Exists(body.Path)))
                {
                    throw new ValidationException("path", $"服务器上找不到「{body.Path}」。");
                }

                var result = await h.Handle(new RunScreening(body.Path, body.Path, "folder", body.ScopeCode, body.AsOf), c.Scope, null, ct);
                return Outcome(result);
            })
            .WithSummary("筛查服务器上的数据包文件夹（系统管理员）");
        runs.MapGet("/runs", (Caller c, ScreeningBatchesHandler h, int? page, int? pageSize, CancellationToken ct) => h.List(c.Scope, page, pageSize, ct))
            .WithSummary("筛查记录");
        runs.MapGet("/runs/{id:guid}", (Guid id, Caller c, ScreeningBatchesHandler h, CancellationToken ct) => h.Get(id, c.Scope, ct))
            .WithSummary("一次筛查的完整记录");
        runs.MapGet("/rules", (Caller c, RuleStatisticsHandler h, CancellationToken ct) => h.Handle(c.Scope, ct))
            .WithSummary("规则库：规则卡片及触发、确认、排除数");

        var leads = api.MapGroup("/leads").WithTags("疑似问题");
        leads.MapGet("/", (Caller c, ListLeadsHandler h, CancellationToken ct, [AsParameters] LeadQuery q) => h.Handle(q.ToQuery(), c.Scope, ct))
            .WithSummary("疑似问题列表（限数据范围）");
        leads.MapGet("/export", async (Caller c, ListLeadsHandler h, CancellationToken ct, [AsParameters] LeadQuery q) =>
            {
                var rows = await h.All(q.ToQuery(), c.Scope, ct: ct);
                return Results.File(LeadExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"疑似问题-{DateTime.Now:yyyyMMdd}.xlsx");
            })
            .WithSummary("导出疑似问题（Excel）");
        leads.MapGet("/{id:guid}", (Guid id, Caller c, GetLeadHandler h, CancellationToken ct) => h.Handle(new GetLead(id), c.Scope, ct))
            .WithSummary("疑似问题详情：证据行和规则卡片");
        leads.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmBody body, Caller c, TriageLeadHandler h, CancellationToken ct) =>
                Results.Ok(new { findingId = await h.Confirm(new ConfirmLead(id, body.Title, body.Description, body.Amount), c.Scope, ct) }))
            .WithSummary("确认为问题（生成问题台账记录）");
        leads.MapPost("/{id:guid}/dismiss", async (Guid id, DismissBody body, Caller c, TriageLeadHandler h, CancellationToken ct) =>
            {
                await h.Dismiss(new DismissLead(id, body.Reason), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("排除（须填写理由）");
    }

    private static IResult Outcome(ScreeningResult result) => result.Status == BatchStatus.Completed
        ? Results.Created($"/api/screening/runs/{result.BatchId}", result)
        : Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "数据包无效",
            Detail = result.Message,
            Extensions = { ["batchId"] = result.BatchId, ["packageErrors"] = result.Errors },
        });

    public sealed record FolderRequest(string? Path, string? ScopeCode, DateOnly? AsOf);

    public sealed record ConfirmBody(string? Title, string? Description, decimal? Amount);

    public sealed record DismissBody(string? Reason);

    /// <summary>Filters of the leads list; <c>village</c> matches a village's name or code.</summary>
    public sealed record LeadQuery(string? Rule, string? Severity, string? Under, string? Village, decimal? MinAmount, decimal? MaxAmount, LeadStatus? Status, bool? OnlyNew, int? Page, int? PageSize,
        Guid? RoundId = null, int? Year = null)
    {
        public ListLeads ToQuery() => new(Rule, Severity, Under, MinAmount, MaxAmount, Status, OnlyNew, Page, PageSize, Village, RoundId, Year);
    }
}
