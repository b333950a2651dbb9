using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;

namespace Xuncha.EndToEndTests;

/// <summary>The triage journey of issue 3: leads list → a lead with its evidence → confirm into a finding, or dismiss with a reason.</summary>
public sealed class TriageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CountyOffice_ConfirmsOneLeadAndDismissesAnother()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好，李示例").WaitForAsync();

        await page.GotoAsync("/screening/leads");
        await page.WaitInteractiveAsync();
        await page.Locator("td", new() { HasText = "坐收坐支" }).First.WaitForAsync();
        Assert.Contains("共 39 条", await page.Locator(".table-total").InnerTextAsync());
        await page.ShotAsync(fixture, "10-leads-list");

        // A lead with its evidence rows and rule card.
        await page.GotoAsync("/screening/leads");
        await page.WaitInteractiveAsync();
        var row = page.Locator("tr", new() { HasText = "R01 坐收坐支" }).Filter(new() { HasText = "12,000.00" });
        await row.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await page.GetByTestId("explanation").WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.Contains("直接列支在建工程，未经银行或现金账户", await page.GetByTestId("explanation").InnerTextAsync());
        Assert.True(await page.GetByText("证据：记账凭证分录").IsVisibleAsync());
        Assert.True(await page.GetByText("规则卡片").IsVisibleAsync());
        await page.ShotAsync(fixture, "11-lead-evidence");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认为问题" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.Locator("#f-amount input").FillAsync("11500");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认并生成问题" }).ClickAsync();
        await page.ShotAsync(fixture, "12a-after-confirm");
        await page.GetByText("已生成问题记录").WaitForAsync();
        Assert.True(await page.Locator(".ant-page-header").GetByText("已确认").IsVisibleAsync());
        await page.ShotAsync(fixture, "12-lead-confirmed");

        // Dismissing needs a reason.
        await page.GotoAsync("/screening/leads");
        await page.WaitInteractiveAsync();
        var other = page.Locator("tr", new() { HasText = "R02 大额现金支付" }).First;
        await other.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await page.GetByTestId("explanation").WaitForAsync();
        await page.WaitInteractiveAsync();
        var dismiss = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "排除" }).ClickUntilAsync(() => dismiss.IsVisibleAsync());
        await dismiss.GetByRole(AriaRole.Button, new() { Name = "确认排除" }).ClickAsync();
        await dismiss.GetByText("请填写排除理由").WaitForAsync();
        await dismiss.Locator("#f-reason").FillAsync("经核实为村民代表会议批准的应急支出");
        await dismiss.GetByRole(AriaRole.Button, new() { Name = "确认排除" }).ClickAsync();
        await page.GetByText("经核实为村民代表会议批准的应急支出").WaitForAsync();
        Assert.True(await page.Locator(".ant-page-header").GetByText("已排除").IsVisibleAsync());

        // The rule library counts both.
        await page.GotoAsync("/screening/rules");
        await page.WaitInteractiveAsync();
        var r01 = page.Locator("tr", new() { HasText = "坐收坐支" });
        await r01.WaitForAsync();
        Assert.Contains("100%", await r01.InnerTextAsync());
        await page.ShotAsync(fixture, "13-rules");
    }

    [Fact]
    public async Task Upload_InvalidPackage_ListsTheBadRows()
    {
        using var temp = new TempFolder("upload");
        var folder = temp.Folder;
        var villages = Path.Combine(folder, "villages.csv");
        var entries = Path.Combine(folder, "entries.csv");
        await File.WriteAllTextAsync(villages, "village_code,village_name\n330782001001,江滨社区居委会\n");
        await File.WriteAllTextAsync(entries, "village_code,voucher_no,date,account_code,debit\n330782001001,V1,2024-13-45,101,100\n");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/screening/imports");
        await page.WaitInteractiveAsync();
        await page.Locator("#f-files").SetInputFilesAsync([villages, entries]);
        await page.GetByRole(AriaRole.Button, new() { Name = "开始导入并筛查" }).ClickAsync();
        var list = page.GetByTestId("package-errors");
        await list.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("entries.csv 第 2 行「记账日期」", await list.InnerTextAsync());
        await page.ShotAsync(fixture, "14-upload-invalid");
    }
}
