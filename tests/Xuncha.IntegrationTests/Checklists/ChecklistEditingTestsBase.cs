using System.Net;
using System.Net.Http.Json;
using MiniExcelLibs;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Screening;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Checklists;

/// <summary>Editing a village's checklist through the API by role, and its Excel exports, on both databases.</summary>
public abstract class ChecklistEditingTestsBase(XunchaAppFactory app)
{
    private async Task<(ChecklistWorld World, Guid Target, string Village, List<ChecklistItem> Items)> GeneratedAsync(int slot)
    {
        var world = await ChecklistWorld.CreateAsync(app, slot);
        var (target, village) = world.Targets[0];
        await ChecklistWorld.LeadAsync(app, village, "R01", LeadStatus.Open);
        using var city = await app.ClientForAsync("city");
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate", null)).StatusCode);
        return (world, target, village, await ChecklistWorld.ItemsAsync(app, target));
    }

    [Fact]
    public async Task TeamMember_SetsStatusAndAddsItems_ButMayNotRewordOrRemove()
    {
        var (_, target, _, items) = await GeneratedAsync(slot: 2);
        using var team = await app.ClientForAsync("team");
        var item = items.OrderBy(i => i.SortOrder).First();

        Assert.Equal(HttpStatusCode.NoContent, (await team.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { status = "Clear", note = "已调阅 2024 年全部凭证" })).StatusCode);
        var reword = await team.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { text = "改写的事项" });
        Assert.Equal(HttpStatusCode.Forbidden, reword.StatusCode);
        Assert.Contains("无权修改或删除检查事项", (await reword.JsonAsync()).GetProperty("detail").GetString());
        var other = items.OrderBy(i => i.SortOrder).Last();
        Assert.Equal(HttpStatusCode.Forbidden, (await team.DeleteAsync($"/api/checklists/items/{other.Id}")).StatusCode);

        var empty = await team.PostAsJsonAsync($"/api/checklists/{target}/items", new { area = "", text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.JsonAsync()).GetProperty("errors");
        Assert.Equal("请填写检查事项。", errors.GetProperty("text")[0].GetString());
        Assert.Equal("请选择或填写类别。", errors.GetProperty("area")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await team.PostAsJsonAsync($"/api/checklists/{target}/items", new { area = "党建", text = "核查党员积分管理台账" })).StatusCode);

        var after = await ChecklistWorld.ItemsAsync(app, target);
        var saved = after.Single(i => i.Id == item.Id);
        Assert.Equal((ChecklistItemStatus.Clear, "已调阅 2024 年全部凭证", item.Text), (saved.Status, saved.Note, saved.Text));
        Assert.NotNull(saved.UpdatedById);
        Assert.Equal(items.Count + 1, after.Count);
    }

    [Fact]
    public async Task Office_FindingMustBeThisVillagesAndGoWithProblem_CheckedItemsCannotBeRemoved()
    {
        var (world, target, village, items) = await GeneratedAsync(slot: 3);
        using var yiwu = await app.ClientForAsync("yiwu");
        var item = items.Single(i => i.Reason == "疑似问题 R01 1 条");
        var ours = await ChecklistWorld.FindingAsync(app, village, "坐收坐支");
        var theirs = await ChecklistWorld.FindingAsync(app, world.Targets[1].Village, "别村的问题");

        var wrongVillage = await yiwu.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { status = "Problem", findingId = theirs });
        Assert.Equal(HttpStatusCode.BadRequest, wrongVillage.StatusCode);
        Assert.Equal("所选问题不属于本村（社区），请重新选择。", (await wrongVillage.JsonAsync()).GetProperty("errors").GetProperty("findingId")[0].GetString());
        var notProblem = await yiwu.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { status = "Clear", findingId = ours });
        Assert.Equal(HttpStatusCode.BadRequest, notProblem.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { status = "Problem", note = "发现 1 笔", findingId = ours })).StatusCode);

        var detail = await (await yiwu.GetAsync($"/api/checklists/{target}")).JsonAsync();
        var row = detail.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == item.Id);
        Assert.Equal(("Problem", "发现问题", "坐收坐支"), (row.GetProperty("status").GetString(), row.GetProperty("statusName").GetString(), row.GetProperty("findingTitle").GetString()));
        Assert.Contains(detail.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetGuid() == ours);
        Assert.DoesNotContain(detail.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetGuid() == theirs);

        var removeChecked = await yiwu.DeleteAsync($"/api/checklists/items/{item.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, removeChecked.StatusCode);
        Assert.Contains("已检查，不能删除", (await removeChecked.JsonAsync()).GetProperty("detail").GetString());
        var untouched = items.First(i => i.Id != item.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.DeleteAsync($"/api/checklists/items/{untouched.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yiwu.DeleteAsync($"/api/checklists/items/{untouched.Id}")).StatusCode);

        // Back to 未查: the finding link goes with it.
        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { status = "Unchecked" })).StatusCode);
        Assert.Null((await ChecklistWorld.ItemsAsync(app, target)).Single(i => i.Id == item.Id).FindingId);
    }

    [Fact]
    public async Task Access_OtherCountyAndRolesWithoutChecklists_AreRefused()
    {
        var (world, target, _, items) = await GeneratedAsync(slot: 4);
        var wuchengTarget = world.Targets[2].TargetId;
        using var wucheng = await app.ClientForAsync("wucheng");
        using var guide = await app.ClientForAsync("guide");
        using var expert = await app.ClientForAsync("expert");
        using var team = await app.ClientForAsync("team");

        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.GetAsync($"/api/checklists/{target}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.PutAsJsonAsync($"/api/checklists/items/{items[0].Id}", new { status = "Clear" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wucheng.GetAsync($"/api/checklists/{wuchengTarget}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guide.GetAsync($"/api/checklists/{wuchengTarget}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guide.PostAsJsonAsync($"/api/checklists/{wuchengTarget}/items", new { area = "作风", text = "指导组不填清单" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/checklists/{target}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate", null)).StatusCode);

        // The round list shows each user only the villages of their scope.
        var seen = await (await wucheng.GetAsync($"/api/rounds/{world.RoundId}/checklists")).JsonAsync();
        Assert.Equal([world.Targets[2].Village], seen.GetProperty("villages").EnumerateArray().Select(v => v.GetProperty("villageCode").GetString()!).ToList());
        Assert.Equal(HttpStatusCode.NotFound, (await wucheng.GetAsync($"/api/rounds/{Guid.NewGuid()}/checklists")).StatusCode);
    }

    [Fact]
    public async Task Export_VillageAndRound_ReadBackWithTheItemsAndFormulasNeutralised()
    {
        var (world, target, _, items) = await GeneratedAsync(slot: 5);
        using var yiwu = await app.ClientForAsync("yiwu");
        var item = items.Single(i => i.Reason == "疑似问题 R01 1 条");
        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { status = "Problem", note = "=HYPERLINK(\"http://x\")" })).StatusCode);

        var response = await yiwu.GetAsync($"/api/checklists/{target}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(items.Count, rows.Count);
        Assert.Equal(["序号", "类别", "检查事项", "纳入原因", "检查情况", "备注", "关联问题"], rows[0].Keys.ToList());
        Assert.Equal(("三资管理", "未查"), ((string?)rows[0]["类别"], (string?)rows[0]["检查情况"]));
        var r01 = rows.Single(r => (string?)r["纳入原因"] == "疑似问题 R01 1 条");
        Assert.Equal(("核查收入是否及时足额入账，有无坐收坐支", "发现问题", "'=HYPERLINK(\"http://x\")"),
            ((string?)r01["检查事项"], (string?)r01["检查情况"], (string?)r01["备注"]));

        // The round: one sheet, a village column, only the county's villages.
        var round = await yiwu.GetAsync($"/api/rounds/{world.RoundId}/checklists/export");
        Assert.Equal(HttpStatusCode.OK, round.StatusCode);
        using var roundStream = new MemoryStream(await round.Content.ReadAsByteArrayAsync());
        var all = roundStream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var codes = all.Select(r => (string?)r["村社代码"]).Distinct().ToList();
        Assert.Equal([world.Targets[0].Village, world.Targets[1].Village], codes);
        Assert.Equal(items.Count, all.Count(r => (string?)r["村社代码"] == world.Targets[0].Village));
        Assert.Equal("义乌市", all[0]["县市区"]);
    }
}

[Collection("sqlite")]
public sealed class SqliteChecklistEditingTests(SqliteAppFixture fixture) : ChecklistEditingTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresChecklistEditingTests(PostgresAppFixture fixture) : ChecklistEditingTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
