using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Setup;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Feedback;

/// <summary>四级反馈 and 共性问题 on the demo round of 义乌 (SQLite and PostgreSQL).</summary>
public abstract class FeedbackApiTestsBase(XunchaAppFactory app)
{
    [Fact]
    public async Task Save_BadInput_GetsChineseFieldErrorsAndStoresNothing()
    {
        var (round, _, township, _) = await RoundAsync();
        using var office = await app.ClientForAsync("yiwu");
        await using var before = await app.DbAsync();
        var count = await before.FeedbackRecords.CountAsync();

        var empty = await office.PostAsJsonAsync("/api/feedback", new { roundId = round, level = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.JsonAsync()).GetProperty("errors");
        Assert.Equal("请填写反馈日期。", errors.GetProperty("date")[0].GetString());
        Assert.Equal("请填写参加人员。", errors.GetProperty("attendees")[0].GetString());
        Assert.StartsWith("「县级反馈」的接收方是乡镇（街道）党（工）委", errors.GetProperty("regionCode")[0].GetString());

        var future = await office.PostAsJsonAsync("/api/feedback", new { roundId = round, level = 2, regionCode = township, date = "2099-01-01", attendees = "党委书记" });
        Assert.Equal("反馈日期不能晚于今天。", (await future.JsonAsync()).GetProperty("errors").GetProperty("date")[0].GetString());

        // A village is not what a county committee feeds back to.
        var wrongLevel = await office.PostAsJsonAsync("/api/feedback", new { roundId = round, level = 1, regionCode = township, date = Today, attendees = "县委书记" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongLevel.StatusCode);

        await using var after = await app.DbAsync();
        Assert.Equal(count, await after.FeedbackRecords.CountAsync());
    }

    [Fact]
    public async Task Levels_HeldDownToAVillage_ShowInItsProgress_AndASecondRecordOfTheSameLevelIsRefused()
    {
        var (round, _, township, village) = await RoundAsync();
        using var office = await app.ClientForAsync("yiwu");
        var progress = await ProgressOfAsync(office, round, village);
        var missing = Enumerable.Range(0, 4).Where(i => progress[i] is null).ToList();

        var regionOf = new[] { "330782", township, village, village };
        foreach (var i in missing)
        {
            var saved = await office.PostAsJsonAsync("/api/feedback", new
            {
                roundId = round, level = i + 1, regionCode = regionOf[i], date = Today, attendees = "参会人员", documentsHandedOver = new[] { "问题清单" },
            });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        Assert.All(await ProgressOfAsync(office, round, village), d => Assert.NotNull(d));
        var again = await office.PostAsJsonAsync("/api/feedback", new { roundId = round, level = 4, regionCode = village, date = Today, attendees = "党员群众" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.EndsWith("的「村级反馈」已登记，请修改原记录。", (await again.JsonAsync()).GetProperty("errors").GetProperty("level")[0].GetString());

        using var export = await office.GetAsync($"/api/feedback/rounds/{round}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Equal(["反馈记录", "反馈进度"], sheets);
        var rows = stream.Query(useHeaderRow: true, sheetName: "反馈进度").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["四级反馈"] == "已完成");
    }

    [Fact]
    public async Task Scope_OtherCountyGets404_TownshipOwnerSeesOnlyItsOwnRegions_ExpertIsRefused()
    {
        var (round, _, _, _) = await RoundAsync();
        using var wucheng = await app.ClientForAsync("wucheng");
        Assert.Equal(HttpStatusCode.NotFound, (await wucheng.GetAsync($"/api/feedback/rounds/{round}")).StatusCode);
        using var expert = await app.ClientForAsync("expert");
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/feedback/rounds/{round}")).StatusCode);
        using var owner = await app.ClientForAsync("owner");
        var listed = await owner.GetAsync($"/api/feedback/rounds/{round}");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.All((await listed.JsonAsync()).EnumerateArray(), r => Assert.StartsWith("330782100", r.GetProperty("regionCode").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync("/api/feedback", new { roundId = round })).StatusCode);
    }

    [Fact]
    public async Task CommonProblems_DemoRound_FindsTheRecurringCategoriesAndAddressesTheLetters()
    {
        var (round, _, _, _) = await RoundAsync();
        using var office = await app.ClientForAsync("yiwu");
        var result = await (await office.GetAsync($"/api/common-problems?roundId={round}")).JsonAsync();
        await using var db = await app.DbAsync();
        var findings = await db.Findings.CountAsync(f => f.RoundId == round && f.CategoryL1 != null);
        Assert.Equal(findings, result.GetProperty("findings").GetInt32());
        Assert.Equal(await db.RoundTargets.CountAsync(t => t.RoundId == round), result.GetProperty("villagesInspected").GetInt32());

        var assets = result.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("categoryL2").GetString() == "村级\"三资\"管理");
        var assetVillages = await db.Findings.Where(f => f.RoundId == round && f.CategoryL2 == "村级\"三资\"管理").Select(f => f.VillageCode).Distinct().CountAsync();
        Assert.Equal(assetVillages, assets.GetProperty("villageCount").GetInt32());
        Assert.True(assetVillages >= 4);
        Assert.True(assets.GetProperty("isCommon").GetBoolean());
        var letter = result.GetProperty("departmentLetters").EnumerateArray().Single(l => l.GetProperty("department").GetString() == "市农业农村局");
        Assert.Contains(letter.GetProperty("categories").EnumerateArray(), c => c.GetProperty("label").GetString() == "村级\"三资\"管理");
        var county = Assert.Single(result.GetProperty("countyLetters").EnumerateArray());
        Assert.Equal("义乌市", county.GetProperty("countyName").GetString());
        Assert.Contains(county.GetProperty("categories").EnumerateArray(), c => c.GetProperty("label").GetString() == "财务制度");

        var byYear = await (await office.GetAsync($"/api/common-problems?year={DateTime.Today.Year}")).JsonAsync();
        Assert.True(byYear.GetProperty("findings").GetInt32() >= findings);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/common-problems")).StatusCode);
        using var team = await app.ClientForAsync("team");
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/api/common-problems?roundId={round}")).StatusCode);
        using var export = await office.GetAsync($"/api/common-problems/export?roundId={round}");
        Assert.Equal(["问题分类汇总", "各县突出问题"], MiniExcel.GetSheetNames(new MemoryStream(await export.Content.ReadAsByteArrayAsync())));
    }

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

    /// <summary>The demo round of 义乌, a township of it and a village of that township without feedback yet at level 3.</summary>
    private async Task<(Guid Round, DateOnly Start, string Township, string Village)> RoundAsync()
    {
        await using var db = await app.DbAsync();
        var round = await db.Rounds.SingleAsync(r => r.RegionCode == DemoPlanning.County && r.Status == RoundStatus.InProgress);
        var villages = await db.RoundTargets.Where(t => t.RoundId == round.Id).Select(t => t.VillageCode).OrderBy(c => c).ToListAsync();
        var held = await db.FeedbackRecords.Where(f => f.RoundId == round.Id && f.Level == 3).Select(f => f.RegionCode).ToListAsync();
        var village = villages.Last(v => !held.Contains(v));
        return (round.Id, round.StartDate, village[..9], village);
    }

    private static async Task<List<DateOnly?>> ProgressOfAsync(HttpClient client, Guid round, string village)
    {
        var progress = await (await client.GetAsync($"/api/feedback/rounds/{round}/progress")).JsonAsync();
        var row = progress.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageCode").GetString() == village);
        return row.GetProperty("levels").EnumerateArray().Select(d => d.ValueKind == System.Text.Json.JsonValueKind.Null ? (DateOnly?)null : DateOnly.Parse(d.GetString()!)).ToList();
    }
}

[Collection("sqlite")]
public sealed class SqliteFeedbackApiTests(SqliteAppFixture fixture) : FeedbackApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresFeedbackApiTests(PostgresAppFixture fixture) : FeedbackApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
