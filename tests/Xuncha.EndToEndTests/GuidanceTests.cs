using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;

namespace Xuncha.EndToEndTests;

/// <summary>指导组 (issue 5): the guidance group adopts a suggestion and raises a new one, with a field error first.</summary>
public sealed class GuidanceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task GuidanceGroup_AdoptsASuggestionAndRaisesANewOne()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("guide", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/guidance");
        await page.WaitInteractiveAsync();
        await page.GetByText("市委巡察第一指导组（婺城）").First.WaitForAsync();
        var raised = page.Locator("tr.ant-table-row", new() { HasText = "提出" }).Filter(new() { Has = page.GetByText("采纳", new() { Exact = true }) }).First;
        await raised.WaitForAsync();
        var text = await raised.Locator("td").Nth(1).InnerTextAsync();
        await page.ShotAsync(fixture, "65-guidance");

        await raised.GetByText("采纳", new() { Exact = true }).ClickUntilAsync(async () =>
            (await page.Locator("tr.ant-table-row", new() { HasText = text }).InnerTextAsync()).Contains("落实", StringComparison.Ordinal));

        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "提出意见建议" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.Locator(".x-field-error").First.WaitForAsync();
        await dialog.Locator("#f-text").FillAsync("建议村务监督委员会每季度核对一次集体资产台账");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GetByText("建议村务监督委员会每季度核对一次集体资产台账").WaitForAsync();
        await page.ShotAsync(fixture, "66-guidance-raised");
    }

    [Fact]
    public async Task CountyOffice_SetsUpAGuidanceGroupWithMembersAndVillages()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/guidance");
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建指导组" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.GetByText("请填写指导组名称").WaitForAsync();

        var name = "义乌市委巡察指导组" + Random.Shared.Next(1000, 9999);
        await dialog.Locator("#g-name").FillAsync(name);
        await dialog.Locator("#g-members").FillAsync("陈指导、王组员");
        var options = page.Locator(".ant-select-dropdown:visible .ant-select-item-option");
        await dialog.Locator("div#g-villages").ClickUntilAsync(() => options.First.IsVisibleAsync());
        var first = await options.Nth(0).InnerTextAsync();
        await options.Nth(0).ClickAsync(new() { Force = true });
        await options.Nth(1).ClickAsync(new() { Force = true });
        await dialog.Locator(".ant-modal-title").ClickAsync();
        await page.ShotAsync(fixture, "67-guidance-group-form");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        var descriptions = page.Locator(".ant-descriptions");
        await descriptions.GetByText("陈指导").WaitForAsync();
        Assert.Contains(first.Trim(), await descriptions.InnerTextAsync());
        Assert.Contains(name, await page.Locator("div#f-group").InnerTextAsync());
        await page.ShotAsync(fixture, "68-guidance-group-saved");
    }
}
