using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>四级反馈 (issue 6): the county office records a township's feedback and reads the common problems.</summary>
public sealed class FeedbackTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CountyOffice_RecordsATownshipFeedback_AndSeesTheCommonProblems()
    {
        string township;
        using (var scope = fixture.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
            var round = await db.Rounds.SingleAsync(r => r.RegionCode == DemoPlanning.County && r.Name.EndsWith("第三轮村（社区）巡察"));
            var held = await db.FeedbackRecords.Where(f => f.RoundId == round.Id && f.Level == 2).Select(f => f.RegionCode).ToListAsync();
            var code = (await db.RoundTargets.Where(t => t.RoundId == round.Id).Select(t => t.VillageCode).ToListAsync())
                .Select(v => v[..9]).Distinct().Order().First(t => !held.Contains(t));
            township = await db.Regions.Where(r => r.Code == code).Select(r => r.Name).SingleAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/feedback");
        await page.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "反馈记录" }).WaitForAsync();
        await page.ShotAsync(fixture, "30-feedback-records");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记反馈" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.GetByText("请填写参加人员。").WaitForAsync();

        // Open each list until its options show: under load a first click can land during a re-render.
        var level = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "县级反馈" });
        await dialog.Locator("div#fb-level").ClickUntilAsync(() => level.IsVisibleAsync());
        await level.ClickAsync();
        var region = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = township });
        await dialog.Locator("div#fb-region").ClickUntilAsync(() => region.IsVisibleAsync());
        await region.ClickAsync();
        await dialog.Locator("#fb-attendees").FillAsync("镇党委书记、镇纪委书记、各村党组织书记");
        await dialog.Locator("#fb-given").FillAsync("义乌市委巡察第一组组长");
        await page.ShotAsync(fixture, "31-feedback-form");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        var row = page.Locator("tr.ant-table-row", new() { HasText = township });
        await row.Filter(new() { HasText = "县级反馈" }).First.WaitForAsync();
        Assert.Contains("镇党委书记", await row.Filter(new() { HasText = "县级反馈" }).First.InnerTextAsync());

        var pending = page.Locator("tr.ant-table-row", new() { HasText = "未反馈" }).First;
        await page.GetByRole(AriaRole.Tab, new() { Name = "反馈进度" }).ClickUntilAsync(() => pending.IsVisibleAsync());
        await page.ShotAsync(fixture, "32-feedback-progress");

        await page.GetByRole(AriaRole.Tab, new() { Name = "共性问题" }).ClickUntilAsync(() => page.GetByText("致市农业农村局").IsVisibleAsync());
        Assert.True(await page.Locator(".ant-tag", new() { HasText = "面上共性问题" }).CountAsync() >= 2);
        await page.GetByText("致中共义乌市委员会").WaitForAsync();
        await page.ShotAsync(fixture, "33-common-problems");
    }
}
