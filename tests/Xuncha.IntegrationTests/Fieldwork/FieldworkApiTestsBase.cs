using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xuncha.Core.Domain.Screening;
using Xuncha.IntegrationTests.Checklists;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Fieldwork;

/// <summary>走访谈话 and 指导组 through the API, on both databases.</summary>
public abstract class FieldworkApiTestsBase(XunchaAppFactory app)
{
    private static string Today => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).ToString("yyyy-MM-dd");

    private static object Visit(Guid round, string village, string kind, string? category = "在家群众", Guid? previous = null, string? date = null, Guid[]? leads = null, string learned = "反映修路工程价格偏高") => new
    {
        kind, roundId = round, villageCode = village, date = date ?? Today, place = "村民家中", personName = "王某", personCategory = category,
        learned, previousRecordId = previous, leadIds = leads ?? [],
    };

    private static string Error(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task RepeatVisit_WithoutPrevious_IsRefused_ThenChainsToTheEarlierVisit()
    {
        var world = await ChecklistWorld.CreateAsync(app, slot: 41);
        var (_, village) = world.Targets[0];
        var lead = await ChecklistWorld.LeadAsync(app, village, "R01", LeadStatus.Open);
        using var team = await app.ClientForAsync("team");

        var first = await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, village, "HomeVisit", leads: [lead]));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.JsonAsync()).GetProperty("id").GetGuid();

        var alone = await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, village, "RepeatVisit", category: "关键对象"));
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Equal("反复访须关联此前的走访记录。", Error(await alone.JsonAsync(), "previousRecordId"));

        var future = await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, village, "FollowUp", previous: firstId,
            date: DateOnly.Parse(Today).AddDays(1).ToString("yyyy-MM-dd"), category: "", learned: ""));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var problem = await future.JsonAsync();
        Assert.Equal("日期不能晚于今天。", Error(problem, "date"));
        Assert.Equal("请选择人员类别。", Error(problem, "personCategory"));
        Assert.Equal("请填写了解到的情况。", Error(problem, "learned"));

        var other = await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, world.Targets[1].Village, "RepeatVisit", previous: firstId));
        Assert.Equal("所关联的记录不属于本村（社区），请重新选择。", Error(await other.JsonAsync(), "previousRecordId"));
        var foreignLead = await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, world.Targets[1].Village, "HomeVisit", leads: [lead]));
        Assert.Equal("所选疑似问题不属于本村（社区），请重新选择。", Error(await foreignLead.JsonAsync(), "leadIds"));

        var repeat = await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, village, "RepeatVisit", previous: firstId, category: "关键对象"));
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        var repeatId = (await repeat.JsonAsync()).GetProperty("id").GetGuid();

        var saved = await (await team.GetAsync($"/api/field-records/{repeatId}")).JsonAsync();
        Assert.Equal(("反复访", firstId, "关键对象"), (saved.GetProperty("kindName").GetString(), saved.GetProperty("previousRecordId").GetGuid(), saved.GetProperty("personCategory").GetString()));
        var linked = await (await team.GetAsync($"/api/field-records/{firstId}")).JsonAsync();
        Assert.Equal(lead, Assert.Single(linked.GetProperty("leadIds").EnumerateArray()).GetGuid());

        var list = await (await team.GetAsync($"/api/field-records?roundId={world.RoundId}&villageCode={village}&kind=RepeatVisit")).JsonAsync();
        Assert.Equal(repeatId, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var delete = await team.DeleteAsync($"/api/field-records/{firstId}");
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.DeleteAsync($"/api/field-records/{repeatId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.DeleteAsync($"/api/field-records/{firstId}")).StatusCode);
    }

    [Fact]
    public async Task VillageSummary_CountsByKind_AndListsUncoveredCategories()
    {
        var world = await ChecklistWorld.CreateAsync(app, slot: 42);
        var (_, village) = world.Targets[0];
        using var yiwu = await app.ClientForAsync("yiwu");
        Assert.Equal(HttpStatusCode.Created, (await yiwu.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, village, "HomeVisit", "在家群众"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await yiwu.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, village, "HomeVisit", "老党员"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await yiwu.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, village, "PhoneVisit", "外出人员"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await yiwu.PostAsJsonAsync("/api/field-records", new
        {
            kind = "DocumentReview", roundId = world.RoundId, villageCode = village, date = Today, place = "村档案室", learned = "调阅 2024 年凭证",
        })).StatusCode);

        var summary = await (await yiwu.GetAsync($"/api/villages/{village}/fieldwork")).JsonAsync();
        Assert.Equal(4, summary.GetProperty("total").GetInt32());
        var byKind = summary.GetProperty("byKind").EnumerateArray().ToDictionary(k => k.GetProperty("kindName").GetString()!, k => k.GetProperty("count").GetInt32());
        Assert.Equal((2, 1, 0, 1), (byKind["登门访"], byKind["电话访"], byKind["反复访"], byKind["查阅资料"]));
        var uncovered = summary.GetProperty("uncoveredCategories").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["关键对象", "疑难重点", "乡贤", "低保户", "困难群众", "上访户", "两代表一委员"], uncovered);

        using var wucheng = await app.ClientForAsync("wucheng");
        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.GetAsync($"/api/villages/{village}/fieldwork")).StatusCode);
    }

    [Fact]
    public async Task GuidanceSuggestion_MovesFromRaisedToAdoptedToImplemented_InOrder()
    {
        var world = await ChecklistWorld.CreateAsync(app, slot: 43);
        var wuchengVillage = world.Targets[2].Village;
        using var city = await app.ClientForAsync("city");
        var created = await city.PostAsJsonAsync("/api/guidance/groups", new { name = "测试指导组", regionCode = "330702", members = new[] { "孙虚构" }, villageCodes = new[] { wuchengVillage } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var outside = await city.PostAsJsonAsync("/api/guidance/groups", new { name = "越界", regionCode = "330702", villageCodes = new[] { world.Targets[0].Village } });
        Assert.Equal("指导的村（社区）须在指导组负责的地区内。", Error(await outside.JsonAsync(), "villageCodes"));

        using var guide = await app.ClientForAsync("guide");
        Assert.Equal(HttpStatusCode.Created, (await guide.PostAsJsonAsync("/api/guidance/records", new { groupId = group, villageCode = wuchengVillage, content = "抽查走访记录" })).StatusCode);
        var raised = await guide.PostAsJsonAsync("/api/guidance/suggestions", new { groupId = group, villageCode = wuchengVillage, roundId = world.RoundId, text = "增加电话访" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await raised.JsonAsync()).GetProperty("id").GetGuid();

        var skip = await guide.PostAsync($"/api/guidance/suggestions/{id}/implement", null);
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("须依次提出、采纳、落实", Error(await skip.JsonAsync(), "status"));
        Assert.Equal(HttpStatusCode.NoContent, (await guide.PostAsync($"/api/guidance/suggestions/{id}/adopt", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await guide.PostAsync($"/api/guidance/suggestions/{id}/implement", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await guide.PostAsync($"/api/guidance/suggestions/{id}/adopt", null)).StatusCode);

        var row = Assert.Single((await (await guide.GetAsync($"/api/guidance/suggestions?groupId={group}")).JsonAsync()).EnumerateArray());
        Assert.Equal(("落实", Today, Today), (row.GetProperty("statusName").GetString(), row.GetProperty("adoptedOn").GetString(), row.GetProperty("implementedOn").GetString()));
        var counts = Assert.Single((await (await guide.GetAsync($"/api/guidance/counts?groupId={group}")).JsonAsync()).EnumerateArray());
        Assert.Equal((1, 0, 0, 1), (counts.GetProperty("records").GetInt32(), counts.GetProperty("raised").GetInt32(), counts.GetProperty("adopted").GetInt32(), counts.GetProperty("implemented").GetInt32()));
        var listed = (await (await guide.GetAsync("/api/guidance/groups")).JsonAsync()).EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == group);
        Assert.Equal((1, 1), (listed.GetProperty("records").GetInt32(), listed.GetProperty("implemented").GetInt32()));

        using var yiwu = await app.ClientForAsync("yiwu");
        Assert.Equal(HttpStatusCode.NotFound, (await yiwu.PostAsJsonAsync("/api/guidance/records", new { groupId = group, villageCode = wuchengVillage, content = "越权" })).StatusCode);
        using var team = await app.ClientForAsync("team");
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsJsonAsync("/api/guidance/suggestions", new { groupId = group, villageCode = wuchengVillage, text = "越权" })).StatusCode);
    }

    [Fact]
    public async Task FieldRecords_OutsideScopeOrRole_AreRefused()
    {
        var world = await ChecklistWorld.CreateAsync(app, slot: 44);
        var (_, yiwuVillage) = world.Targets[0];
        var wuchengVillage = world.Targets[2].Village;
        using var team = await app.ClientForAsync("team");
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, wuchengVillage, "HomeVisit"))).StatusCode);
        // Outside its own rounds a team member is refused; the county office is told the village is no target.
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, "330782100014", "HomeVisit"))).StatusCode);
        using var yiwu = await app.ClientForAsync("yiwu");
        var notTarget = await yiwu.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, "330782100014", "HomeVisit"));
        Assert.Equal("所选村（社区）不是该轮次的巡察对象，请重新选择。", Error(await notTarget.JsonAsync(), "villageCode"));

        using var guide = await app.ClientForAsync("guide");
        Assert.Equal(HttpStatusCode.Forbidden, (await guide.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, wuchengVillage, "HomeVisit"))).StatusCode);
        using var expert = await app.ClientForAsync("expert");
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync("/api/field-records")).StatusCode);

        using var wucheng = await app.ClientForAsync("wucheng");
        Assert.Equal(HttpStatusCode.Created, (await wucheng.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, wuchengVillage, "HomeVisit"))).StatusCode);
        var created = await team.PostAsJsonAsync("/api/field-records", Visit(world.RoundId, yiwuVillage, "HomeVisit"));
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await wucheng.GetAsync($"/api/field-records/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wucheng.DeleteAsync($"/api/field-records/{id}")).StatusCode);
        var seen = (await (await wucheng.GetAsync($"/api/field-records?roundId={world.RoundId}")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(wuchengVillage, Assert.Single(seen).GetProperty("villageCode").GetString());
    }
}

[Collection("sqlite")]
public sealed class SqliteFieldworkApiTests(SqliteAppFixture fixture) : FieldworkApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresFieldworkApiTests(PostgresAppFixture fixture) : FieldworkApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
