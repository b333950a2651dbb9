using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>The field journey of issue 5: a lead becomes a finding with an amount, a recovery is recorded, the city transfers a clue.</summary>
public sealed class FindingsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TeamRaisesFindingAndRecovery_CityTransfersClueAndViewsIt()
    {
        Guid leadId;
        await using (var db = await fixture.DbAsync())
        {
            leadId = await db.Leads.Where(l => l.Status == LeadStatus.Open && l.RuleCode == "R02" && l.VillageCode.StartsWith("330782"))
                .OrderByDescending(l => l.Ref).Select(l => l.Id).FirstAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好，李示例").WaitForAsync();
        await page.GotoAsync($"/screening/leads/{leadId}");
        await page.GetByTestId("explanation").WaitForAsync();
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认为问题" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.Locator("#f-title").FillAsync("大额现金支付未经审批");
        await dialog.Locator("#f-amount input").FillAsync("8800");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认并生成问题" }).ClickAsync();
        await page.GetByText("已生成问题记录").ClickAsync();

        await page.GetByTestId("amount").WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.Equal("8,800.00 元", await page.GetByTestId("amount").InnerTextAsync());
        Assert.Equal("0.00 元", await page.GetByTestId("recovered").InnerTextAsync());
        var findingUrl = page.Url;
        await page.Locator("#f-rec-amount input").FillAsync("3200.5");
        await page.Locator("#f-rec-note").FillAsync("已退还村集体账户");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记挽回损失" }).ClickUntilAsync(async () => await page.GetByText("已退还村集体账户").CountAsync() > 0);
        await page.GetByTestId("recovered-total").GetByText("合计挽回 3,200.50 元").WaitForAsync();
        Assert.Equal("3,200.50 元", await page.GetByTestId("recovered").InnerTextAsync());
        await page.ShotAsync(fixture, "70-finding-recovery");

        // Editing asks for the category a confirmed lead does not carry yet.
        var edit = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickUntilAsync(() => edit.IsVisibleAsync());
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await edit.GetByText("请从问题分类中选择一级分类。").WaitForAsync();
        await page.ShotAsync(fixture, "71-finding-edit");
        await edit.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        // The city office transfers a clue, then reads it: the view is recorded.
        var city = await fixture.NewPageAsync();
        await city.SignInAsync("city", DemoSeeder.Password);
        await city.GetByText("您好").First.WaitForAsync();
        await city.GotoAsync(findingUrl);
        await city.GetByTestId("amount").WaitForAsync();
        await city.WaitInteractiveAsync();
        await city.GetByRole(AriaRole.Tab, new() { Name = "线索移交" }).ClickUntilAsync(() => city.Locator("#f-clue-unit").IsVisibleAsync());
        await city.Locator("#f-clue-unit").FillAsync("义乌市纪委市监委");
        const string secret = "报账员以现金方式支付工程款且无审批单据，涉嫌虚列支出";
        await city.Locator("#f-clue-content").FillAsync(secret);
        await city.Locator("#f-clue-persons").FillAsync("村报账员");
        await city.ShotAsync(fixture, "71-clue-form");
        await city.GetByRole(AriaRole.Button, new() { Name = "移交线索" }).ClickAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "确认移交" }).ClickAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "查看线索内容" }).ClickAsync();
        await city.GetByText("您的查看已记录").WaitForAsync();
        Assert.Equal(secret, await city.GetByTestId("clue-content").InnerTextAsync());
        await city.ShotAsync(fixture, "72-clue-details");

        await using (var db = await fixture.DbAsync())
        {
            var clue = await db.ClueTransfers.SingleAsync(c => c.ToUnit == "义乌市纪委市监委");
            Assert.Equal(1, await db.AccessLog.CountAsync(a => a.Kind == "clue" && a.RecordId == clue.Id.ToString()));
        }

        // The clue list shows that it was transferred, never what it says.
        await city.GotoAsync("/clues");
        await city.GetByText("大额现金支付未经审批").WaitForAsync();
        Assert.DoesNotContain(secret, await city.ContentAsync());
        await city.ShotAsync(fixture, "73-clues-list");

        await page.GotoAsync("/findings");
        var listed = page.Locator("tr", new() { HasText = "大额现金支付未经审批" });
        await listed.WaitForAsync();
        Assert.Contains("已移交纪检监察", await listed.InnerTextAsync());
        Assert.Contains("3,200.50", await listed.InnerTextAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync());
        await page.ShotAsync(fixture, "70-findings-list");

        await page.GotoAsync("/cases");
        await page.Locator(".case-card").First.WaitForAsync();
        Assert.Equal(2, await page.Locator(".case-card").CountAsync());
        await page.ShotAsync(fixture, "74-cases");
    }
}
