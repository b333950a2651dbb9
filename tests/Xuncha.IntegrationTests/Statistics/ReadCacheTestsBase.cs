using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Findings;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Statistics;

/// <summary>
/// The dashboard, supervision and the ledgers' totals are kept in memory until the next save
/// (issue 7, load). Every figure must follow a change at once, and users of different scopes
/// must never see each other's figures.
/// </summary>
public abstract class ReadCacheTestsBase(XunchaAppFactory app)
{
    private static async Task<JsonElement> JsonOkAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task CachedFigures_FollowEverySave_AndStayWithinTheirScope()
    {
        using var city = await app.ClientForAsync("city");
        using var yiwu = await app.ClientForAsync("yiwu");
        using var wucheng = await app.ClientForAsync("wucheng");
        string village;
        await using (var db = await app.DbAsync())
        {
            village = (await TeamSeed.VillagesAsync(db, "330782", 1)).Single();
        }

        // Read everything twice so that the second read is served from the cache.
        for (var i = 0; i < 2; i++)
        {
            await city.TotalAsync("/api/findings?pageSize=1");
            await yiwu.TotalAsync("/api/findings?pageSize=1");
            await wucheng.TotalAsync("/api/findings?pageSize=1");
            await yiwu.TotalAsync("/api/rectification?pageSize=1");
            await JsonOkAsync(yiwu, "/api/supervision");
            await JsonOkAsync(city, "/api/statistics");
        }

        var cityFindings = await city.TotalAsync("/api/findings?pageSize=1");
        var yiwuFindings = await yiwu.TotalAsync("/api/findings?pageSize=1");
        var wuchengFindings = await wucheng.TotalAsync("/api/findings?pageSize=1");
        var yiwuTasks = await yiwu.TotalAsync("/api/rectification?pageSize=1");
        var supervised = (await JsonOkAsync(yiwu, "/api/supervision")).GetProperty("region").GetProperty("total").GetInt32();
        var dashboard = (await JsonOkAsync(city, "/api/statistics")).GetProperty("total").GetProperty("findings").GetInt32();
        // The demo's findings are all in 义乌: the county next door, cached alongside, must not see them.
        Assert.True(yiwuFindings > wuchengFindings, $"义乌 {yiwuFindings}，婺城 {wuchengFindings}：范围不同的用户看到了同一个合计");
        Assert.Equal(cityFindings, dashboard);

        var created = await yiwu.PostAsJsonAsync("/api/findings", new { villageCode = village, title = "缓存测试问题", categoryL1 = FindingTaxonomy.Corruption, categoryL2 = "财务制度", source = "visit" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var findingId = (await created.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(cityFindings + 1, await city.TotalAsync("/api/findings?pageSize=1"));
        Assert.Equal(yiwuFindings + 1, await yiwu.TotalAsync("/api/findings?pageSize=1"));
        Assert.Equal(wuchengFindings, await wucheng.TotalAsync("/api/findings?pageSize=1"));
        Assert.Equal(dashboard + 1, (await JsonOkAsync(city, "/api/statistics")).GetProperty("total").GetProperty("findings").GetInt32());

        var draft = await JsonOkAsync(yiwu, $"/api/rectification/draft?findingId={findingId}");
        var task = await yiwu.PostAsJsonAsync("/api/rectification/", new
        {
            findingId, title = draft.GetProperty("title").GetString(), measures = "建立台账。", deadline = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"),
            owners = draft.GetProperty("owners"),
        });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        Assert.Equal(yiwuTasks + 1, await yiwu.TotalAsync("/api/rectification?pageSize=1"));
        Assert.Equal(supervised + 1, (await JsonOkAsync(yiwu, "/api/supervision")).GetProperty("region").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task LeadTotals_FollowATriage()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        Guid lead;
        await using (var db = await app.DbAsync())
        {
            lead = await db.Leads.Where(l => l.VillageCode.StartsWith("330782") && l.Status == LeadStatus.Open).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        }

        var open = await yiwu.TotalAsync("/api/leads?status=Open&pageSize=1");
        Assert.Equal(open, await yiwu.TotalAsync("/api/leads?status=Open&pageSize=1"));
        var dismissed = await yiwu.TotalAsync("/api/leads?status=Dismissed&pageSize=1");
        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.PostAsJsonAsync($"/api/leads/{lead}/dismiss", new { reason = "正常业务，已核实" })).StatusCode);
        Assert.Equal(open - 1, await yiwu.TotalAsync("/api/leads?status=Open&pageSize=1"));
        Assert.Equal(dismissed + 1, await yiwu.TotalAsync("/api/leads?status=Dismissed&pageSize=1"));
    }
}

public sealed class SqliteReadCacheTests(SqliteAppFixture fixture) : ReadCacheTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresReadCacheTests(PostgresAppFixture fixture) : ReadCacheTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
