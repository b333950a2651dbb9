using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;

namespace Xuncha.EndToEndTests;

/// <summary>Planning a round in the browser (issue 4): new round → pick the 20 highest-ranked villages → see them on the round.</summary>
public sealed class PlanningTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CountyOffice_PlansARoundOfTwentyFromTheRanking()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();

        await page.GotoAsync("/plans");
        await page.WaitInteractiveAsync();
        var plan = page.Locator("tr", new() { HasText = "义乌市" }).Filter(new() { HasText = "年度村（社区）巡察工作计划" });
        await plan.First.WaitForAsync();
        Assert.Contains("已批准", await plan.First.InnerTextAsync());
        await page.ShotAsync(fixture, "40-plans");

        // A new round through the form; an empty form first shows the field errors.
        await page.GotoAsync("/rounds");
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建轮次" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.GetByText("请填写轮次名称。").WaitForAsync();
        await dialog.GetByText("请填写开始日期。").WaitForAsync();
        await page.ShotAsync(fixture, "41-round-form-errors");
        await dialog.Locator("#round-name").FillAsync("义乌市委浏览器测试轮次");
        // Dates are picked on the calendar, as a user does: today and the end of this month.
        var today = DateTime.Today;
        var dates = dialog.Locator(".ant-picker");
        var dropdown = page.Locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
        await dates.Nth(0).ClickAsync();
        await dropdown.Locator($"td[title='{today:yyyy年M月d日}']").Last.ClickAsync();
        await dates.Nth(1).ClickAsync();
        await dropdown.Locator($"td[title='{new DateTime(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)):yyyy年M月d日}']").Last.ClickAsync();
        await dialog.Locator("#round-name").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync("**/rounds/*");
        await page.GetByText("还没有巡察对象").WaitForAsync();
        await page.WaitInteractiveAsync();

        // The ranking: select the first page (the 20 highest-ranked villages not yet in a round) and add them.
        await page.GetByRole(AriaRole.Link, new() { Name = "从风险排序选取对象" }).ClickAsync();
        await page.WaitForURLAsync("**/risk?round=*");
        await page.WaitInteractiveAsync();
        await page.Locator("tbody tr.ant-table-row").First.WaitForAsync();
        await page.ShotAsync(fixture, "42-risk-ranking");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "加入轮次（已选 20 个）" });
        await page.Locator("thead .ant-checkbox-input").ClickUntilAsync(() => add.IsEnabledAsync());
        var pick = page.GetByRole(AriaRole.Dialog);
        await add.ClickUntilAsync(() => pick.IsVisibleAsync());
        Assert.Contains("义乌市委浏览器测试轮次", await pick.InnerTextAsync());
        await page.ShotAsync(fixture, "43-pick-dialog");
        await pick.GetByRole(AriaRole.Button, new() { Name = "加入" }).ClickAsync();
        await page.GetByText("已加入 20 个村社").WaitForAsync();

        await page.GoBackAsync();
        await page.WaitForURLAsync("**/rounds/*");
        await page.ReloadAsync();
        await page.WaitInteractiveAsync();
        await page.Locator("tbody tr.ant-table-row").First.WaitForAsync();
        Assert.Equal(20, await page.Locator("tbody tr.ant-table-row").CountAsync());
        Assert.Contains("20 个", await page.Locator(".ant-descriptions").InnerTextAsync());
        await page.ShotAsync(fixture, "44-round-targets");
    }
}
