using Xuncha.Core.Common;
using Xuncha.Core.Features.Regions;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

internal static class RegionEndpoints
{
    public static void MapRegionEndpoints(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("区划");
        regions.MapGet("/", (Caller c, GetRegionChildrenHandler h, CancellationToken ct) => h.Handle(new GetRegionChildren(null), c.Scope, ct))
            .WithSummary("区划树的根：当前用户的数据范围");
        regions.MapGet("/{code}", (string code, Caller c, GetRegionHandler h, CancellationToken ct) => h.Handle(new GetRegion(code), c.Scope, ct))
            .WithSummary("一个地区（市、县、乡镇或村社）的详情；村社含档案");
        regions.MapGet("/{code}/children", (string code, Caller c, GetRegionChildrenHandler h, CancellationToken ct) => h.Handle(new GetRegionChildren(code), c.Scope, ct))
            .WithSummary("下级地区");

        var villages = api.MapGroup("/villages").WithTags("区划");
        villages.MapGet("/", (Caller c, ListVillagesHandler h, CancellationToken ct, string? under, string? q, string? kind, bool? weakOrg, int? page, int? pageSize) =>
                h.Handle(new ListVillages(under, q, kind, weakOrg, page, pageSize), c.Scope, ct))
            .WithSummary("村社列表（限当前用户的数据范围）")
            .Produces<Paged<VillageRow>>();
        villages.MapGet("/{code}", (string code, Caller c, GetRegionHandler h, CancellationToken ct) => h.Handle(new GetRegion(code), c.Scope, ct))
            .WithSummary("村社档案");
    }
}
