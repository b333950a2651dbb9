using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;

namespace Xuncha.EndToEndTests;

/// <summary>审计日志 (issue 7): the admin sees the sign-in just made, filters by user and checks the chain.</summary>
public sealed class AuditTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_FiltersTheLog_AndVerifiesTheChain()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        // A change made in a page (a Blazor circuit event, outside any request) is the user's, not "system"'s.
        await page.GotoAsync("/me/tokens");
        await page.WaitInteractiveAsync();
        await page.Locator("#token-name").FillAsync("审计浏览器令牌");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建令牌" }).ClickUntilAsync(() => page.GetByText("审计浏览器令牌").First.IsVisibleAsync());

        await page.GotoAsync("/audit");
        await page.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "登录", Exact = true }).First.WaitForAsync();
        var tokenRow = page.Locator(".ant-table-tbody tr").Filter(new() { HasText = "令牌名称=审计浏览器令牌" });
        await tokenRow.WaitForAsync();
        Assert.Equal("admin", await tokenRow.Locator("td:nth-child(3)").InnerTextAsync());
        Assert.StartsWith("API 令牌", await tokenRow.Locator("td:nth-child(5)").InnerTextAsync());

        await page.Locator("#audit-user").FillAsync("admin");
        await page.Locator("#audit-search").ClickUntilAsync(async () =>
            await page.Locator(".ant-table-tbody tr").CountAsync() > 0
            && (await page.Locator(".ant-table-tbody tr td:nth-child(3)").AllInnerTextsAsync()).All(t => t == "admin"));
        await page.ShotAsync(fixture, "60-audit-log-filtered");
        await page.Locator("#audit-verify").ClickUntilAsync(() => page.GetByTestId("audit-verification").IsVisibleAsync());
        await page.GetByText("哈希链完整（OK）").WaitForAsync();
        await page.ShotAsync(fixture, "61-audit-log-verified");
    }
}
