using Xuncha.Core.Features.Feedback;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class FeedbackEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("/feedback").WithTags("四级反馈");
        feedback.MapGet("/settings", (Microsoft.Extensions.Options.IOptions<FeedbackSettings> s) =>
                new { levels = s.Value.EffectiveLevels, documents = s.Value.EffectiveDocuments })
            .WithSummary("反馈层级和可移交的材料");
        feedback.MapGet("/rounds", (Caller c, FeedbackRecordsHandler h, CancellationToken ct) => h.Rounds(c.Scope, ct))
            .WithSummary("可查看的巡察轮次");
        feedback.MapGet("/rounds/{roundId:guid}", (Guid roundId, Caller c, FeedbackRecordsHandler h, CancellationToken ct) => h.List(roundId, c.Scope, ct))
            .WithSummary("一轮巡察的四级反馈记录");
        feedback.MapGet("/rounds/{roundId:guid}/targets", (Guid roundId, Caller c, FeedbackRecordsHandler h, CancellationToken ct) => h.Targets(roundId, c.Scope, ct))
            .WithSummary("各反馈层级可选的接收地区");
        feedback.MapGet("/rounds/{roundId:guid}/progress", (Guid roundId, Caller c, FeedbackProgressHandler h, CancellationToken ct) => h.Handle(roundId, c.Scope, ct))
            .WithSummary("各村社四级反馈进度");
        feedback.MapGet("/rounds/{roundId:guid}/export", async (Guid roundId, Caller c, FeedbackRecordsHandler h, FeedbackProgressHandler p, CancellationToken ct) =>
            {
                var records = await h.List(roundId, c.Scope, ct);
                var progress = await p.Handle(roundId, c.Scope, ct);
                using var stream = new MemoryStream();
                FeedbackExport.Records(stream, records, progress);
                return Results.File(stream.ToArray(), Xlsx, "四级反馈.xlsx");
            })
            .WithSummary("导出反馈记录和反馈进度（Excel）");
        feedback.MapPost("/", async (FeedbackBody b, Caller c, FeedbackRecordsHandler h, CancellationToken ct) =>
            {
                var id = await h.Save(b.ToCommand(null), c.Scope, ct);
                return Results.Created($"/api/feedback/{id}", new { id });
            })
            .WithSummary("登记反馈记录");
        feedback.MapPut("/{id:guid}", async (Guid id, FeedbackBody b, Caller c, FeedbackRecordsHandler h, CancellationToken ct) =>
            {
                await h.Save(b.ToCommand(id), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("修改反馈记录");
        feedback.MapDelete("/{id:guid}", async (Guid id, Caller c, FeedbackRecordsHandler h, CancellationToken ct) =>
            {
                await h.Delete(id, c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("删除反馈记录");

        var problems = api.MapGroup("/common-problems").WithTags("共性问题");
        problems.MapGet("/", (Guid? roundId, int? year, Caller c, CommonProblemsHandler h, CancellationToken ct) => h.Handle(new GetCommonProblems(roundId, year), c.Scope, ct))
            .WithSummary("按问题分类汇总：面上共性问题（致市直部门）和突出问题（致县委）");
        problems.MapGet("/export", async (Guid? roundId, int? year, Caller c, CommonProblemsHandler h, CancellationToken ct) =>
            {
                var result = await h.Handle(new GetCommonProblems(roundId, year), c.Scope, ct);
                using var stream = new MemoryStream();
                FeedbackExport.Problems(stream, result);
                return Results.File(stream.ToArray(), Xlsx, "共性问题汇总.xlsx");
            })
            .WithSummary("导出共性问题汇总（Excel）");
    }

    public sealed record FeedbackBody(
        Guid? RoundId, int? Level, string? RegionCode, DateOnly? Date, string? Place, string? GivenBy, string? Attendees,
        List<string>? DocumentsHandedOver, string? Notes)
    {
        public SaveFeedbackRecord ToCommand(Guid? id) => new(id, RoundId, Level, RegionCode, Date, Place, GivenBy, Attendees, DocumentsHandedOver, Notes);
    }
}
