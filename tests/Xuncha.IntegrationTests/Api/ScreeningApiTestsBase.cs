using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Setup;
using Microsoft.AspNetCore.Hosting;
using Xuncha.IntegrationTests.Infrastructure;
using Xuncha.Screening.Synthetic;

namespace Xuncha.IntegrationTests.Api;

/// <summary>Upload, re-screen, scope and triage through the API, on both databases.</summary>
public abstract class ScreeningApiTestsBase(XunchaAppFactory app)
{
    /// <summary>A generated package in a temp folder; dispose it to delete the folder.</summary>
    private static TempFolder Package(string countyPrefix, int villages, string rule)
    {
        var regions = ReferenceData.ReadRegions();
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        var list = regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(countyPrefix, StringComparison.Ordinal))
            .Skip(200).Take(villages)
            .Select((r, i) => PackageGenerator.Village(i, r.Code, r.Name, names[r.Code[..9]], names[r.Code[..6]])).ToList();
        var folder = new TempFolder("api-pkg");
        PackageGenerator.Generate(list, new GeneratorOptions(new DateOnly(2024, 12, 31), Background: false, Rules: new HashSet<string> { rule }), folder.Folder);
        return folder;
    }

    private static MultipartFormDataContent Form(string folder, string scope)
    {
        var form = new MultipartFormDataContent { { new StringContent(scope), "scopeCode" } };
        foreach (var file in Directory.GetFiles(folder, "*.csv").Where(f => !f.EndsWith("expected.csv", StringComparison.Ordinal)))
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(file)), "files", Path.GetFileName(file));
        }

        return form;
    }

    [Fact]
    public async Task Upload_ByCountyOffice_StoresLeads_AndAgainMarksNothingNew()
    {
        using var client = await app.ClientForAsync("yiwu");
        using var package = Package("330782", 4, "C01");
        var folder = package.Folder;
        var first = await client.PostAsync("/api/screening/runs", Form(folder, "330782"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var result = await first.JsonAsync();
        Assert.Equal(1, result.GetProperty("leads").GetInt32());
        Assert.Equal(1, result.GetProperty("newLeads").GetInt32());

        var again = await (await client.PostAsync("/api/screening/runs", Form(folder, "330782"))).JsonAsync();
        Assert.Equal(0, again.GetProperty("newLeads").GetInt32());
        await using var db = await app.DbAsync();
        var lead = await db.Leads.SingleAsync(l => l.RuleCode == "C01" && l.Ref.StartsWith("GC-C01-") && l.VillageCode.StartsWith("330782") && l.FirstBatchId != l.LastBatchId);
        Assert.False(lead.IsNew);
        Assert.Contains("合同", lead.EvidenceJson);

        var run = await (await client.GetAsync($"/api/screening/runs/{again.GetProperty("batchId").GetString()}")).JsonAsync();
        Assert.Equal("Completed", run.GetProperty("batch").GetProperty("status").GetString());
        Assert.Equal(1000m, run.GetProperty("record").GetProperty("rules").EnumerateArray().First(r => r.GetProperty("code").GetString() == "R02")
            .GetProperty("thresholds").GetProperty("cash_limit").GetDecimal());
    }

    [Fact]
    public async Task Upload_OfAnotherCountysVillages_IsRefusedWholeWithEachVillageNamed()
    {
        using var client = await app.ClientForAsync("yiwu");
        await using var before = await app.DbAsync();
        var leadsBefore = await before.Leads.CountAsync();
        using var package = Package("330702", 2, "R02");
        var response = await client.PostAsync("/api/screening/runs", Form(package.Folder, "330782"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        var first = problem.GetProperty("packageErrors")[0];
        Assert.Contains("不在本次导入的范围（义乌市）内", first.GetProperty("reason").GetString());
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        await using var after = await app.DbAsync();
        Assert.Equal(leadsBefore, await after.Leads.CountAsync());
    }

    [Fact]
    public async Task Upload_OfABadPackage_ListsEveryBadRow()
    {
        using var client = await app.ClientForAsync("city");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("village_code,village_name\n330782001001,江滨社区居委会\n"u8.ToArray()), "files", "villages.csv" },
            { new ByteArrayContent("village_code,voucher_no,date,account_code,debit\n330782001001,V1,2024-13-45,101,100\n330782001001,V2,2024-01-01,101,x\n"u8.ToArray()), "files", "entries.csv" },
        };
        var response = await client.PostAsync("/api/screening/runs", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("packageErrors");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Equal(3, errors[1].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Upload_OfAnExecutable_IsRefused()
    {
        using var client = await app.ClientForAsync("city");
        var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "files", "setup.exe" } };
        var response = await client.PostAsync("/api/screening/runs", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只能上传 .csv 或 .xlsx", (await response.JsonAsync()).GetProperty("errors").GetProperty("files")[0].GetString());
    }

    [Fact]
    public async Task Confirm_CreatesAFinding_Dismiss_NeedsAReason_AndNothingIsTriagedTwice()
    {
        using var client = await app.ClientForAsync("team");
        await using var db = await app.DbAsync();
        var open = await db.Leads.Where(l => l.Status == LeadStatus.Open && l.VillageCode.StartsWith("330782")).OrderBy(l => l.Id).Take(2).ToListAsync();
        var round = await TeamSeed.RoundAsync(db, "330782", open.Select(l => l.VillageCode).Distinct());
        await TeamSeed.JoinTeamAccountAsync(db, round.Id);
        var confirm = await client.PostAsJsonAsync($"/api/leads/{open[0].Id}/confirm", new { title = "测试问题", amount = 1234.5m });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var findingId = Guid.Parse((await confirm.JsonAsync()).GetProperty("findingId").GetString()!);
        await using (var check = await app.DbAsync())
        {
            var finding = await check.Findings.SingleAsync(f => f.Id == findingId);
            Assert.Equal((1234.5m, open[0].VillageCode, "lead"), (finding.Amount, finding.VillageCode, finding.Source));
        }

        var twice = await client.PostAsJsonAsync($"/api/leads/{open[0].Id}/confirm", new { title = "再次" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("已研判", (await twice.JsonAsync()).GetProperty("detail").GetString());

        var noReason = await client.PostAsJsonAsync($"/api/leads/{open[1].Id}/dismiss", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("排除理由", (await noReason.JsonAsync()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/leads/{open[1].Id}/dismiss", new { reason = "正常业务" })).StatusCode);

        var dismissed = await (await client.GetAsync("/api/leads?status=Dismissed&pageSize=500")).JsonAsync();
        Assert.Contains(dismissed.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == open[1].Id.ToString());
    }

    [Fact]
    public async Task Leads_FilteredByVillageNameOrCode()
    {
        using var client = await app.ClientForAsync("city");
        await using var db = await app.DbAsync();
        var lead = await db.Leads.OrderBy(l => l.VillageCode).FirstAsync();
        var name = await db.Regions.Where(r => r.Code == lead.VillageCode).Select(r => r.Name).SingleAsync();
        foreach (var filter in new[] { name, lead.VillageCode })
        {
            var page = await (await client.GetAsync($"/api/leads?village={Uri.EscapeDataString(filter)}&pageSize=500")).JsonAsync();
            var expected = await db.Leads.CountAsync(l => l.VillageCode == lead.VillageCode);
            Assert.Equal(expected, page.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task Export_IsAChineseWorkbookOfTheFilteredLeads()
    {
        using var client = await app.ClientForAsync("yiwu");
        var response = await client.GetAsync("/api/leads/export?rule=R01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("R01", r["规则编号"]));
        Assert.Contains("说明", rows[0].Keys);
    }
}

[Collection("sqlite")]
public sealed class SqliteScreeningApiTests(SqliteAppFixture fixture) : ScreeningApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresScreeningApiTests(PostgresAppFixture fixture) : ScreeningApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;

/// <summary>The early-warning service with a short interval re-screens the stored demo package by itself.</summary>
public sealed class EarlyWarningTests
{
    [Fact]
    public async Task Schedule_RescreensStoredPackages_AndKeepsLeadsUnique()
    {
        await using var app = new XunchaAppFactory(TestDatabase.Sqlite());
        await app.InitializeAsync();
        await using (var db0 = await app.DbAsync())
        {
            Assert.Equal(0, await db0.ScreeningBatches.CountAsync(b => b.Trigger == "schedule"));
        }

        using var withSchedule = app.WithWebHostBuilder(b => b.UseSetting("XUNCHA_SCREENING_INTERVAL", "00:00:01"));
        withSchedule.CreateClient().Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await app.DbAsync();
            if (await db.ScreeningBatches.AnyAsync(b => b.Trigger == "schedule" && b.Status == BatchStatus.Completed))
            {
                var seeded = await db.Leads.CountAsync();
                Assert.Equal(await db.ScreeningBatches.Where(b => b.Trigger == "seed").Select(b => b.LeadCount).SingleAsync(), seeded);
                Assert.Equal(0, await db.Leads.CountAsync(l => l.IsNew));
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "no scheduled run within 60 s");
            await Task.Delay(500);
        }
    }
}
