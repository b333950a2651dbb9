using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Features.Checklists;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Checklists;

/// <summary>The default templates seeded at start-up, and their management by the city office, on both databases.</summary>
public abstract class ChecklistTemplateTestsBase(XunchaAppFactory app)
{
    [Fact]
    public async Task Startup_SeedsTheDefaultTemplates_CountyReadsThem()
    {
        await using var db = await app.DbAsync();
        foreach (var (area, text, condition, parameter) in DefaultChecklist.Items)
        {
            Assert.True(await db.ChecklistTemplateItems.AnyAsync(t => t.Area == area && t.Text == text && t.Condition == condition && t.Parameter == parameter), text);
        }

        using var yiwu = await app.ClientForAsync("yiwu");
        var list = await (await yiwu.GetAsync("/api/checklist-templates")).JsonAsync();
        var r01 = list.EnumerateArray().Single(t => t.GetProperty("parameter").GetString() == "R01");
        Assert.Equal(("三资管理", "核查收入是否及时足额入账，有无坐收坐支", "有该规则的疑似问题"),
            (r01.GetProperty("area").GetString(), r01.GetProperty("text").GetString(), r01.GetProperty("conditionName").GetString()));
        using var team = await app.ClientForAsync("team");
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync("/api/checklist-templates")).StatusCode);
    }

    [Fact]
    public async Task City_AddsAndDeactivatesATemplate_GenerationFollows_CountyMayNotEdit()
    {
        using var city = await app.ClientForAsync("city");
        using var yiwu = await app.ClientForAsync("yiwu");
        var body = new { area = "三资管理", text = "核查光伏项目收益分配", condition = "PetitionCategory", parameter = "光伏", sortOrder = 150 };
        Assert.Equal(HttpStatusCode.Forbidden, (await yiwu.PostAsJsonAsync("/api/checklist-templates", body)).StatusCode);

        var bad = await city.PostAsJsonAsync("/api/checklist-templates", new { area = "三资管理", text = "x", condition = "LeadRule", parameter = "X99", sortOrder = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("参数应为规则库中的规则编号，例如 R01。", (await bad.JsonAsync()).GetProperty("errors").GetProperty("parameter")[0].GetString());
        var badNumber = await city.PostAsJsonAsync("/api/checklist-templates", new { area = "工程项目", text = "x", condition = "WorksAmountAtLeast", parameter = "五十万", sortOrder = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);

        var created = await city.PostAsJsonAsync("/api/checklist-templates", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var world = await ChecklistWorld.CreateAsync(app, slot: 6, yiwu: 1, wucheng: 0);
        var (target, village) = world.Targets[0];
        await ChecklistWorld.PetitionsAsync(app, village, (ChecklistWorld.Start.AddDays(-30), "光伏收益"));
        await city.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate", null);
        Assert.Contains(await ChecklistWorld.ItemsAsync(app, target), i => i.TemplateItemId == id && i.Reason == "近 12 个月信访 1 件（光伏）");

        // Deactivated: a new round no longer gets it; the existing untouched item goes on re-generation.
        Assert.Equal(HttpStatusCode.NoContent, (await city.PutAsJsonAsync($"/api/checklist-templates/{id}", new { body.area, body.text, body.condition, body.parameter, body.sortOrder, active = false })).StatusCode);
        await city.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate", null);
        Assert.DoesNotContain(await ChecklistWorld.ItemsAsync(app, target), i => i.TemplateItemId == id);
        await using var db = await app.DbAsync();
        Assert.False((await db.ChecklistTemplateItems.SingleAsync(t => t.Id == id)).Active);
        Assert.Equal(HttpStatusCode.NotFound, (await city.PutAsJsonAsync($"/api/checklist-templates/{Guid.NewGuid()}", body)).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class SqliteChecklistTemplateTests(SqliteAppFixture fixture) : ChecklistTemplateTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresChecklistTemplateTests(PostgresAppFixture fixture) : ChecklistTemplateTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
