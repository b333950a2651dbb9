using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Reports;
using Xuncha.Core.Features.Screening;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security.Protection;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Reports;

/// <summary>
/// Reporter protection for every demo role: lists, exports and details never carry a reporter's
/// name or phone unless the role may read it; each permitted view is in the access log; no log
/// line of the host ever holds them (SQLite and PostgreSQL).
/// </summary>
public abstract class ReportProtectionTestsBase(XunchaAppFactory app)
{
    public static readonly TheoryData<string> Users = new(DemoSeeder.Users.Select(u => u.UserName));

    private static readonly HashSet<string> InboxViewers = ["city", "yiwu", "wucheng", "team", "jijian"];
    private static readonly HashSet<string> PetitionViewers = ["admin", "city", "yiwu", "wucheng", "team", "guide", "jijian"];
    private static readonly HashSet<string> ReporterReaders = ["city", "yiwu", "jijian"];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Reporter_ForRole_OnlyPermittedSeeItAndEveryViewIsLogged(string userName)
    {
        var scope = DemoSeeder.Users.Single(u => u.UserName == userName).ScopeCode;
        var (name, phone) = ("钮" + Random.Shared.Next(100000, 999999), "137" + Random.Shared.Next(10000000, 99999999));
        var token = await ReportsWorld.ChannelTokenAsync(app);
        string? receipt;
        using (var resident = ReportsWorld.Resident(app))
        {
            receipt = ReportsWorld.Receipt(await (await ReportsWorld.SubmitAsync(resident, token, "干部作风", "村干部办事推诿，群众反映强烈，请核查。", name, phone)).Content.ReadAsStringAsync());
            Assert.NotNull(receipt);
        }

        Guid reportId, petitionId;
        string village;
        await using (var db = await app.DbAsync())
        {
            var report = await db.PublicReports.SingleAsync(r => r.ReceiptNo == receipt);
            (reportId, village) = (report.Id, report.VillageCode);
            var cipher = app.Services.GetRequiredService<ProtectedDataCipher>();
            var petition = new Petition
            {
                Id = Guid.NewGuid(), VillageCode = village, PetitionNo = "PT-" + Guid.NewGuid().ToString("N")[..8], ReceivedDate = new DateOnly(2025, 5, 1),
                Category = "财务", Summary = "反映集体资产出租收入未公开", Status = "办理中",
                ReporterNameProtected = cipher.Protect(name), ReporterPhoneProtected = cipher.Protect(phone),
            };
            db.Petitions.Add(petition);
            await db.SaveChangesAsync();
            petitionId = petition.Id;
        }

        var covers = RegionCode.IsWithin(village, scope);
        using var client = await app.ClientForAsync(userName);
        var seen = new List<string>();

        async Task<HttpResponseMessage> Get(string url, HttpStatusCode expected)
        {
            var response = await client.GetAsync(url);
            Assert.True(expected == response.StatusCode, $"{userName} GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            seen.Add(response.Content.Headers.ContentType?.MediaType?.Contains("spreadsheet") == true
                ? await ReportsWorld.WorkbookTextAsync(response)
                : await response.Content.ReadAsStringAsync());
            return response;
        }

        var inbox = InboxViewers.Contains(userName);
        var list = await Get("/api/reports?pageSize=500", inbox ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        if (inbox)
        {
            var items = (await list.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(covers, items.Any(i => i.GetProperty("id").GetGuid() == reportId));
            if (covers)
            {
                var mine = items.Single(i => i.GetProperty("id").GetGuid() == reportId);
                Assert.Equal($"{ProtectedDataCipher.Mask(name)} / {ProtectedDataCipher.Mask(phone)}", mine.GetProperty("reporterMasked").GetString());
            }
        }

        await Get("/api/reports/export", inbox ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        var permitted = ReporterReaders.Contains(userName) && covers;
        var logged = await AccessCountAsync(AccessLog.PublicReporter, reportId);
        var detail = await Get($"/api/reports/{reportId}", !inbox ? HttpStatusCode.Forbidden : covers ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        Assert.Equal(permitted ? logged + 1 : logged, await AccessCountAsync(AccessLog.PublicReporter, reportId));
        if (permitted)
        {
            var d = await detail.JsonAsync();
            Assert.Equal(name, d.GetProperty("reporterName").GetString());
            Assert.Equal(phone, d.GetProperty("reporterPhone").GetString());
            seen.RemoveAt(seen.Count - 1);
        }

        var petitions = PetitionViewers.Contains(userName);
        var petitionStatus = !petitions ? HttpStatusCode.Forbidden : covers ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var plist = await Get($"/api/villages/{village}/petitions", petitionStatus);
        if (petitionStatus == HttpStatusCode.OK)
        {
            var row = (await plist.JsonAsync()).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == petitionId);
            Assert.True(row.GetProperty("named").GetBoolean());
            Assert.False(row.TryGetProperty("reporterName", out _));
        }

        await Get($"/api/villages/{village}/petitions/export", petitionStatus);
        var plogged = await AccessCountAsync(AccessLog.PetitionReporter, petitionId);
        var pdetail = await Get($"/api/petitions/{petitionId}", !petitions ? HttpStatusCode.Forbidden : covers ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        Assert.Equal(permitted ? plogged + 1 : plogged, await AccessCountAsync(AccessLog.PetitionReporter, petitionId));
        if (permitted)
        {
            Assert.Equal(name, (await pdetail.JsonAsync()).GetProperty("reporterName").GetString());
            seen.RemoveAt(seen.Count - 1);
        }

        Assert.All(seen, body => Assert.False(body.Contains(name) || body.Contains(phone), $"{userName} saw the reporter in: {body[..Math.Min(300, body.Length)]}"));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(name) || l.Contains(phone));
        Assert.NotEmpty(app.Logs.Lines);
    }

    [Fact]
    public async Task PetitionImport_WithReporters_StoresThemEncryptedAndListsWithout()
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var source = Path.Combine(settings.DataDir, "packages", "demo-" + DemoScreening.County);
        var folder = Path.Combine(settings.DataDir, "packages", "petitions-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var village = File.ReadLines(Path.Combine(folder, "villages.csv")).Skip(1).First().Split(',')[0];
        var (name, phone) = ("鲍" + Random.Shared.Next(100000, 999999), "135" + Random.Shared.Next(10000000, 99999999));
        File.WriteAllText(Path.Combine(folder, "petitions.csv"),
            "village_code,petition_no,received_date,category,summary,reporter_name,reporter_phone,status\n"
            + $"{village},XF-T-1,2025-03-01,财务,反映村集体资金使用不透明,{name},{phone},办理中\n"
            + $"{village},XF-T-2,2025-04-01,村务公开,反映村务公开不及时,,,已办结\n");

        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RunScreeningHandler>()
                .Handle(new RunScreening(folder, "信访测试包", "test", DemoScreening.County), null);
            Assert.Empty(result.Errors);
        }

        await using (var db = await app.DbAsync())
        {
            var raw = await db.Database.SqlQuery<string>($"SELECT \"ReporterNameProtected\" AS \"Value\" FROM petitions WHERE \"VillageCode\" = {village} AND \"PetitionNo\" = 'XF-T-1'").SingleAsync();
            var rawPhone = await db.Database.SqlQuery<string>($"SELECT \"ReporterPhoneProtected\" AS \"Value\" FROM petitions WHERE \"VillageCode\" = {village} AND \"PetitionNo\" = 'XF-T-1'").SingleAsync();
            Assert.StartsWith("v1:", raw);
            Assert.DoesNotContain(name, raw);
            Assert.DoesNotContain(phone, rawPhone);
            Assert.Equal(name, app.Services.GetRequiredService<ProtectedDataCipher>().Unprotect(raw));
            var anonymous = await db.Petitions.SingleAsync(p => p.VillageCode == village && p.PetitionNo == "XF-T-2");
            Assert.Null(anonymous.ReporterNameProtected);
        }

        using var client = await app.ClientForAsync("yiwu");
        var list = await client.GetStringAsync($"/api/villages/{village}/petitions");
        Assert.Contains("XF-T-1", list);
        Assert.DoesNotContain(name, list);
        Assert.DoesNotContain(phone, list);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(name) || l.Contains(phone));
    }

    private async Task<int> AccessCountAsync(string kind, Guid id)
    {
        await using var db = await app.DbAsync();
        var recordId = id.ToString();
        return await db.AccessLog.CountAsync(a => a.Kind == kind && a.RecordId == recordId);
    }
}

[Collection("sqlite")]
public sealed class SqliteReportProtectionTests(ReportsSqliteFixture fixture) : ReportProtectionTestsBase(fixture.App), IClassFixture<ReportsSqliteFixture>;

[Collection("postgres")]
public sealed class PostgresReportProtectionTests(ReportsPostgresFixture fixture) : ReportProtectionTestsBase(fixture.App), IClassFixture<ReportsPostgresFixture>;
