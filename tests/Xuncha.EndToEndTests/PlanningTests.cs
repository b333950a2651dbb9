using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;

namespace Xuncha.EndToEndTests;

/// <summary>
/// Planning a round in the browser (issue 4): new round → pick the 20 highest-ranked villages →
/// assign teams from the pool without conflicts → generate and print each village's checklist.
/// </summary>
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
        await page.ShotAsync(fixture, "50-plans");

        // A new round through the form; an empty form first shows the field errors.
        await page.GotoAsync("/rounds");
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建轮次" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.GetByText("请填写轮次名称。").WaitForAsync();
        await dialog.GetByText("请填写开始日期。").WaitForAsync();
        await page.ShotAsync(fixture, "51-round-form-errors");
        await dialog.Locator("#round-name").FillAsync("义乌市委浏览器测试轮次");
        // Dates are picked on the calendar, as a user does: today and the end of this month.
        var today = DateTime.Today;
        var dates = dialog.Locator(".ant-picker");
        await page.PickDateAsync(dates.Nth(0), today);
        await page.PickDateAsync(dates.Nth(1), new DateTime(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)));
        await dialog.Locator("#round-name").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GetByText("还没有巡察对象").WaitForAsync();
        await page.WaitInteractiveAsync();
        var roundUrl = page.Url;
        Assert.Matches("/rounds/[0-9a-f-]{36}$", roundUrl);

        // The ranking: select the first page (the 20 highest-ranked villages not yet in a round) and add them.
        await page.GetByRole(AriaRole.Link, new() { Name = "从风险排序选取对象" }).ClickAsync();
        await page.Locator("tbody tr.ant-table-row").First.WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.Contains("/risk?round=", page.Url);
        await page.ShotAsync(fixture, "52-risk-ranking");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "加入轮次（已选 20 个）" });
        await page.Locator("thead .ant-checkbox-input").ClickUntilAsync(() => add.IsEnabledAsync());
        var pick = page.GetByRole(AriaRole.Dialog);
        await add.ClickUntilAsync(() => pick.IsVisibleAsync());
        Assert.Contains("义乌市委浏览器测试轮次", await pick.InnerTextAsync());
        await page.ShotAsync(fixture, "53-pick-dialog");
        await pick.GetByRole(AriaRole.Button, new() { Name = "加入" }).ClickAsync();
        await page.GetByText("已加入 20 个村社").WaitForAsync();

        await page.GotoAsync(roundUrl);
        await page.WaitInteractiveAsync();
        await page.Locator("tbody tr.ant-table-row").First.WaitForAsync();
        Assert.Equal(20, await page.Locator("tbody tr.ant-table-row").CountAsync());
        Assert.Contains("20 个", await page.Locator(".ant-descriptions").InnerTextAsync());
        await page.ShotAsync(fixture, "54-round-targets");

        // Teams: four teams from the demo pool, every village covered, no missing skill, no conflict.
        await page.GetByRole(AriaRole.Link, new() { Name = "巡察组" }).ClickAsync();
        await page.GetByText("巡察村社 20 个").WaitForAsync();
        await page.WaitInteractiveAsync();
        var assign = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "自动分配" }).ClickUntilAsync(() => assign.IsVisibleAsync());
        await assign.Locator("#f-team-count input").FillAsync("4");
        await assign.GetByRole(AriaRole.Button, new() { Name = "开始分配" }).ClickAsync();
        var cards = page.GetByTestId("team-card");
        await cards.Nth(3).WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(4, await cards.CountAsync());
        Assert.Equal(0, await page.GetByTestId("team-warnings").CountAsync());
        Assert.DoesNotContain("尚未分配", await page.GetByTestId("team-summary").InnerTextAsync());
        await page.ShotAsync(fixture, "55-round-teams");

        // Checklists: generate for the round, then print one village's list.
        await page.GotoAsync(roundUrl);
        await page.WaitInteractiveAsync();
        Assert.Equal(20, await page.Locator("tbody tr.ant-table-row", new() { HasText = "第" }).Filter(new() { HasText = "巡察组" }).CountAsync());
        await page.GotoAsync(roundUrl.Replace("/rounds/", "/checklists?round=", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        var confirm = page.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "生成" });
        await page.GetByRole(AriaRole.Button, new() { Name = "生成清单" }).ClickUntilAsync(() => confirm.IsVisibleAsync());
        await confirm.ClickAsync();
        await page.Locator(".checklist-progress").Nth(19).WaitForAsync();
        Assert.Contains("共 20 条", await page.Locator(".table-total").InnerTextAsync());
        await page.ShotAsync(fixture, "56-round-checklists");
        var first = page.Locator("tbody tr.ant-table-row").First;
        var village = (await first.Locator("a").First.InnerTextAsync()).Trim();
        var print = await page.Context.RunAndWaitForPageAsync(() => first.GetByRole(AriaRole.Link, new() { Name = "打印" }).ClickAsync());
        await print.Locator(".print-title").WaitForAsync();
        Assert.Equal($"{village}巡察“一村一单”检查清单", await print.Locator(".print-title").InnerTextAsync());
        Assert.True(await print.Locator(".print-table tbody tr").CountAsync() >= 12);
        await print.ShotAsync(fixture, "57-checklist-print");

        // 全覆盖进度: per township of 义乌, the villages planned now count as listed in a round.
        await page.GotoAsync("/risk");
        await page.WaitInteractiveAsync();
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = "全覆盖进度" });
        var coverage = page.GetByText("本届 2022—2026 年");
        await tab.ClickUntilAsync(() => coverage.IsVisibleAsync());
        Assert.Matches(@"已巡察 \d+ 个，占 [\d.]+%；另有 [1-9]\d* 个已列入轮次", await coverage.InnerTextAsync());
        await page.ShotAsync(fixture, "58-coverage");
    }
}
