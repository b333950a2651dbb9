using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;

namespace Xuncha.EndToEndTests;

public sealed class SignInAndScopeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CountyUser_OpensVillageOfOwnCounty_AndIsRefusedOneOfAnother()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好，李示例").WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.Equal("义乌市", await page.Locator(".app-scope").InnerTextAsync());
        await page.ShotAsync(fixture, "01-home-yiwu");

        // Through the region browser: the tree shows only 义乌市, then 佛堂镇 → a community of it.
        await page.GotoAsync("/regions");
        await page.WaitInteractiveAsync();
        await page.GetByText("共 544 条").WaitForAsync();
        Assert.Equal(0, await page.Locator(".region-tree").GetByText("婺城区").CountAsync());
        await page.ShotAsync(fixture, "02a-region-browser");
        await page.Locator(".region-tree").GetByText("佛堂镇").ClickUntilAsync(() => Task.FromResult(page.Url.EndsWith("/regions/330782100", StringComparison.Ordinal)));
        await page.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "大成社区居委会", Exact = true }).ClickAsync();
        await page.GetByText("户籍人口").WaitForAsync();
        Assert.Contains("/villages/330782100014", page.Url);
        Assert.True(await page.GetByText("330782100014").First.IsVisibleAsync());
        Assert.True(await page.GetByText("佛堂镇").First.IsVisibleAsync());
        await page.ShotAsync(fixture, "02-village-own-county");

        // A village of 婺城区: refused with a Chinese message naming the user's scope.
        await page.GotoAsync("/villages/330702001008");
        var refusal = page.GetByTestId("forbidden");
        await refusal.WaitForAsync();
        var text = await refusal.InnerTextAsync();
        Assert.Contains("无权访问", text);
        Assert.Contains("不在您的数据范围（义乌市）内", text);
        Assert.DoesNotContain("户籍人口", await page.ContentAsync());
        await page.ShotAsync(fixture, "03-village-other-county-refused");
    }

    [Fact]
    public async Task WrongPassword_ShowsChineseMessage_AndStaysOnSignIn()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("wucheng", "not-the-password");
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("用户名或密码错误", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        Assert.Contains("/account/login", page.Url);
        await page.ShotAsync(fixture, "04-login-wrong-password");
    }

    [Fact]
    public async Task Admin_CreatesUser_WithFieldErrorsFirst()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("admin", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/admin/users");
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建用户" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.GetByText("请输入用户名。").WaitForAsync();
        Assert.True(await dialog.GetByText("请输入姓名。").IsVisibleAsync());
        Assert.True(await dialog.GetByText("请选择角色。").IsVisibleAsync());
        await page.ShotAsync(fixture, "05-user-form-errors");

        await dialog.Locator("#f-userName").FillAsync("e2e.new");
        await dialog.Locator("#f-displayName").FillAsync("端到端测试");
        // Under load the first click can land while the form re-renders its errors: open the list until it shows.
        var teamRole = page.Locator(".ant-select-item-option:visible").Filter(new() { HasText = "巡察组成员" });
        await dialog.Locator("#f-role").ClickUntilAsync(() => teamRole.IsVisibleAsync());
        await teamRole.ClickAsync();
        await dialog.Locator("#f-password").FillAsync("Passw0rdX");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "e2e.new" }).WaitForAsync();
        await page.ShotAsync(fixture, "06-user-created");
    }
}
