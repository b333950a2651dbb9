using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>报告清单 (issue 6): the office picks a round and a village, previews the report and downloads it and a list.</summary>
public sealed class DocumentsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string RoundName = "2026年第四轮村（社区）巡察";

    [Fact]
    public async Task Office_PicksRoundAndVillage_DownloadsTheReportAndTheProblemList()
    {
        var (villageName, township) = await SeedAsync();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/documents");
        await page.WaitInteractiveAsync();
        await page.GetByText("请选择巡察轮次；不选巡察对象时").WaitForAsync();

        var round = page.Locator(".ant-select-item-option:visible").Filter(new() { HasText = RoundName });
        await page.Locator("#f-round").ClickUntilAsync(() => round.IsVisibleAsync());
        await round.ClickAsync();
        await page.GetByText($"关于{RoundName}情况的报告").WaitForAsync();

        var village = page.Locator(".ant-select-item-option:visible").Filter(new() { HasText = villageName });
        await page.Locator("#f-village").ClickUntilAsync(() => village.IsVisibleAsync());
        await village.ClickAsync();
        await page.GetByText($"关于对{township}{villageName}党组织巡察情况的报告").WaitForAsync();
        Assert.Contains("1.财务制度", await page.Locator(".doc-preview").InnerTextAsync());
        Assert.Contains("2", await page.Locator("tr", new() { HasText = "问题清单" }).InnerTextAsync());
        await page.ShotAsync(fixture, "60-documents");

        var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-report").ClickAsync());
        Assert.Equal($"{township}{villageName}巡察报告.docx", report.SuggestedFilename);
        var path = Path.Combine(fixture.ScreenshotDir, "60-documents-report.docx");
        await report.SaveAsAsync(path);
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            Assert.Contains("收取卫生费未入账", doc.MainDocumentPart!.Document!.Body!.InnerText);
        }

        var list = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("tr", new() { HasText = "问题清单" }).GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
        Assert.Equal($"{township}{villageName}问题清单.xlsx", list.SuggestedFilename);
        var xlsx = Path.Combine(fixture.ScreenshotDir, "60-documents-problems.xlsx");
        await list.SaveAsAsync(xlsx);
        var rows = MiniExcel.Query(xlsx).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("问题清单", rows[0]["A"]);
        Assert.Equal(2, rows.Count(r => r["A"] is "1" or "2"));
    }

    private async Task<(string Village, string Township)> SeedAsync()
    {
        var factory = fixture.Services.GetRequiredService<IDbContextFactory<XunchaDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var village = await db.Regions.Include(r => r.Parent)
            .Where(r => r.Level == Xuncha.Core.Domain.Regions.RegionLevel.Village && r.Code.StartsWith("330782100")).OrderBy(r => r.Code).FirstAsync();
        var start = new DateOnly(2026, 9, 1);
        var round = new Round { Id = Guid.NewGuid(), Name = RoundName, RegionCode = "330782", StartDate = start, EndDate = start.AddDays(45), CreatedById = "e2e", CreatedAt = DateTimeOffset.UtcNow };
        db.Rounds.Add(round);
        db.RoundTargets.Add(new RoundTarget { Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = village.Code, PickedById = "e2e", PickedAt = DateTimeOffset.UtcNow });
        db.Findings.AddRange(
            new Finding
            {
                Id = Guid.NewGuid(), VillageCode = village.Code, RoundId = round.Id, Title = "收取卫生费未入账", Description = "2025年收取卫生费1.2万元未纳入村集体账户。",
                Amount = 12_000m, CategoryL1 = "群众身边腐败和不正之风", CategoryL2 = "财务制度", ResponsiblePeople = "村报账员", Source = "review", CreatedById = "e2e", CreatedAt = DateTimeOffset.UtcNow,
            },
            new Finding
            {
                Id = Guid.NewGuid(), VillageCode = village.Code, RoundId = round.Id, Title = "“三会一课”记录不全", CategoryL1 = "基层党组织建设", CategoryL2 = "组织生活",
                ResponsiblePeople = "村党组织书记", RectifiedOnTheSpot = true, Source = "visit", CreatedById = "e2e", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(1),
            });
        await db.SaveChangesAsync();
        return (Xuncha.Core.Features.Documents.DocumentTexts.VillageName(village.Name), village.Parent!.Name);
    }
}
