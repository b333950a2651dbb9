using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.Feedback;
using Xuncha.Core.Features.Rectification;
using Xuncha.Core.Security;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class RectificationEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapRectificationEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/rectification").WithTags("整改任务");
        tasks.MapGet("/", ([AsParameters] TaskQuery q, Caller c, ListRectificationTasksHandler h, CancellationToken ct) => h.Handle(q.ToQuery(), c.Scope, ct))
            .WithSummary("整改任务清单（按状态、逾期、地区、问题、关键词筛选）");
        tasks.MapGet("/export", async ([AsParameters] TaskQuery q, Caller c, ListRectificationTasksHandler h, CancellationToken ct) =>
            {
                var page = await h.Handle(q.ToQuery() with { Page = 1, PageSize = Xuncha.Core.Common.Paging.MaxPageSize }, c.Scope, ct);
                using var stream = new MemoryStream();
                RectificationExport.WriteTasks(stream, page.Items);
                return Results.File(stream.ToArray(), Xlsx, "整改任务清单.xlsx");
            })
            .WithSummary("导出整改任务清单（Excel）");
        tasks.MapGet("/settings", (IOptions<RectificationSettings> s) =>
                new { ownerKinds = s.Value.EffectiveOwnerKinds, escalation = s.Value.EffectiveEscalation, evaluationMethods = RectificationTexts.EvaluationMethods })
            .WithSummary("整改责任类型、逾期升级规则和成效评估方式");
        tasks.MapGet("/draft", (Guid findingId, Caller c, OwnerDefaultsHandler h, CancellationToken ct) => h.Handle(findingId, c.Scope, ct))
            .WithSummary("由问题生成整改任务的草稿（预填四方责任单位）");
        tasks.MapPost("/", async (TaskBody b, Caller c, SaveRectificationTaskHandler h, CancellationToken ct) =>
            {
                var id = await h.Handle(b.ToCommand(null), c.Scope, ct);
                return Results.Created($"/api/rectification/{id}", new { id });
            })
            .WithSummary("由问题生成整改任务");
        tasks.MapGet("/{id:guid}", (Guid id, Caller c, GetRectificationTaskHandler h, CancellationToken ct) => h.Handle(id, c.Scope, ct))
            .WithSummary("整改任务详情（责任单位、进展、佐证材料、成效评估）");
        tasks.MapPut("/{id:guid}", async (Guid id, TaskBody b, Caller c, SaveRectificationTaskHandler h, CancellationToken ct) =>
            {
                await h.Handle(b.ToCommand(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改整改任务（销号前）");
        tasks.MapGet("/{id:guid}/events", (Guid id, Caller c, GetRectificationTaskHandler h, CancellationToken ct) => h.History(id, c.Scope, ct))
            .WithSummary("整改任务的全部记录（状态变化、逾期升级、回头看）");
        tasks.MapPost("/{id:guid}/progress", async (Guid id, HttpRequest request, Caller c, ReportProgressHandler h, CancellationToken ct) =>
            {
                c.Scope.EnsureRole(RectificationAccess.Reporters, RectificationTexts.ReportAction);
                var form = await request.ReadFormAsync(ct);
                var streams = form.Files.Select(f => (f.FileName, Stream: f.OpenReadStream())).ToList();
                try
                {
                    var date = DateOnly.TryParse(form["date"], out var d) ? d : (DateOnly?)null;
                    if (!string.IsNullOrWhiteSpace(form["date"]) && date is null)
                    {
                        throw new ValidationException("date", $"进展日期「{form["date"]}」无法识别，请使用 YYYY-MM-DD 格式。");
                    }

                    var rid = await h.Handle(new ReportProgress(id, date, form["text"], streams.Select(s => new UploadedFile(s.FileName, s.Stream)).ToList()), c.Scope, ct);
                    return Results.Created($"/api/rectification/{id}", new { id = rid });
                }
                finally
                {
                    foreach (var s in streams)
                    {
                        await s.Stream.DisposeAsync();
                    }
                }
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute((EvidenceRules.MaxBytes * ReportProgressHandler.MaxFiles) + (1 << 20)))
            .WithSummary("报告整改进展（multipart：date、text、佐证材料文件，每个不超过 20 MB）");
        tasks.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, bool? preview, Caller c, ReportProgressHandler h, CancellationToken ct) =>
            {
                var (file, content) = await h.Open(id, evidenceId, c.Scope, ct);
                if (preview == true && EvidenceRules.Previewable(file.ContentType))
                {
                    return Results.File(content, file.ContentType, enableRangeProcessing: true);
                }

                return Results.File(content, file.ContentType, file.FileName, enableRangeProcessing: true);
            })
            .WithSummary("下载或预览（preview=true，仅图片、PDF）佐证材料");
        tasks.MapPost("/{id:guid}/apply", async (Guid id, NoteBody? b, Caller c, ReviewRectificationHandler h, CancellationToken ct) =>
            {
                await h.Apply(id, b?.Note, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("申请销号（至少有一次进展报告）");
        tasks.MapPost("/{id:guid}/approve", async (Guid id, ApproveBody b, Caller c, ReviewRectificationHandler h, CancellationToken ct) =>
            {
                await h.Approve(new ApproveClose(id, b.EffectScore, b.Method, b.SatisfactionPercent, b.Note, b.InstitutionsBuilt, b.PeoplePunished,
                    b.PeopleOrganisational, b.PeopleAdmonished), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("审核通过并销号（须填写成效评估：得分、方式、群众满意度）");
        tasks.MapPost("/{id:guid}/return", async (Guid id, NoteBody b, Caller c, ReviewRectificationHandler h, CancellationToken ct) =>
            {
                await h.Return(id, b.Note, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("审核退回（须填写理由）");
        tasks.MapPost("/{id:guid}/reopen", async (Guid id, ReopenBody b, Caller c, ReviewRectificationHandler h, CancellationToken ct) =>
            {
                await h.Reopen(id, b.Reason, b.Deadline, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("回头看：重新打开已销号的任务（保留全部记录）");

        var supervision = api.MapGroup("/supervision").WithTags("整改督办");
        supervision.MapGet("/", (string? under, Caller c, SupervisionHandler h, CancellationToken ct) => h.Handle(under, c.Scope, ct))
            .WithSummary("整改进度（县 → 乡镇 → 村社：总数、已完成、整改中、逾期、完成率）和逾期督办任务");
        supervision.MapGet("/status-report", (string? under, Guid? roundId, Caller c, RectificationStatusReportHandler h, CancellationToken ct) => h.Handle(under, roundId, c.Scope, ct))
            .WithSummary("整改情况报告的数据（按问题分类和问题逐条）");
        supervision.MapGet("/status-report/export", async (string? under, Guid? roundId, Caller c, RectificationStatusReportHandler h, CancellationToken ct) =>
            {
                var report = await h.Handle(under, roundId, c.Scope, ct);
                using var stream = new MemoryStream();
                RectificationExport.WriteStatusReport(stream, report);
                return Results.File(stream.ToArray(), Xlsx, "整改情况报告.xlsx");
            })
            .WithSummary("导出整改情况报告（Excel）");
        supervision.MapGet("/status-report.docx", async (string? under, Guid? roundId, Caller c, RectificationStatusReportHandler h, CancellationToken ct) =>
            {
                var (content, name) = await h.Word(under, roundId, c.Scope, ct);
                return Results.File(content, FeedbackLettersHandler.Docx, name);
            })
            .WithSummary("整改情况报告（Word，GB/T 9704 公文格式）");
    }

    public sealed record TaskQuery(
        RectificationStatus? Status, bool? Overdue, string? Under, Guid? FindingId, string? Search, int? Page, int? PageSize,
        Guid? RoundId = null, int? Year = null, bool? Open = null)
    {
        public ListRectificationTasks ToQuery() => new(Status, Overdue, Under, FindingId, Search, Page, PageSize, RoundId, Year, Open);
    }

    public sealed record TaskBody(
        Guid? FindingId, string? Title, string? Measures, DateOnly? Deadline, List<OwnerInput>? Owners,
        int InstitutionsBuilt, int PeoplePunished, int PeopleOrganisational, int PeopleAdmonished)
    {
        public SaveRectificationTask ToCommand(Guid? id) =>
            new(id, FindingId, Title, Measures, Deadline, Owners, InstitutionsBuilt, PeoplePunished, PeopleOrganisational, PeopleAdmonished);
    }

    public sealed record NoteBody(string? Note);

    public sealed record ApproveBody(
        int? EffectScore, string? Method, int? SatisfactionPercent, string? Note, int? InstitutionsBuilt, int? PeoplePunished, int? PeopleOrganisational, int? PeopleAdmonished);

    public sealed record ReopenBody(string? Reason, DateOnly? Deadline);
}
