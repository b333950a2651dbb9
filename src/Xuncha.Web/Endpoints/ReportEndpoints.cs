using Xuncha.Core.Features.Reports;
using Xuncha.Web.Auth;
using Xuncha.Web.Reports;

namespace Xuncha.Web.Endpoints;

/// <summary>
/// 群众反映 (inbox, channels, QR codes) and 信访举报. Lists and exports never carry a reporter in
/// clear; the detail endpoints decrypt only for permitted roles and log every such view. The public
/// submission is the page <c>/r/{token}</c>, not an API.
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("群众反映");
        reports.MapGet("/", (Guid? roundId, string? villageCode, string? status, int? page, int? pageSize, Caller c, ReportInboxHandler h, CancellationToken ct) =>
            h.List(new ListReports(roundId, villageCode, status, page, pageSize), c.Scope, ct)).WithSummary("群众反映列表（反映人已脱敏）");
        reports.MapGet("/export", async (Guid? roundId, string? villageCode, string? status, Caller c, ReportInboxHandler h, CancellationToken ct) =>
                Results.File(ReportExport.Reports(await h.Export(new ListReports(roundId, villageCode, status), c.Scope, ct)), ReportExport.ContentType, "群众反映.xlsx"))
            .WithSummary("导出群众反映（Excel，不含反映人信息）");
        reports.MapGet("/{id:guid}", (Guid id, Caller c, ReportInboxHandler h, CancellationToken ct) => h.Get(id, c.Scope, ct))
            .WithSummary("群众反映详情（有权角色可见反映人，查看留痕）");
        reports.MapPost("/{id:guid}/handle", async (Guid id, HandleBody b, Caller c, ReportInboxHandler h, CancellationToken ct) =>
            {
                await h.Handle(new HandleReport(id, b.Status ?? "", b.Note), c.Scope, ct);
                return Results.NoContent();
            })
            .WithSummary("处理群众反映：已转走访 / 已转疑似问题 / 已转问题 / 不予处理");

        var channels = api.MapGroup("/report-channels").WithTags("群众反映");
        channels.MapGet("/", (Guid roundId, Caller c, ReportChannelsHandler h, CancellationToken ct) => h.ForRound(roundId, c.Scope, ct))
            .WithSummary("轮次各村的反映渠道");
        channels.MapPost("/", async (ChannelBody b, Caller c, ReportChannelsHandler h, CancellationToken ct) =>
                Results.Ok(new { created = await h.Create(new CreateChannels(b.RoundId, b.TeamContact), c.Scope, ct) }))
            .WithSummary("为轮次的巡察对象村开通反映渠道（每村一个）");
        channels.MapGet("/{id:guid}/qr.png", async (Guid id, HttpRequest req, IConfiguration config, Caller c, ReportChannelsHandler h, CancellationToken ct) =>
            {
                var n = await h.Notice(id, c.Scope, ct);
                return Results.File(ReportQr.Png(ReportQr.PublicUrl(req, config, n.Token)), "image/png", $"{n.VillageName}-群众反映二维码.png");
            })
            .WithSummary("反映渠道二维码（PNG）");
        channels.MapGet("/{id:guid}/qr.svg", async (Guid id, HttpRequest req, IConfiguration config, Caller c, ReportChannelsHandler h, CancellationToken ct) =>
            {
                var n = await h.Notice(id, c.Scope, ct);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(ReportQr.Svg(ReportQr.PublicUrl(req, config, n.Token))), "image/svg+xml", $"{n.VillageName}-群众反映二维码.svg");
            })
            .WithSummary("反映渠道二维码（SVG）");

        var petitions = api.MapGroup("/").WithTags("信访举报");
        petitions.MapGet("/villages/{code}/petitions", (string code, Caller c, PetitionsHandler h, CancellationToken ct) => h.ForVillage(code, c.Scope, ct))
            .WithSummary("村社信访举报（不含举报人信息）");
        petitions.MapGet("/villages/{code}/petitions/export", async (string code, Caller c, PetitionsHandler h, CancellationToken ct) =>
                Results.File(ReportExport.Petitions(await h.ForVillage(code, c.Scope, ct)), ReportExport.ContentType, $"信访举报-{code}.xlsx"))
            .WithSummary("导出村社信访举报（Excel，不含举报人信息）");
        petitions.MapGet("/petitions/{id:guid}", (Guid id, Caller c, PetitionsHandler h, CancellationToken ct) => h.Get(id, c.Scope, ct))
            .WithSummary("信访举报详情（有权角色可见举报人，查看留痕）");
    }

    internal sealed record HandleBody(string? Status, string? Note);

    internal sealed record ChannelBody(Guid RoundId, string? TeamContact);
}
