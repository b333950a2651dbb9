using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Features.Checklists;
using Xuncha.Web.Auth;
using Xuncha.Web.Checklists;

namespace Xuncha.Web.Endpoints;

internal static class ChecklistEndpoints
{
    public static void MapChecklistEndpoints(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds/{roundId:guid}/checklists").WithTags("一村一单");
        rounds.MapGet("/", (Guid roundId, Caller c, ListRoundChecklistsHandler h, CancellationToken ct) => h.Handle(roundId, c.Scope, ct))
            .WithSummary("轮次的巡察对象及一村一单进度（限数据范围）");
        rounds.MapPost("/generate", (Guid roundId, Guid? targetId, Caller c, GenerateChecklistsHandler h, CancellationToken ct) =>
                h.Handle(new GenerateChecklists(roundId, targetId), c.Scope, ct))
            .WithSummary("按模板生成或更新一村一单（可只生成一个村社：targetId）；已有事项及其检查情况保留");
        rounds.MapGet("/export", async (Guid roundId, Caller c, GetChecklistHandler h, CancellationToken ct) =>
            {
                var lists = await h.Round(roundId, c.Scope, ct);
                var name = lists.Count > 0 ? lists[0].Header.RoundName : roundId.ToString()[..8];
                return Results.File(ChecklistExport.Round(lists), ChecklistExport.ContentType, ChecklistExport.FileName(name));
            })
            .WithSummary("导出轮次的一村一单（Excel，一张表，含村社列）");

        var lists = api.MapGroup("/checklists").WithTags("一村一单");
        lists.MapGet("/{targetId:guid}", (Guid targetId, Caller c, GetChecklistHandler h, CancellationToken ct) => h.Handle(targetId, c.Scope, ct))
            .WithSummary("一个村社的检查清单");
        lists.MapGet("/{targetId:guid}/export", async (Guid targetId, Caller c, GetChecklistHandler h, CancellationToken ct) =>
            {
                var detail = await h.Handle(targetId, c.Scope, ct);
                return Results.File(ChecklistExport.Village(detail), ChecklistExport.ContentType,
                    ChecklistExport.FileName($"{detail.Header.RoundName}-{detail.Header.VillageName}"));
            })
            .WithSummary("导出一个村社的检查清单（Excel）");
        lists.MapPost("/{targetId:guid}/items", async (Guid targetId, ItemBody body, Caller c, EditChecklistItemsHandler h, CancellationToken ct) =>
            {
                var id = await h.Add(new AddChecklistItem(targetId, body.Area, body.Text), c.Scope, ct);
                return Results.Created($"/api/checklists/items/{id}", new { id });
            })
            .WithSummary("添加检查事项");
        lists.MapPut("/items/{itemId:guid}", async (Guid itemId, UpdateBody body, Caller c, EditChecklistItemsHandler h, CancellationToken ct) =>
            {
                await h.Update(new UpdateChecklistItem(itemId, body.Area, body.Text, body.Status, body.Note, body.FindingId), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改检查事项、检查情况（未查 / 已查无问题 / 发现问题）、备注和关联问题");
        lists.MapDelete("/items/{itemId:guid}", async (Guid itemId, Caller c, EditChecklistItemsHandler h, CancellationToken ct) =>
            {
                await h.Remove(itemId, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("删除未检查的事项");

        var templates = api.MapGroup("/checklist-templates").WithTags("一村一单");
        templates.MapGet("/", (Caller c, ChecklistTemplatesHandler h, CancellationToken ct) => h.List(c.Scope, ct))
            .WithSummary("清单模板（市、县巡察办）");
        templates.MapPost("/", async (TemplateBody body, Caller c, ChecklistTemplatesHandler h, CancellationToken ct) =>
            {
                var id = await h.Save(body.ToCommand(null), c.Scope, ct);
                return Results.Created($"/api/checklist-templates/{id}", new { id });
            })
            .WithSummary("新增模板事项（市巡察办）");
        templates.MapPut("/{id:guid}", async (Guid id, TemplateBody body, Caller c, ChecklistTemplatesHandler h, CancellationToken ct) =>
            {
                await h.Save(body.ToCommand(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改或停用模板事项（市巡察办）");
    }

    public sealed record ItemBody(string? Area, string? Text);

    public sealed record UpdateBody(string? Area, string? Text, ChecklistItemStatus? Status, string? Note, Guid? FindingId);

    public sealed record TemplateBody(string? Area, string? Text, ChecklistCondition Condition, string? Parameter, int SortOrder, bool? Active)
    {
        public SaveTemplateItem ToCommand(Guid? id) => new(id, Area, Text, Condition, Parameter, SortOrder, Active ?? true);
    }
}
