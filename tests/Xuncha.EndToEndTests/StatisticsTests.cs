using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;

namespace Xuncha.EndToEndTests;

/// <summary>统计分析 (issue 6): the city drills down to 义乌 and follows a figure to the records behind it.</summary>
public sealed class StatisticsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CityOffice_DrillsDownToACounty_AndTheFindingsFigureMatchesTheLedger()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("city", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/statistics");
        await page.WaitInteractiveAsync();
        var bars = page.GetByRole(AriaRole.List, new() { Name = "各县（市、区）发现问题（点击下钻）" });
        await bars.WaitForAsync();
        await page.ShotAsync(fixture, "34-statistics-city");

        await bars.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "义乌市" }).ClickUntilAsync(
            async () => (await page.Locator(".stats-path").InnerTextAsync()).Contains("义乌市", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.List, new() { Name = "各乡镇（街道）发现问题（点击下钻）" }).WaitForAsync();
        var figure = (await page.GetByTestId("fig-findings").InnerTextAsync()).Split(' ', '个')[0].Trim();
        await page.ShotAsync(fixture, "35-statistics-county");

        var visits = (await page.GetByTestId("fig-visits").InnerTextAsync()).Split(' ', '次')[0].Trim();
        var drawer = page.Locator(".ant-drawer-content");
        await page.GetByTestId("fig-visits").GetByRole(AriaRole.Button).ClickUntilAsync(() => drawer.IsVisibleAsync());
        await drawer.GetByText($"共 {visits} 条").WaitForAsync();
        await page.ShotAsync(fixture, "36-statistics-visit-details");
        await drawer.Locator(".ant-drawer-close").ClickAsync();

        await page.GetByTestId("fig-findings").GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByText("来自统计分析").WaitForAsync();
        await page.GetByText($"共 {figure} 条").WaitForAsync();
        await page.ShotAsync(fixture, "37-statistics-to-findings");
    }
}
