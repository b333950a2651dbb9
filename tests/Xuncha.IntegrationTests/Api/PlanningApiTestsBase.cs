using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>Risk targeting and rounds through the API, on the demo data (SQLite and PostgreSQL).</summary>
public abstract class PlanningApiTestsBase(XunchaAppFactory app)
{
    [Fact]
    public async Task Ranking_WeakVillageWithPetitions_ScoresEachFactorWithItsReason()
    {
        const string village = "330782007203";
        await using (var db = await app.DbAsync())
        {
            var p = await db.VillageProfiles.SingleAsync(x => x.VillageCode == village);
            (p.WeakOrg, p.KeyWorkScore, p.CollectiveIncome, p.LastInspected) = (true, 60m, 2_500_000m, DateOnly.FromDateTime(DateTime.Today).AddYears(-3).AddDays(-1));
            var today = DateOnly.FromDateTime(DateTime.Today);
            db.Petitions.AddRange(
                new Petition { Id = Guid.NewGuid(), VillageCode = village, PetitionNo = "T-1", ReceivedDate = today.AddMonths(-2), Category = "土地" },
                new Petition { Id = Guid.NewGuid(), VillageCode = village, PetitionNo = "T-2", ReceivedDate = today.AddMonths(-13), Category = "财务" });
            await db.SaveChangesAsync();
        }

        using var client = await app.ClientForAsync("yiwu");
        var ranking = await (await client.GetAsync($"/api/risk/ranking?under={village[..9]}")).JsonAsync();
        var row = ranking.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageCode").GetString() == village);
        var factors = row.GetProperty("factors").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => (f.GetProperty("detail").GetString()!, f.GetProperty("points").GetDecimal()));
        Assert.Equal(20m, factors["weak_org"].Item2);
        Assert.Equal(("推进评分 60 分（低于 80 分）", 10m), factors["key_work"]);
        Assert.Equal(("近 12 个月 1 件", 4m), factors["petitions"]);      // the 13-month-old petition does not count
        Assert.Equal(("集体经济收入 250.00 万元", 5m), factors["income"]);
        Assert.Equal(9m, factors["since_inspection"].Item2);                 // 3 full years × 3
        Assert.Equal(factors.Values.Sum(f => f.Item2), row.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task PickTargets_BelowTheLineWithoutReason_IsRefusedThenKeptWithReason()
    {
        using var client = await app.ClientForAsync("wucheng");
        var created = await client.PostAsJsonAsync("/api/rounds/", new { name = "婺城区测试轮次", type = "Regular", regionCode = "330702", startDate = "2026-12-01", endDate = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var roundId = (await created.JsonAsync()).GetProperty("id").GetString();
        var ranking = (await (await client.GetAsync("/api/risk/ranking?under=330702")).JsonAsync()).GetProperty("villages").EnumerateArray()
            .Where(v => v.GetProperty("roundsThisYear").GetArrayLength() == 0).Select(v => v.GetProperty("villageCode").GetString()!).ToList();

        // Two picks: the top village, and the 10th without a reason — outside the 2 places.
        var refused = await client.PostAsJsonAsync($"/api/rounds/{roundId}/targets", new { villages = new[] { new { villageCode = ranking[0], reason = (string?)null }, new { villageCode = ranking[9], reason = (string?)null } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Contains("风险排名第 10 位", errors.GetProperty("villages[1]")[0].GetString());
        Assert.False(errors.TryGetProperty("villages[0]", out _));

        await using (var db = await app.DbAsync())
        {
            Assert.Equal(0, await db.RoundTargets.CountAsync(t => t.RoundId == Guid.Parse(roundId!)));   // all or nothing
        }

        var ok = await client.PostAsJsonAsync($"/api/rounds/{roundId}/targets", new { villages = new[] { new { villageCode = ranking[0], reason = (string?)null }, new { villageCode = ranking[9], reason = (string?)"群众反映集中" } } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var detail = await (await client.GetAsync($"/api/rounds/{roundId}")).JsonAsync();
        var targets = detail.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(2, targets.Count);
        Assert.Equal("群众反映集中", targets.Single(t => t.GetProperty("villageCode").GetString() == ranking[9]).GetProperty("overrideReason").GetString());
        Assert.Equal(1, targets.Single(t => t.GetProperty("villageCode").GetString() == ranking[0]).GetProperty("riskRank").GetInt32());
    }

    [Fact]
    public async Task ElevatedRound_WithoutTownship_ShowsFieldError()
    {
        using var client = await app.ClientForAsync("city");
        var response = await client.PostAsJsonAsync("/api/rounds/", new { name = "提级", type = "Elevated", regionCode = "3307", startDate = "2027-03-01", endDate = "2027-02-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("提级巡察须选定被巡察的乡镇（街道）。", errors.GetProperty("townshipCode")[0].GetString());
        Assert.Equal("结束日期不能早于开始日期。", errors.GetProperty("endDate")[0].GetString());
    }
}

[Collection("sqlite")]
public sealed class SqlitePlanningApiTests(SqliteAppFixture fixture) : PlanningApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresPlanningApiTests(PostgresAppFixture fixture) : PlanningApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
