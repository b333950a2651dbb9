using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>走访谈话 (issue 5) on a phone: a team member records a home visit linked to a lead and sees it counted for the village.</summary>
public sealed class VisitsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TeamMember_OnAPhone_RecordsAHomeVisitLinkedToALead_AndSeesTheVillageSummary()
    {
        var (roundId, village, villageName, before) = await VillageWithLeadAsync();

        var page = await fixture.NewPageAsync(390, 844);
        await page.SignInAsync("team", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/visits");
        await page.WaitInteractiveAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "记一条" });
        await page.GetByRole(AriaRole.Button, new() { Name = "记一条" }).ClickUntilAsync(() => form.IsVisibleAsync());
        await page.Locator("label.visit-kind", new() { HasText = "登门访" }).ClickAsync();
        await page.Locator("#v-village").SelectOptionAsync($"{roundId}|{village}");
        var lead = page.Locator("#v-lead option").Nth(1);
        await lead.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#v-lead").SelectOptionAsync(new SelectOptionValue { Index = 1 });
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
        Assert.Equal((village, "在家群众", 1), (saved.VillageCode, saved.PersonCategory, saved.LeadIds.Count));
    }

    private async Task<(Guid Round, string Village, string Name, int HomeVisits)> VillageWithLeadAsync()
    {
        using var scope = fixture.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
        var round = await db.Rounds.SingleAsync(r => r.RegionCode == DemoPlanning.County && r.Name.EndsWith("第三轮村（社区）巡察"));
        var target = await (from t in db.RoundTargets
                            where t.RoundId == round.Id
                            join v in db.Regions on t.VillageCode equals v.Code
                            orderby t.VillageCode
                            select new { t.VillageCode, v.Name }).FirstAsync();
        if (!await db.Leads.AnyAsync(l => l.VillageCode == target.VillageCode))
        {
            db.Leads.Add(new Core.Domain.Screening.Lead
            {
                Id = Guid.NewGuid(), RuleCode = "R01", RuleName = "坐收坐支", Severity = "高", VillageCode = target.VillageCode, Ref = "E2E-1",
                Explanation = "测试", FirstSeenAt = DateTimeOffset.UtcNow, LastSeenAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var home = await db.FieldRecords.CountAsync(f => f.VillageCode == target.VillageCode && f.Kind == Core.Domain.Fieldwork.FieldRecordKind.HomeVisit);
        return (round.Id, target.VillageCode, target.Name, home);
    }
}
