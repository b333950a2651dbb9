using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>
/// The field journey of issue 5 on a phone: a team member records a home visit linked to a lead,
/// sees it counted for the village, raises a finding from that lead with an amount and records a recovery.
/// </summary>
public sealed class VisitsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TeamMember_OnAPhone_RecordsAHomeVisitLinkedToALead_AndSeesTheVillageSummary()
    {
        var (roundId, village, villageName, before, leadId) = await VillageWithLeadAsync();

        var page = await fixture.NewPageAsync(390, 844);
        await page.SignInAsync("team", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/visits");
        await page.WaitInteractiveAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "记一条" });
        await page.GetByRole(AriaRole.Button, new() { Name = "记一条" }).ClickUntilAsync(() => form.IsVisibleAsync());
        await page.Locator("label.visit-kind", new() { HasText = "登门访" }).ClickAsync();
        await page.Locator("#v-village").SelectOptionAsync($"{roundId}|{village}");
        var lead = page.Locator($"#v-lead option[value='{leadId}']");
        await lead.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#v-lead").SelectOptionAsync(leadId.ToString());
        await page.Locator("#v-person").FillAsync("测试群众");
        await page.Locator("#v-category").SelectOptionAsync("在家群众");
        await page.Locator("#v-learned").FillAsync("反映村集体鱼塘发包未公开招标");
        await page.ShotAsync(fixture, "60-visits-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var card = page.Locator(".visit-card", new() { HasText = "反映村集体鱼塘发包未公开招标" });
        await card.WaitForAsync();
        Assert.Contains(villageName, await card.InnerTextAsync());
        Assert.Contains("关联疑似问题 1", await card.InnerTextAsync());
        var summary = page.GetByLabel("村社走访情况");
        await summary.WaitForAsync();
        Assert.Contains($"登门访 {before + 1}", await summary.Locator(".visit-counts").InnerTextAsync());
        await page.ShotAsync(fixture, "61-visits-list-summary");

        using var scope = fixture.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
        var saved = await db.FieldRecords.SingleAsync(f => f.Learned == "反映村集体鱼塘发包未公开招标");
        Assert.Equal((village, "在家群众", leadId), (saved.VillageCode, saved.PersonCategory, saved.LeadIds.Single()));

        // The visit confirmed the lead: raise the finding with its amount, then record what was recovered.
        await page.GotoAsync($"/screening/leads/{leadId}");
        await page.GetByTestId("explanation").WaitForAsync();
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认为问题" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.Locator("#f-title").FillAsync("集体鱼塘发包收入未入账");
        await dialog.Locator("#f-amount input").FillAsync("15000");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认并生成问题" }).ClickAsync();
        await page.GetByText("已生成问题记录").ClickAsync();
        await page.GetByTestId("amount").WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.Equal("15,000.00 元", await page.GetByTestId("amount").InnerTextAsync());
        Assert.True(await page.GetByText($"义乌市委{DateTime.Today.Year}年第三轮村（社区）巡察").First.IsVisibleAsync());
        await page.Locator("#f-rec-amount input").FillAsync("6000");
        await page.Locator("#f-rec-note").FillAsync("承包人补缴发包款");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记挽回损失" }).ClickUntilAsync(async () => await page.GetByText("承包人补缴发包款").CountAsync() > 0);
        await page.GetByTestId("recovered-total").GetByText("合计挽回 6,000.00 元").WaitForAsync();
        await page.ShotAsync(fixture, "62-phone-finding-recovery");
    }

    [Fact]
    public async Task TeamMember_TurnsAReportIntoAVisit_TheFormStartsOnItsVillage_AndTheRecordCanBeCorrected()
    {
        Guid reportId;
        string receipt;
        using (var scope = fixture.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
            var report = await db.PublicReports.OrderBy(r => r.ReceiptNo).FirstAsync(r => r.Status == "待处理");
            (reportId, receipt) = (report.Id, report.ReceiptNo);
        }

        var page = await fixture.NewPageAsync(390, 844);
        await page.SignInAsync("team", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync($"/reports/{reportId}");
        await page.WaitInteractiveAsync();
        var follow = page.GetByRole(AriaRole.Link, new() { Name = "记录核实走访" });
        await page.GetByRole(AriaRole.Button, new() { Name = "转为走访" }).ClickUntilAsync(() => follow.IsVisibleAsync());
        await follow.ClickAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "记一条" });
        await form.WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.StartsWith($"核实群众反映（回执号 {receipt}", await page.Locator("#v-learned").InputValueAsync());
        Assert.Equal(reportId.ToString(), await page.Locator("#v-report").InputValueAsync());
        await page.Locator("#v-person").FillAsync("李大姐");
        await page.Locator("#v-category").SelectOptionAsync("困难群众");
        await page.Locator("#v-inspectors").FillAsync("张组长、测试组员");
        await page.Locator("#v-learned").FillAsync($"核实群众反映（回执号 {receipt}）：情况属实，已请村里说明。");
        await page.ShotAsync(fixture, "63-visit-from-report");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var card = page.Locator(".visit-card", new() { HasText = "情况属实，已请村里说明" });
        await card.WaitForAsync();

        // A slip corrected on the phone: the same record, now with the right person.
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "修改记录" });
        await card.GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickUntilAsync(() => edit.IsVisibleAsync());
        Assert.Equal("李大姐", await page.Locator("#v-person").InputValueAsync());
        await page.Locator("#v-person").FillAsync("李二姐");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.Locator(".visit-card", new() { HasText = "李二姐" }).WaitForAsync();

        using var check = fixture.Services.CreateScope();
        await using var db2 = await check.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
        var saved = await db2.FieldRecords.SingleAsync(f => f.PublicReportId == reportId);
        Assert.Equal(("李二姐", "困难群众"), (saved.PersonName, saved.PersonCategory));
        Assert.Equal(["张组长", "测试组员"], saved.Inspectors);
        Assert.Equal("已转走访", (await db2.PublicReports.SingleAsync(r => r.Id == reportId)).Status);

        await page.GotoAsync($"/reports/{reportId}");
        await page.GetByText("李二姐").WaitForAsync();
        await page.ShotAsync(fixture, "64-report-with-visit");
    }

    private async Task<(Guid Round, string Village, string Name, int HomeVisits, Guid Lead)> VillageWithLeadAsync()
    {
        using var scope = fixture.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
        var round = await db.Rounds.SingleAsync(r => r.RegionCode == DemoPlanning.County && r.Name.EndsWith("第三轮村（社区）巡察"));
        var target = await (from t in db.RoundTargets
                            where t.RoundId == round.Id
                            join v in db.Regions on t.VillageCode equals v.Code
                            orderby t.VillageCode
                            select new { t.VillageCode, v.Name }).FirstAsync();
        // A fresh open lead of the village, so the journey can confirm it whatever the demo has triaged.
        var lead = new Core.Domain.Screening.Lead
        {
            Id = Guid.NewGuid(), RuleCode = "C04", RuleName = "租金未收", Severity = "中", VillageCode = target.VillageCode, Ref = "E2E-鱼塘",
            Amount = 15000m, Explanation = "集体鱼塘发包合同约定年租金 15,000.00 元，2024 年未见收款。", FirstSeenAt = DateTimeOffset.UtcNow, LastSeenAt = DateTimeOffset.UtcNow,
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();

        var home = await db.FieldRecords.CountAsync(f => f.VillageCode == target.VillageCode && f.Kind == Core.Domain.Fieldwork.FieldRecordKind.HomeVisit);
        return (round.Id, target.VillageCode, target.Name, home, lead.Id);
    }
}
