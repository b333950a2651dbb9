using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>一村一单 (issue 4): the office picks a round, generates the lists, records a problem and prints a village's list.</summary>
public sealed class ChecklistTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string RoundName = "2025年第一轮村（社区）巡察";
    private const string R01Text = "核查收入是否及时足额入账，有无坐收坐支";

    [Fact]
    public async Task Office_GeneratesChecklists_MarksAProblem_AndPrintsTheVillagesList()
    {
        var villageName = await SeedRoundsAsync();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/checklists");
        await page.WaitInteractiveAsync();
        await page.GetByText("请选择一个巡察轮次").WaitForAsync();

        var option = page.Locator(".ant-select-item-option:visible").Filter(new() { HasText = RoundName });
        await page.Locator(".filter-bar .ant-select").First.ClickUntilAsync(() => option.IsVisibleAsync());
        await option.ClickAsync();
        var row = page.Locator("tr", new() { HasText = villageName });
        await row.GetByText("未生成").WaitForAsync();

        var confirm = page.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "生成" });
        await page.GetByRole(AriaRole.Button, new() { Name = "生成清单" }).ClickUntilAsync(() => confirm.IsVisibleAsync());
        await confirm.ClickAsync();
        await row.Locator(".checklist-progress").WaitForAsync();
        Assert.Matches(@"0 / \d+", await row.Locator(".checklist-progress").InnerTextAsync());
        Assert.Contains("共 3 条", await page.Locator(".table-total").InnerTextAsync());
        await page.ShotAsync(fixture, "40-checklists-round");

        await row.GetByRole(AriaRole.Link, new() { Name = villageName }).ClickAsync();
        await page.GetByText("纳入原因：疑似问题 R01").WaitForAsync();
        await page.WaitInteractiveAsync();
        var item = page.Locator("tr", new() { HasText = R01Text });
        var dialog = page.GetByRole(AriaRole.Dialog);
        await item.GetByText("登记").ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByText("发现问题").ClickAsync();
        await dialog.Locator("#f-note").FillAsync("2024-记-0031 号凭证卫生费 1.2 万元直接列支工程款");
        await dialog.Locator(".ant-select").ClickAsync();
        await page.Locator(".ant-select-item-option:visible").Filter(new() { HasText = "坐收卫生费直接支付工程款" }).ClickAsync();
        await page.ShotAsync(fixture, "41a-checklist-check-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await item.GetByText("坐收卫生费直接支付工程款").WaitForAsync();
        Assert.Contains("已检查 1 /", await page.GetByTestId("progress").InnerTextAsync());
        Assert.Equal(1, await item.Locator(".status-2").CountAsync());
        await page.ShotAsync(fixture, "41-checklist-village");

        // 打印 opens the plain A4 sheet in a new tab.
        var print = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "打印" }).ClickAsync());
        await print.WaitForLoadStateAsync();
        await print.Locator(".print-title").WaitForAsync();
        Assert.Equal($"{villageName}巡察“一村一单”检查清单", await print.Locator(".print-title").InnerTextAsync());
        Assert.Contains(RoundName, await print.Locator(".print-meta").InnerTextAsync());
        Assert.Equal(["序号", "类别", "检查事项", "纳入原因", "检查情况", "备注"], await print.Locator(".print-table th").AllInnerTextsAsync());
        var printed = print.Locator(".print-table tr", new() { HasText = R01Text });
        Assert.Contains("发现问题", await printed.InnerTextAsync());
        Assert.Contains("检查人", await print.Locator(".print-sign").InnerTextAsync());
        Assert.True(await print.GetByRole(AriaRole.Button, new() { Name = "打印" }).IsVisibleAsync());
        await print.ShotAsync(fixture, "42-checklist-print");
        var served = await (await print.APIRequest.GetAsync(print.Url)).TextAsync();
        Assert.Contains("检查清单", served);
        Assert.DoesNotContain("\"type\":\"server\"", served); // static: no circuit for a sheet to print
        Assert.Contains("\"type\":\"server\"", await (await print.APIRequest.GetAsync("/checklists")).TextAsync());
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await print.GetByRole(AriaRole.Button, new() { Name = "打印" }).IsVisibleAsync());
        await print.ShotAsync(fixture, "43-checklist-print-media");

        // The templates the lists come from.
        await page.GotoAsync("/checklists/templates");
        await page.WaitInteractiveAsync();
        await page.GetByText(R01Text).WaitForAsync();
        await page.ShotAsync(fixture, "44-checklist-templates");
    }

    /// <summary>Two 义乌 rounds; the first over three demo villages, one of them with an R01 lead and a finding.</summary>
    private async Task<string> SeedRoundsAsync()
    {
        var factory = fixture.Services.GetRequiredService<IDbContextFactory<XunchaDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var village = await db.Leads.Where(l => l.RuleCode == "R01").OrderBy(l => l.VillageCode).Select(l => l.VillageCode).FirstAsync();
        var others = await db.Leads.Where(l => l.VillageCode != village && l.VillageCode.StartsWith("330782")).Select(l => l.VillageCode).Distinct().OrderBy(c => c).Take(2).ToListAsync();
        var name = await db.Regions.Where(r => r.Code == village).Select(r => r.Name).SingleAsync();
        foreach (var (title, start, villages) in new[] { (RoundName, new DateOnly(2025, 3, 1), others.Prepend(village).ToList()), ("2024年第三轮村（社区）巡察", new DateOnly(2024, 9, 1), others.Take(1).ToList()) })
        {
            var round = new Round { Id = Guid.NewGuid(), Name = title, RegionCode = "330782", StartDate = start, EndDate = start.AddDays(45), CreatedById = "e2e", CreatedAt = DateTimeOffset.UtcNow };
            db.Rounds.Add(round);
            db.RoundTargets.AddRange(villages.Select(v => new RoundTarget { Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = v, PickedById = "e2e", PickedAt = DateTimeOffset.UtcNow }));
        }

        db.Findings.Add(new Finding { Id = Guid.NewGuid(), VillageCode = village, Title = "坐收卫生费直接支付工程款", Source = "lead", CreatedById = "e2e", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return name;
    }
}
