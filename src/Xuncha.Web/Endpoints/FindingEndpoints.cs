using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Security;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class FindingEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapFindingEndpoints(this RouteGroupBuilder api)
    {
        var findings = api.MapGroup("/findings").WithTags("问题台账");
        findings.MapGet("/", ([AsParameters] FindingQuery q, Caller c, ListFindingsHandler h, CancellationToken ct) => h.Handle(q.ToQuery(), c.Scope, ct))
            .WithSummary("问题台账（按分类、地区、来源、轮次、专项、典型案例、是否移交线索筛选）");
        findings.MapGet("/export", async ([AsParameters] FindingQuery q, Caller c, ListFindingsHandler h, CancellationToken ct) =>
            {
                var page = await h.Handle(q.ToQuery() with { Page = 1, PageSize = Xuncha.Core.Common.Paging.MaxPageSize }, c.Scope, ct);
                using var stream = new MemoryStream();
                FindingExport.Write(stream, page.Items);
                return Results.File(stream.ToArray(), Xlsx, "问题台账.xlsx");
            })
            .WithSummary("导出问题台账（Excel，不含线索内容）");
        findings.MapGet("/taxonomy", (Microsoft.Extensions.Options.IOptions<FindingSettings> s) =>
                new { categories = s.Value.Effective, campaigns = FindingTaxonomy.Campaigns, sources = FindingTexts.Sources })
            .WithSummary("问题分类、专项治理和来源");
        findings.MapPost("/", async (FindingBody b, Caller c, SaveFindingHandler h, CancellationToken ct) =>
            {
                var id = await h.Handle(b.ToCommand(null), c.Scope, ct);
                return Results.Created($"/api/findings/{id}", new { id });
            })
            .WithSummary("登记问题");
        findings.MapGet("/{id:guid}", (Guid id, Caller c, GetFindingHandler h, CancellationToken ct) => h.Handle(id, c.Scope, ct)).WithSummary("问题详情");
        findings.MapPut("/{id:guid}", async (Guid id, FindingBody b, Caller c, SaveFindingHandler h, CancellationToken ct) =>
            {
                await h.Handle(b.ToCommand(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改问题");
        findings.MapPut("/{id:guid}/case", async (Guid id, CaseBody b, Caller c, SaveFindingHandler h, CancellationToken ct) =>
            {
                await h.SetTypicalCase(new SetTypicalCase(id, b.IsTypicalCase, b.WriteUp), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("列为典型案例并填写案例剖析");
        findings.MapPost("/{id:guid}/recoveries", async (Guid id, RecoveryBody b, Caller c, RecoveriesHandler h, CancellationToken ct) =>
            {
                var rid = await h.Add(new AddRecovery(id, b.Date, b.Amount, b.Note), c.Scope, ct);
                return Results.Created($"/api/findings/{id}", new { id = rid });
            })
            .WithSummary("登记挽回经济损失");
        findings.MapDelete("/{id:guid}/recoveries/{recoveryId:guid}", async (Guid id, Guid recoveryId, Caller c, RecoveriesHandler h, CancellationToken ct) =>
            {
                await h.Delete(id, recoveryId, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("删除挽回经济损失记录");
        findings.MapPost("/{id:guid}/evidence", async (Guid id, HttpRequest request, Caller c, EvidenceHandler h, CancellationToken ct) =>
            {
                c.Scope.EnsureRole(FindingAccess.Editors, FindingTexts.EditAction);
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.FirstOrDefault() ?? throw new ValidationException("file", "请选择要上传的证据文件。");
                await using var stream = file.OpenReadStream();
                var eid = await h.Upload(new UploadEvidence(id, file.FileName, stream), c.Scope, ct);
                return Results.Created($"/api/findings/{id}/evidence/{eid}", new { id = eid });
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceRules.MaxBytes + (1 << 20)))
            .WithSummary("上传证据（jpg/png/pdf/docx/xlsx/mp3/mp4，不超过 20 MB）");
        findings.MapGet("/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, Caller c, EvidenceHandler h, CancellationToken ct) =>
            {
                var (file, content) = await h.Open(id, evidenceId, c.Scope, ct);
                return Results.File(content, file.ContentType, file.FileName, enableRangeProcessing: true);
            })
            .WithSummary("下载证据");
        findings.MapGet("/{id:guid}/evidence/{evidenceId:guid}/preview", async (Guid id, Guid evidenceId, Caller c, EvidenceHandler h, CancellationToken ct) =>
            {
                var (file, content) = await h.Open(id, evidenceId, c.Scope, ct);
                if (!EvidenceRules.Previewable(file.ContentType))
                {
                    await content.DisposeAsync();
                    throw new ValidationException("file", "只有图片和 PDF 可以在线预览，请下载后查看。");
                }

                return Results.File(content, file.ContentType, enableRangeProcessing: true);
            })
            .WithSummary("在线预览证据（图片、PDF）");
        findings.MapPost("/{id:guid}/clue", async (Guid id, ClueBody b, Caller c, ClueTransferHandler h, CancellationToken ct) =>
            {
                var cid = await h.Transfer(new TransferClue(id, b.TransferredOn, b.ToUnit, b.Content, b.Persons), c.Scope, ct);
                return Results.Created($"/api/clues/{cid}", new { id = cid });
            })
            .WithSummary("移交问题线索至纪检监察");

        var clues = api.MapGroup("/clues").WithTags("线索移交");
        clues.MapGet("/", (int? page, int? pageSize, Caller c, ClueTransferHandler h, CancellationToken ct) => h.List(page, pageSize, c.Scope, ct))
            .WithSummary("线索移交清单（不含线索内容）");
        clues.MapGet("/{id:guid}", (Guid id, Caller c, ClueTransferHandler h, CancellationToken ct) => h.Details(id, c.Scope, ct))
            .WithSummary("线索内容（仅纪检监察、市巡察办；每次查看均记录）");
        clues.MapPut("/{id:guid}/status", async (Guid id, ClueStatusBody b, Caller c, ClueTransferHandler h, CancellationToken ct) =>
            {
                await h.SetStatus(new SetClueStatus(id, b.Status), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("更新线索办理状态（已受理、已办结）");

        api.MapGet("/cases", (string? category, Caller c, CasesHandler h, CancellationToken ct) => h.List(category, c.Scope, ct))
            .WithTags("典型案例").WithSummary("典型案例库");
    }

    public sealed record FindingQuery(
        string? Category, string? Under, string? Source, Guid? RoundId, string? Campaign, bool? TypicalCase, bool? HasClue, string? Search, int? Page, int? PageSize,
        int? Year = null)
    {
        public ListFindings ToQuery() => new(Category, Under, Source, RoundId, Campaign, TypicalCase, HasClue, Search, Page, PageSize, Year);
    }

    public sealed record FindingBody(
        string? VillageCode, string? Title, string? Description, decimal? Amount, string? CategoryL1, string? CategoryL2, string? Source,
        Guid? RoundId, string? ResponsiblePeople, bool RectifiedOnTheSpot, List<string>? CampaignTags, FindingStatus? Status)
    {
        public SaveFinding ToCommand(Guid? id) =>
            new(id, VillageCode, Title, Description, Amount, CategoryL1, CategoryL2, Source, RoundId, ResponsiblePeople, RectifiedOnTheSpot, CampaignTags, Status);
    }

    public sealed record CaseBody(bool IsTypicalCase, string? WriteUp);

    public sealed record RecoveryBody(DateOnly? Date, decimal? Amount, string? Note);

    public sealed record ClueBody(DateOnly? TransferredOn, string? ToUnit, string? Content, string? Persons);

    public sealed record ClueStatusBody(ClueStatus Status);
}
