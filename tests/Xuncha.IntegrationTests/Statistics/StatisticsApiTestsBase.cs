using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Setup;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Statistics;

/// <summary>统计分析: the figures agree with the lists they link to, drill down adds up, and scope holds (SQLite and PostgreSQL).</summary>
public abstract class StatisticsApiTestsBase(XunchaAppFactory app)
{
    public static readonly string[] Routes = ["GET /api/statistics/", "GET /api/statistics/details", "GET /api/statistics/rounds", "GET /api/statistics/export"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Figures_OfEveryTownship_EqualTheListsTheyLinkTo(bool byRound)
    {
        using var office = await app.ClientForAsync("yiwu");
        var round = await RoundAsync();
        var period = byRound ? $"&roundId={round}" : "";
        var d = await (await office.GetAsync($"/api/statistics?region=330782{period}")).JsonAsync();
        Assert.Equal("330782", d.GetProperty("regionCode").GetString());
        var children = d.GetProperty("children").EnumerateArray().ToList();
        Assert.NotEmpty(children);
        var total = d.GetProperty("total");
        foreach (var figure in new[] { "findings", "leadsRaised", "leadsConfirmed", "visits", "villagesInspected", "cluesTransferred" })
        {
            Assert.Equal(total.GetProperty(figure).GetInt32(), children.Sum(c => c.GetProperty("figures").GetProperty(figure).GetInt32()));
        }

        Assert.Equal(total.GetProperty("amount").GetDecimal(), children.Sum(c => c.GetProperty("figures").GetProperty("amount").GetDecimal()));
        foreach (var figure in new[] { "tasks", "done", "open", "overdue", "institutions" })
        {
            Assert.Equal(total.GetProperty("rectification").GetProperty(figure).GetInt32(),
                children.Sum(c => c.GetProperty("figures").GetProperty("rectification").GetProperty(figure).GetInt32()));
        }
        var checkedAny = false;
        foreach (var child in children.Where(c => c.GetProperty("figures").GetProperty("findings").GetInt32() > 0 || c.GetProperty("figures").GetProperty("leadsRaised").GetInt32() > 0))
        {
            var code = child.GetProperty("code").GetString();
            var f = child.GetProperty("figures");
            Assert.Equal(f.GetProperty("findings").GetInt32(), await office.TotalAsync($"/api/findings?under={code}{period}&pageSize=1"));
            Assert.Equal(f.GetProperty("leadsRaised").GetInt32(), await office.TotalAsync($"/api/leads?under={code}{period}&pageSize=1"));
            Assert.Equal(f.GetProperty("leadsConfirmed").GetInt32(), await office.TotalAsync($"/api/leads?under={code}{period}&status=Confirmed&pageSize=1"));
            var tasks = f.GetProperty("rectification");
            Assert.Equal(tasks.GetProperty("tasks").GetInt32(), await office.TotalAsync($"/api/rectification?under={code}{period}&pageSize=1"));
            Assert.Equal(tasks.GetProperty("done").GetInt32(), await office.TotalAsync($"/api/rectification?under={code}{period}&open=false&pageSize=1"));
            Assert.Equal(tasks.GetProperty("open").GetInt32(), await office.TotalAsync($"/api/rectification?under={code}{period}&open=true&pageSize=1"));
            Assert.Equal(tasks.GetProperty("overdue").GetInt32(), await office.TotalAsync($"/api/rectification?under={code}{period}&overdue=true&pageSize=1"));
            checkedAny = true;
        }

        Assert.True(checkedAny);
        foreach (var (kind, figure) in new[] { ("villages", "villagesInspected"), ("visits", "visits"), ("suggestions", "suggestions"), ("clues", "cluesTransferred") })
        {
            var details = await (await office.GetAsync($"/api/statistics/details?kind={kind}&region=330782{period}")).JsonAsync();
            Assert.Equal(total.GetProperty(figure).GetInt32(), details.GetProperty("total").GetInt32());
            Assert.Equal(details.GetProperty("total").GetInt32(), details.GetProperty("rows").GetArrayLength());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/statistics/details?kind=people")).StatusCode);
        await using var db = await app.DbAsync();
        var findings = byRound
            ? await db.Findings.CountAsync(x => x.RoundId == round)
            : await db.Findings.CountAsync(x => x.VillageCode.StartsWith("330782"));
        var allTasks = byRound
            ? await db.RectificationTasks.CountAsync(x => x.RoundId == round)
            : await db.RectificationTasks.CountAsync(x => x.VillageCode.StartsWith("330782"));
        Assert.True(allTasks > 0);
        Assert.Equal(allTasks, total.GetProperty("rectification").GetProperty("tasks").GetInt32());
        Assert.Equal(findings, total.GetProperty("findings").GetInt32());
        if (byRound)
        {
            Assert.Equal(await db.RoundTargets.CountAsync(t => t.RoundId == round), total.GetProperty("villagesInspected").GetInt32());
            Assert.Equal(await db.FieldRecords.CountAsync(x => x.RoundId == round), total.GetProperty("visits").GetInt32());
        }
    }

    [Fact]
    public async Task Year_CountsTheRoundsStartedInIt_AndAVillageIsTheBottomOfTheDrill()
    {
        using var city = await app.ClientForAsync("city");
        await using var db = await app.DbAsync();
        var round = await db.Rounds.SingleAsync(r => r.Id == RoundIdOf(db));
        var year = round.StartDate.Year;
        var d = await (await city.GetAsync($"/api/statistics?year={year}")).JsonAsync();
        Assert.Equal($"{year}年", d.GetProperty("period").GetString());
        var yiwu = d.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "330782");
        Assert.Equal(await city.TotalAsync($"/api/findings?under=330782&year={year}&pageSize=1"), yiwu.GetProperty("figures").GetProperty("findings").GetInt32());
        var none = await (await city.GetAsync($"/api/statistics?year={year - 30}")).JsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetProperty("findings").GetInt32());

        var village = await db.Findings.Where(f => f.RoundId == round.Id).Select(f => f.VillageCode).FirstAsync();
        var leaf = await (await city.GetAsync($"/api/statistics?region={village}")).JsonAsync();
        Assert.False(leaf.GetProperty("canDrill").GetBoolean());
        Assert.Empty(leaf.GetProperty("children").EnumerateArray());
        Assert.Equal(4, leaf.GetProperty("path").GetArrayLength());
        Assert.Equal(await db.Findings.CountAsync(f => f.VillageCode == village), leaf.GetProperty("total").GetProperty("findings").GetInt32());

        using var export = await city.GetAsync("/api/statistics/export?region=330782");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["分地区统计", "问题分类", "走访方式", "巡察类型"], sheets);
    }

    [Theory]
    [InlineData("admin", "OK")]
    [InlineData("city", "OK")]
    [InlineData("yiwu", "OK")]
    [InlineData("wucheng", "OK")]
    [InlineData("jijian", "OK")]
    [InlineData("team", "Forbidden")]
    [InlineData("expert", "Forbidden")]
    [InlineData("guide", "Forbidden")]
    [InlineData("owner", "Forbidden")]
    public async Task Scope_ForRole_OwnRegionOnly(string userName, string expected)
    {
        using var client = await app.ClientForAsync(userName);
        var status = Enum.Parse<HttpStatusCode>(expected);
        Assert.Equal(status, (await client.GetAsync("/api/statistics")).StatusCode);
        Assert.Equal(status, (await client.GetAsync("/api/statistics/rounds")).StatusCode);
        Assert.Equal(status, (await client.GetAsync("/api/statistics/details?kind=clues")).StatusCode);
        Assert.Equal(status, (await client.GetAsync("/api/statistics/export")).StatusCode);
        if (status != HttpStatusCode.OK)
        {
            return;
        }

        var mine = await (await client.GetAsync("/api/statistics")).JsonAsync();
        var scope = mine.GetProperty("regionCode").GetString()!;
        var other = scope == "330702" ? "330782" : "330702";
        var outside = await client.GetAsync($"/api/statistics?region={other}");
        Assert.Equal(scope == "3307" ? HttpStatusCode.OK : HttpStatusCode.BadRequest, outside.StatusCode);
        if (outside.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("请选择您数据范围内的地区。", (await outside.JsonAsync()).GetProperty("errors").GetProperty("region")[0].GetString());
        }
    }

    private async Task<Guid> RoundAsync()
    {
        await using var db = await app.DbAsync();
        return RoundIdOf(db);
    }

    private static Guid RoundIdOf(Xuncha.Core.Persistence.XunchaDbContext db) =>
        db.Rounds.Single(r => r.RegionCode == DemoPlanning.County && r.Status == RoundStatus.InProgress).Id;
}

[Collection("sqlite")]
public sealed class SqliteStatisticsApiTests(SqliteAppFixture fixture) : StatisticsApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresStatisticsApiTests(PostgresAppFixture fixture) : StatisticsApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
