using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Features.Fieldwork;
using Xuncha.Web.Auth;
using Xuncha.Web.Fieldwork;

namespace Xuncha.Web.Endpoints;

internal static class FieldworkEndpoints
{
    public static void MapFieldworkEndpoints(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/field-records").WithTags("走访谈话");
        records.MapGet("/", ([AsParameters] RecordFilter f, Caller c, FieldRecordQueries h, CancellationToken ct) => h.List(f.ToQuery(), c.Scope, ct))
            .WithSummary("走访谈话记录（按轮次、村社、方式、人员类别、日期筛选，分页）");
        records.MapGet("/export", async ([AsParameters] RecordFilter f, Caller c, FieldRecordQueries h, CancellationToken ct) =>
            {
                var page = await h.List(f.ToQuery() with { Page = 1, PageSize = Core.Common.Paging.MaxPageSize }, c.Scope, ct);
                return Results.File(FieldworkExport.Records(page.Items), FieldworkExport.ContentType, "走访谈话记录.xlsx");
            })
            .WithSummary("导出走访谈话记录（Excel）");
        records.MapGet("/links", (Guid roundId, string villageCode, Caller c, FieldRecordQueries h, CancellationToken ct) => h.Links(roundId, villageCode, c.Scope, ct))
            .WithSummary("记录可关联的疑似问题、检查事项、问题、此前记录和待核实的群众反映");
        records.MapGet("/{id:guid}", (Guid id, Caller c, FieldRecordQueries h, CancellationToken ct) => h.Get(id, c.Scope, ct))
            .WithSummary("一条走访谈话记录");
        records.MapPost("/", async (RecordBody body, Caller c, SaveFieldRecordHandler h, CancellationToken ct) =>
            {
                var id = await h.Handle(body.ToCommand(null), c.Scope, ct);
                return Results.Created($"/api/field-records/{id}", new { id });
            })
            .WithSummary("记录一次走访、谈话或查阅资料（反复访、跟踪访须关联此前的记录）");
        records.MapPut("/{id:guid}", async (Guid id, RecordBody body, Caller c, SaveFieldRecordHandler h, CancellationToken ct) =>
            {
                await h.Handle(body.ToCommand(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改走访谈话记录");
        records.MapDelete("/{id:guid}", async (Guid id, Caller c, SaveFieldRecordHandler h, CancellationToken ct) =>
            {
                await h.Delete(id, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("删除走访谈话记录（已被后续记录关联的不能删除）");
        api.MapGet("/villages/{code}/fieldwork", (string code, Guid? roundId, Caller c, FieldRecordQueries h, CancellationToken ct) => h.Summary(code, roundId, c.Scope, ct))
            .WithTags("走访谈话").WithSummary("村社走访情况：各方式次数、尚未走访到的人员类别");

        var guidance = api.MapGroup("/guidance").WithTags("指导组");
        guidance.MapGet("/groups", (Caller c, GuidanceGroupsHandler h, CancellationToken ct) => h.List(c.Scope, ct))
            .WithSummary("指导组、成员、蹲点村社及记录、意见建议数");
        guidance.MapPost("/groups", async (GroupBody body, Caller c, GuidanceGroupsHandler h, CancellationToken ct) =>
            {
                var id = await h.Save(new SaveGuidanceGroup(null, body.Name, body.RegionCode, body.Members, body.VillageCodes), c.Scope, ct);
                return Results.Created($"/api/guidance/groups/{id}", new { id });
            })
            .WithSummary("设立指导组（市、县巡察办）");
        guidance.MapPut("/groups/{id:guid}", async (Guid id, GroupBody body, Caller c, GuidanceGroupsHandler h, CancellationToken ct) =>
            {
                await h.Save(new SaveGuidanceGroup(id, body.Name, body.RegionCode, body.Members, body.VillageCodes), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("调整指导组成员和蹲点村社");
        guidance.MapGet("/records", (Guid? groupId, string? villageCode, Caller c, GuidanceWorkHandler h, CancellationToken ct) => h.Records(groupId, villageCode, c.Scope, ct))
            .WithSummary("蹲点指导记录");
        guidance.MapPost("/records", async (AddGuidanceRecord body, Caller c, GuidanceWorkHandler h, CancellationToken ct) =>
            {
                var id = await h.AddRecord(body, c.Scope, ct);
                return Results.Created($"/api/guidance/records/{id}", new { id });
            })
            .WithSummary("记录蹲点指导");
        guidance.MapGet("/suggestions", (Guid? groupId, string? villageCode, SuggestionStatus? status, Caller c, GuidanceWorkHandler h, CancellationToken ct) =>
                h.Suggestions(groupId, villageCode, status, c.Scope, ct))
            .WithSummary("意见建议（提出 / 采纳 / 落实）");
        guidance.MapGet("/suggestions/export", async (Guid? groupId, string? villageCode, SuggestionStatus? status, Caller c, GuidanceWorkHandler h, CancellationToken ct) =>
                Results.File(FieldworkExport.Suggestions(await h.Suggestions(groupId, villageCode, status, c.Scope, ct)), FieldworkExport.ContentType, "意见建议.xlsx"))
            .WithSummary("导出意见建议（Excel）");
        guidance.MapPost("/suggestions", async (RaiseSuggestion body, Caller c, GuidanceWorkHandler h, CancellationToken ct) =>
            {
                var id = await h.Raise(body, c.Scope, ct);
                return Results.Created($"/api/guidance/suggestions/{id}", new { id });
            })
            .WithSummary("提出意见建议");
        guidance.MapPost("/suggestions/{id:guid}/{step:regex(^(adopt|implement)$)}", async (Guid id, string step, Caller c, GuidanceWorkHandler h, CancellationToken ct) =>
            {
                await h.Advance(id, step == "adopt" ? SuggestionStatus.Adopted : SuggestionStatus.Implemented, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("意见建议：采纳、落实");
        guidance.MapGet("/counts", (Guid? groupId, Caller c, GuidanceWorkHandler h, CancellationToken ct) => h.VillageCounts(groupId, c.Scope, ct))
            .WithSummary("各村社的蹲点指导记录数和意见建议数（按状态）");
    }

    public sealed record RecordFilter(Guid? RoundId, string? VillageCode, FieldRecordKind? Kind, string? PersonCategory, DateOnly? From, DateOnly? To, string? Search, int? Page, int? PageSize)
    {
        public ListFieldRecords ToQuery() => new(RoundId, VillageCode, Kind, PersonCategory, From, To, Search, Page, PageSize);
    }

    public sealed record RecordBody(
        FieldRecordKind Kind, Guid? RoundId, string? VillageCode, DateOnly? Date, string? Place, string? PersonName, string? PersonCategory,
        List<string>? Inspectors, string? Learned, Guid? PreviousRecordId, List<Guid>? LeadIds, List<Guid>? ChecklistItemIds, List<Guid>? FindingIds,
        Guid? PublicReportId = null)
    {
        public SaveFieldRecord ToCommand(Guid? id) =>
            new(id, Kind, RoundId, VillageCode, Date, Place, PersonName, PersonCategory, Inspectors, Learned, PreviousRecordId, LeadIds, ChecklistItemIds, FindingIds, PublicReportId);
    }

    public sealed record GroupBody(string? Name, string? RegionCode, List<string>? Members, List<string>? VillageCodes);
}
