using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security.Protection;

namespace Xuncha.EndToEndTests;

/// <summary>群众反映 (issue 5): a resident reports by the QR page on a phone; the county office sees it masked, then in clear on its own page, and the view is logged.</summary>
public sealed class ReportTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Name = "邵建华";
    private const string Phone = "13912345678";

    [Fact]
    public async Task Resident_ReportsByQrPage_OfficeSeesItMaskedThenInClearWithRecordedView()
    {
        var (channelId, token, villageName) = await ChannelAsync();

        // A phone, signed out.
        var phone = await fixture.NewPageAsync(390, 844);
        await phone.GotoAsync($"/r/{token}");
        Assert.Equal($"{villageName}巡察 群众反映", await phone.Locator(".pr-title").InnerTextAsync());
        Assert.Contains("巡察组联系方式", await phone.Locator(".pr-contact").InnerTextAsync());
        Assert.True(await phone.Locator("#anonymous").IsCheckedAsync());
        Assert.False(await phone.Locator("#name").IsVisibleAsync());
        await phone.ShotAsync(fixture, "80-public-report-form");

        await phone.Locator("#category").SelectOptionAsync("工程");
        await phone.Locator("#content").FillAsync("村里新建的文化礼堂工程拆成了好几个小合同，没有公开招标，请巡察组核查。");
        await phone.Locator("#anonymous").UncheckAsync();
        await phone.Locator("#name").FillAsync(Name);
        await phone.Locator("#phone").FillAsync(Phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();
        var receipt = await phone.GetByTestId("receipt").InnerTextAsync();
        Assert.Matches(@"^\d{8}-[0-9A-Z]{6}$", receipt);
        Assert.DoesNotContain(token, await phone.Locator(".pr-thanks p").AllInnerTextsAsync() is var texts ? string.Join("", texts) : "");
        await phone.ShotAsync(fixture, "81-public-report-receipt");

        // The county office: masked in the inbox.
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/reports");
        await page.WaitInteractiveAsync();
        var row = page.Locator("tr", new() { HasText = receipt });
        await row.WaitForAsync();
        Assert.Contains($"{ProtectedDataCipher.Mask(Name)} / {ProtectedDataCipher.Mask(Phone)}", await row.InnerTextAsync());
        Assert.DoesNotContain(Name, await page.ContentAsync());
        Assert.DoesNotContain(Phone, await page.ContentAsync());
        Assert.True(await page.Locator("tr", new() { HasText = "匿名" }).CountAsync() > 0);
        await page.ShotAsync(fixture, "82-reports-inbox");

        // Its own page: the reporter in clear, with the note that the view is recorded, and a log row.
        await row.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await page.GetByTestId("reporter-name").WaitForAsync();
        Assert.Equal(Name, await page.GetByTestId("reporter-name").InnerTextAsync());
        Assert.Equal(Phone, await page.GetByTestId("reporter-phone").InnerTextAsync());
        await page.GetByText("您的查看已记录").WaitForAsync();
        await page.ShotAsync(fixture, "83-report-detail");
        Assert.Equal(1, await AccessRowsAsync(receipt));

        // The printable notice with the QR code.
        await page.GotoAsync($"/reports/notice/{channelId}");
        await page.Locator(".notice-title").WaitForAsync();
        Assert.Contains(villageName, await page.Locator(".notice-lead").InnerTextAsync());
        foreach (var heading in new[] { "巡察组联系方式", "反映渠道", "受理范围", "保护举报人承诺" })
        {
            Assert.Contains(heading, await page.Locator(".notice-sheet h2").AllInnerTextsAsync() is var h ? string.Join("|", h) : "");
        }

        Assert.True(await page.Locator(".notice-qr img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.EndsWith($"/r/{token}", await page.Locator(".notice-url").InnerTextAsync());
        await page.ShotAsync(fixture, "84-report-notice");
    }

    private async Task<(Guid Id, string Token, string VillageName)> ChannelAsync()
    {
        using var scope = fixture.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
        var channel = await db.ReportChannels.OrderBy(c => c.VillageCode).FirstAsync();
        var name = await db.Regions.Where(r => r.Code == channel.VillageCode).Select(r => r.Name).SingleAsync();
        return (channel.Id, channel.Token, name);
    }

    private async Task<int> AccessRowsAsync(string receipt)
    {
        using var scope = fixture.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
        var id = (await db.PublicReports.SingleAsync(r => r.ReceiptNo == receipt)).Id.ToString();
        return await db.AccessLog.CountAsync(a => a.Kind == AccessLog.PublicReporter && a.RecordId == id);
    }
}
