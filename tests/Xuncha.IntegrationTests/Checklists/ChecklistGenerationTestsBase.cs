using System.Net;
using System.Net.Http.Json;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Checklists;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Checklists;

/// <summary>一村一单 generation from the village profile, petitions and leads, and re-generation, on both databases.</summary>
public abstract class ChecklistGenerationTestsBase(XunchaAppFactory app)
{
    private static readonly int Common = DefaultChecklist.Items.Count(i => i.Condition == ChecklistCondition.Always);

    private static string TextOf(ChecklistCondition condition, string? parameter) =>
        DefaultChecklist.Items.Where(i => i.Condition == condition && i.Parameter == parameter).Select(i => i.Text).First();

    [Fact]
    public async Task Generate_FromProfilePetitionsAndLeads_AddsExactlyTheApplicableItemsWithReasons()
    {
        var world = await ChecklistWorld.CreateAsync(app, slot: 0);
        var (a, villageA) = world.Targets[0];
        var (b, villageB) = world.Targets[1];
        var (c, _) = world.Targets[2];
        await ChecklistWorld.ProfileAsync(app, villageA, income: 2_563_000m, works: 300_000m, recipients: 312, weak: true);
        await ChecklistWorld.ProfileAsync(app, villageB, income: 80_000m, works: 600_000m, recipients: null, weak: false);
        await ChecklistWorld.PetitionsAsync(app, villageA,
            (new DateOnly(2025, 1, 10), "土地征收"),
            (new DateOnly(2024, 6, 1), "土地流转"),
            (new DateOnly(2024, 3, 2), "工程质量"),
            (new DateOnly(2024, 3, 1), "低保"), // exactly a year before the start: outside the window
            (new DateOnly(2025, 3, 2), "财务")); // after the start
        await ChecklistWorld.LeadAsync(app, villageA, "R01", LeadStatus.Open);
        await ChecklistWorld.LeadAsync(app, villageA, "R01", LeadStatus.Open);
        await ChecklistWorld.LeadAsync(app, villageA, "S02", LeadStatus.Confirmed);
        await ChecklistWorld.LeadAsync(app, villageA, "C01", LeadStatus.Dismissed);

        // The county office generates the round: its two villages, not 婺城's.
        using var yiwu = await app.ClientForAsync("yiwu");
        var response = await yiwu.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal(2, result.GetProperty("villages").GetInt32());
        Assert.Equal(Common + 10 + Common + 2, result.GetProperty("added").GetInt32());
        Assert.Empty(await ChecklistWorld.ItemsAsync(app, c));

        var itemsA = await ChecklistWorld.ItemsAsync(app, a);
        Assert.Equal(Common, itemsA.Count(i => i.Reason == "通用检查事项"));
        var conditional = itemsA.Where(i => i.Reason != "通用检查事项").Select(i => (i.Text, i.Reason)).OrderBy(x => x.Text, StringComparer.Ordinal).ToList();
        var expected = new[]
            {
                (TextOf(ChecklistCondition.CollectiveIncomeAtLeast, "1000000"), "集体经济收入 256.30 万元 ≥ 100 万元"),
                (DefaultChecklist.Items.Where(i => i.Condition == ChecklistCondition.CollectiveIncomeAtLeast).Skip(1).First().Text, "集体经济收入 256.30 万元 ≥ 100 万元"),
                (TextOf(ChecklistCondition.SubsidyRecipientsAtLeast, "200"), "补贴发放对象 312 人 ≥ 200 人"),
                (DefaultChecklist.Items.Where(i => i.Condition == ChecklistCondition.SubsidyRecipientsAtLeast).Skip(1).First().Text, "补贴发放对象 312 人 ≥ 200 人"),
                (TextOf(ChecklistCondition.WeakOrganisation, null), "村党组织被列为软弱涣散"),
                (DefaultChecklist.Items.Where(i => i.Condition == ChecklistCondition.WeakOrganisation).Skip(1).First().Text, "村党组织被列为软弱涣散"),
                (TextOf(ChecklistCondition.PetitionCategory, "土地"), "近 12 个月信访 2 件（土地）"),
                (TextOf(ChecklistCondition.PetitionCategory, "工程"), "近 12 个月信访 1 件（工程）"),
                ("核查收入是否及时足额入账，有无坐收坐支", "疑似问题 R01 2 条"),
                (TextOf(ChecklistCondition.LeadRule, "S02"), "疑似问题 S02 1 条"),
            }
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, conditional);
        Assert.All(itemsA, i => Assert.Equal(ChecklistItemStatus.Unchecked, i.Status));

        var itemsB = await ChecklistWorld.ItemsAsync(app, b);
        Assert.Equal(
            [("工程合同金额 60 万元 ≥ 50 万元", 2)],
            itemsB.Where(i => i.Reason != "通用检查事项").GroupBy(i => i.Reason).Select(g => (g.Key, g.Count())).ToList());

        // The list as the API shows it: areas in the default order, 三资管理 first.
        var list = await (await yiwu.GetAsync($"/api/checklists/{a}")).JsonAsync();
        Assert.Equal("三资管理", list.GetProperty("items")[0].GetProperty("area").GetString());
        Assert.Equal("作风", list.GetProperty("items")[itemsA.Count - 1].GetProperty("area").GetString());
        Assert.Equal("未查", list.GetProperty("items")[0].GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task Regenerate_KeepsStatusesNotesAndEdits_AddsNewAndDropsOnlyUntouchedStaleItems()
    {
        var world = await ChecklistWorld.CreateAsync(app, slot: 1, yiwu: 1, wucheng: 0);
        var (a, village) = world.Targets[0];
        var r01 = await ChecklistWorld.LeadAsync(app, village, "R01", LeadStatus.Open);
        var s02 = await ChecklistWorld.LeadAsync(app, village, "S02", LeadStatus.Open);
        using var city = await app.ClientForAsync("city");
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate", null)).StatusCode);
        var items = await ChecklistWorld.ItemsAsync(app, a);
        Assert.Equal(Common + 2, items.Count);

        var finding = await ChecklistWorld.FindingAsync(app, village, "坐收卫生费 1.2 万元直接支付工程款");
        var r01Item = items.Single(i => i.Reason == "疑似问题 R01 1 条");
        var common = items.Where(i => i.Reason == "通用检查事项").OrderBy(i => i.SortOrder).ToList();
        Assert.Equal(HttpStatusCode.NoContent, (await city.PutAsJsonAsync($"/api/checklists/items/{r01Item.Id}", new { status = "Problem", note = "凭证 2024-记-0031", findingId = finding })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await city.PutAsJsonAsync($"/api/checklists/items/{common[0].Id}", new { status = "Clear" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await city.PutAsJsonAsync($"/api/checklists/items/{common[1].Id}", new { text = "核查集体资产台账（本村重点：厂房出租）" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync($"/api/checklists/{a}/items", new { area = "作风", text = "核查村委会主任兼任合作社理事长的情况" })).StatusCode);

        // Since: R01's lead dismissed (its item was checked: it stays), S02's dismissed (untouched: goes), R03 raised.
        await ChecklistWorld.SetLeadStatusAsync(app, r01, LeadStatus.Dismissed);
        await ChecklistWorld.SetLeadStatusAsync(app, s02, LeadStatus.Dismissed);
        await ChecklistWorld.LeadAsync(app, village, "R03", LeadStatus.Open);
        var again = await (await city.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate?targetId={a}", null)).JsonAsync();
        Assert.Equal(1, again.GetProperty("added").GetInt32());
        Assert.Equal(1, again.GetProperty("removed").GetInt32());

        var after = await ChecklistWorld.ItemsAsync(app, a);
        Assert.Equal(Common + 1 + 1 + 1, after.Count);
        var kept = after.Single(i => i.Id == r01Item.Id);
        Assert.Equal((ChecklistItemStatus.Problem, "凭证 2024-记-0031", (Guid?)finding), (kept.Status, kept.Note, kept.FindingId));
        Assert.Equal(ChecklistItemStatus.Clear, after.Single(i => i.Id == common[0].Id).Status);
        Assert.Equal("核查集体资产台账（本村重点：厂房出租）", after.Single(i => i.Id == common[1].Id).Text);
        Assert.Contains(after, i => i.Reason == "手工添加" && i.TemplateItemId is null);
        Assert.Contains(after, i => i.Reason == "疑似问题 R03 1 条");
        Assert.DoesNotContain(after, i => i.Reason.Contains("S02", StringComparison.Ordinal));

        // Nothing changed: nothing added or removed.
        var third = await (await city.PostAsync($"/api/rounds/{world.RoundId}/checklists/generate", null)).JsonAsync();
        Assert.Equal((0, 0, after.Count), (third.GetProperty("added").GetInt32(), third.GetProperty("removed").GetInt32(), third.GetProperty("total").GetInt32()));

        // Progress per village.
        var round = await (await city.GetAsync($"/api/rounds/{world.RoundId}/checklists")).JsonAsync();
        var row = Assert.Single(round.GetProperty("villages").EnumerateArray());
        Assert.Equal((2, after.Count, 1), (row.GetProperty("checked").GetInt32(), row.GetProperty("total").GetInt32(), row.GetProperty("problems").GetInt32()));
    }
}

[Collection("sqlite")]
public sealed class SqliteChecklistGenerationTests(SqliteAppFixture fixture) : ChecklistGenerationTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresChecklistGenerationTests(PostgresAppFixture fixture) : ChecklistGenerationTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
