using Xuncha.Core.Features.Statistics;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class StatisticsEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var stats = api.MapGroup("/statistics").WithTags("统计分析");
        stats.MapGet("/", (string? region, int? year, Guid? roundId, Caller c, DashboardHandler h, CancellationToken ct) =>
                h.Handle(new GetDashboard(region, year, roundId), c.Scope, ct))
            .WithSummary("一个地区及其下级地区的统计数字（可按年度或轮次筛选）");
        stats.MapGet("/details", (string kind, string? region, int? year, Guid? roundId, Caller c, DashboardHandler h, CancellationToken ct) =>
                h.Details(new GetDashboardDetails(kind, region, year, roundId), c.Scope, ct))
            .WithSummary("统计数字背后的记录：villages 巡察村社、visits 走访谈话、suggestions 意见建议、clues 移交线索（不含线索内容）");
        stats.MapGet("/rounds", (Caller c, DashboardHandler h, CancellationToken ct) => h.Rounds(c.Scope, ct))
            .WithSummary("可筛选的巡察轮次");
        stats.MapGet("/export", async (string? region, int? year, Guid? roundId, Caller c, DashboardHandler h, CancellationToken ct) =>
            {
                var d = await h.Handle(new GetDashboard(region, year, roundId), c.Scope, ct);
                using var stream = new MemoryStream();
                StatisticsExport.Write(stream, d);
                return Results.File(stream.ToArray(), Xlsx, $"统计分析-{d.RegionName}.xlsx");
            })
            .WithSummary("导出统计分析（Excel）");
    }
}
