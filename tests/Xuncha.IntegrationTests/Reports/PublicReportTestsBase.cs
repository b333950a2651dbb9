using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Security.Protection;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Reports;

/// <summary>The public page /r/{token}: submit, honeypot, size and rate limits (SQLite and PostgreSQL).</summary>
public abstract class PublicReportTestsBase(XunchaAppFactory app)
{
    private const string Content = "村里修路工程没有公开招标，工程款去向不明，请巡察组核查。";

    [Fact]
    public async Task Submit_Named_StoresReporterEncryptedAndShowsReceipt()
    {
        var token = await ReportsWorld.ChannelTokenAsync(app);
        var name = "邵" + Random.Shared.Next(100000, 999999);
        var phone = "139" + Random.Shared.Next(10000000, 99999999);
        using var client = ReportsWorld.Resident(app);
        var page = await client.GetStringAsync($"/r/{token}");
        Assert.Contains("巡察 群众反映", page);
        Assert.Contains("巡察组联系方式", page);

        var response = await ReportsWorld.SubmitAsync(client, token, "工程", Content, name, phone);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("提交成功", html);
        var receipt = ReportsWorld.Receipt(html);
        Assert.NotNull(receipt);
        Assert.DoesNotContain(token, html[html.IndexOf("提交成功", StringComparison.Ordinal)..].Split("pr-link")[0]);

        await using var db = await app.DbAsync();
        var rawName = await db.Database.SqlQuery<string>($"SELECT \"ReporterNameProtected\" AS \"Value\" FROM public_reports WHERE \"ReceiptNo\" = {receipt}").SingleAsync();
        var rawPhone = await db.Database.SqlQuery<string>($"SELECT \"ReporterPhoneProtected\" AS \"Value\" FROM public_reports WHERE \"ReceiptNo\" = {receipt}").SingleAsync();
        Assert.StartsWith("v1:", rawName);
        Assert.DoesNotContain(name, rawName);
        Assert.DoesNotContain(phone, rawPhone);
        var cipher = app.Services.GetRequiredService<ProtectedDataCipher>();
        Assert.Equal(name, cipher.Unprotect(rawName));
        Assert.Equal(phone, cipher.Unprotect(rawPhone));
        var report = await db.PublicReports.SingleAsync(r => r.ReceiptNo == receipt);
        Assert.False(report.Anonymous);
        Assert.Equal("工程", report.Category);
        Assert.Equal("待处理", report.Status);
        Assert.Equal(32, report.SourceIpHash.Length);
        Assert.DoesNotContain("10.9.", report.SourceIpHash);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(name) || l.Contains(phone));
    }

    [Fact]
    public async Task Handle_ToFinding_OpensAFindingWithoutTheReporter()
    {
        var token = await ReportsWorld.ChannelTokenAsync(app);
        var name = "柯" + Random.Shared.Next(100000, 999999);
        var phone = "137" + Random.Shared.Next(10000000, 99999999);
        using var resident = ReportsWorld.Resident(app);
        var receipt = ReportsWorld.Receipt(await (await ReportsWorld.SubmitAsync(resident, token, "财务", "村里账目不公开，" + name + "反映的问题。", name, phone)).Content.ReadAsStringAsync());
        Guid id;
        await using (var db = await app.DbAsync())
        {
            id = (await db.PublicReports.SingleAsync(r => r.ReceiptNo == receipt)).Id;
        }

        using var office = await app.ClientForAsync("yiwu");
        var handled = await office.PostAsJsonAsync($"/api/reports/{id}/handle", new { status = "已转问题", note = "列入问题台账核查" });
        Assert.Equal(HttpStatusCode.NoContent, handled.StatusCode);

        await using var check = await app.DbAsync();
        var report = await check.PublicReports.SingleAsync(r => r.Id == id);
        var finding = await check.Findings.SingleAsync(f => f.Source == "report" && f.Description.Contains(receipt!));
        Assert.Equal("已转问题", report.Status);
        Assert.Equal(report.VillageCode, finding.VillageCode);
        Assert.Equal(report.RoundId, finding.RoundId);
        Assert.StartsWith("群众反映（财务）：", finding.Title);
        Assert.DoesNotContain(phone, finding.Description);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/reports/{id}/handle", new { status = "已转问题" })).StatusCode);
        Assert.Equal(1, await check.Findings.CountAsync(f => f.Description.Contains(receipt!)));
    }

    [Fact]
    public async Task Handle_ToLeadAndToFinding_RecordTheNewRecordOnTheReport()
    {
        var (leadReport, leadReceipt) = await SubmitOneAsync("村干部亲属低价承包鱼塘，合同没有公开招标。");
        var (findingReport, _) = await SubmitOneAsync("村里修路工程款去向不明。");
        using var team = await app.ClientForAsync("team");
        Assert.Equal(HttpStatusCode.NoContent, (await team.PostAsJsonAsync($"/api/reports/{leadReport}/handle", new { status = "已转疑似问题" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.PostAsJsonAsync($"/api/reports/{findingReport}/handle", new { status = "已转问题" })).StatusCode);

        var detail = await (await team.GetAsync($"/api/reports/{leadReport}")).JsonAsync();
        var leadId = detail.GetProperty("links").GetProperty("leadId").GetString();
        var lead = await (await team.GetAsync($"/api/leads/{leadId}")).JsonAsync();
        Assert.Equal("QZFY", lead.GetProperty("lead").GetProperty("ruleCode").GetString());
        Assert.Equal(leadReceipt, lead.GetProperty("lead").GetProperty("ref").GetString());
        Assert.Contains("鱼塘", lead.GetProperty("lead").GetProperty("explanation").GetString());
        Assert.Equal("群众反映", lead.GetProperty("rule").GetProperty("name").GetString());

        var other = await (await team.GetAsync($"/api/reports/{findingReport}")).JsonAsync();
        var findingId = other.GetProperty("links").GetProperty("findingId").GetString();
        var finding = await (await team.GetAsync($"/api/findings/{findingId}")).JsonAsync();
        Assert.Equal("report", finding.GetProperty("row").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Visit_FollowingUpAReport_MarksItToVisitAndIsListedOnIt()
    {
        var (reportId, receipt) = await SubmitOneAsync("低保户名单里有村干部的亲戚。");
        Guid roundId;
        string village;
        await using (var db = await app.DbAsync())
        {
            var report = await db.PublicReports.SingleAsync(r => r.Id == reportId);
            (roundId, village) = (report.RoundId, report.VillageCode);
        }

        using var team = await app.ClientForAsync("team");
        var links = await (await team.GetAsync($"/api/field-records/links?roundId={roundId}&villageCode={village}")).JsonAsync();
        Assert.Contains(links.GetProperty("reports").EnumerateArray(), r => r.GetProperty("label").GetString()!.StartsWith(receipt));

        var body = new { kind = 0, roundId, villageCode = village, date = "2026-01-10", personName = "王某", personCategory = "低保户", learned = "核实低保名单情况。", publicReportId = reportId };
        var saved = await team.PostAsJsonAsync("/api/field-records", body);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var detail = await (await team.GetAsync($"/api/reports/{reportId}")).JsonAsync();
        Assert.Equal("已转走访", detail.GetProperty("report").GetProperty("status").GetString());
        var visit = Assert.Single(detail.GetProperty("links").GetProperty("visits").EnumerateArray());
        Assert.Equal("王某", visit.GetProperty("personName").GetString());

        await using var check = await app.DbAsync();
        var other = await check.PublicReports.Where(r => r.VillageCode != village).Select(r => r.Id).FirstOrDefaultAsync();
        if (other != Guid.Empty)
        {
            var refused = await team.PostAsJsonAsync("/api/field-records", body with { publicReportId = other });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("关联的群众反映不属于该轮次的这个村（社区）。", (await refused.JsonAsync()).GetProperty("errors").GetProperty("publicReportId")[0].GetString());
        }
    }

    private async Task<(Guid Id, string Receipt)> SubmitOneAsync(string content)
    {
        var token = await ReportsWorld.ChannelTokenAsync(app);
        using var resident = ReportsWorld.Resident(app);
        var receipt = ReportsWorld.Receipt(await (await ReportsWorld.SubmitAsync(resident, token, "其他", content)).Content.ReadAsStringAsync())!;
        await using var db = await app.DbAsync();
        return ((await db.PublicReports.SingleAsync(r => r.ReceiptNo == receipt)).Id, receipt);
    }

    [Fact]
    public async Task Submit_Anonymous_KeepsNoReporter()
    {
        var token = await ReportsWorld.ChannelTokenAsync(app);
        using var client = ReportsWorld.Resident(app);
        var html = await (await ReportsWorld.SubmitAsync(client, token, "惠民资金", "低保金发放不公平，有的人不符合条件也领到了。")).Content.ReadAsStringAsync();
        var receipt = ReportsWorld.Receipt(html);
        Assert.NotNull(receipt);
        await using var db = await app.DbAsync();
        var report = await db.PublicReports.SingleAsync(r => r.ReceiptNo == receipt);
        Assert.True(report.Anonymous);
        Assert.Null(report.ReporterNameProtected);
        Assert.Null(report.ReporterPhoneProtected);
    }

    [Fact]
    public async Task Submit_HoneypotFilled_ShowsReceiptButStoresNothing()
    {
        var token = await ReportsWorld.ChannelTokenAsync(app);
        await using var before = await app.DbAsync();
        var count = await before.PublicReports.CountAsync();
        using var client = ReportsWorld.Resident(app);
        var html = await (await ReportsWorld.SubmitAsync(client, token, "财务", "机器人填写的内容机器人填写的内容。", honeypot: "http://spam.example")).Content.ReadAsStringAsync();
        Assert.Contains("提交成功", html);
        var receipt = ReportsWorld.Receipt(html);
        Assert.NotNull(receipt);
        await using var db = await app.DbAsync();
        Assert.Equal(count, await db.PublicReports.CountAsync());
        Assert.False(await db.PublicReports.AnyAsync(r => r.ReceiptNo == receipt));
    }

    [Fact]
    public async Task Submit_TooLongOrIncomplete_ShowsChineseErrorsAndStoresNothing()
    {
        var token = await ReportsWorld.ChannelTokenAsync(app);
        await using var before = await app.DbAsync();
        var count = await before.PublicReports.CountAsync();
        using var client = ReportsWorld.Resident(app);
        var html = await (await ReportsWorld.SubmitAsync(client, token, "财务", new string('账', 2001))).Content.ReadAsStringAsync();
        Assert.Contains("反映内容不能超过 2000 字（当前 2001 字）", html);
        Assert.DoesNotContain("提交成功", html);

        html = await (await ReportsWorld.SubmitAsync(client, token, "", Content, name: "", phone: "12ab")).Content.ReadAsStringAsync();
        Assert.Contains("请选择反映类别。", html);
        Assert.Contains("实名反映请填写姓名", html);
        Assert.Contains("请填写正确的联系电话", html);

        await using var db = await app.DbAsync();
        Assert.Equal(count, await db.PublicReports.CountAsync());
    }

    [Fact]
    public async Task Submit_OverTheRateLimit_Gets429WithChinesePage()
    {
        var token = await ReportsWorld.ChannelTokenAsync(app);
        using var client = ReportsWorld.Resident(app);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ReportsWorld.SubmitAsync(client, token, "其他", $"第 {i + 1} 次反映：村务公开不及时，请核查。")).StatusCode);
        }

        var refused = await ReportsWorld.SubmitAsync(client, token, "其他", "第 6 次反映：村务公开不及时，请核查。");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("提交过于频繁", await refused.Content.ReadAsStringAsync());

        // Another IP is not affected.
        using var neighbour = ReportsWorld.Resident(app);
        Assert.Equal(HttpStatusCode.OK, (await ReportsWorld.SubmitAsync(neighbour, token, "其他", "另一位村民反映村务公开不及时。")).StatusCode);
    }

    [Fact]
    public async Task Page_UnknownToken_SaysTheChannelDoesNotExist()
    {
        using var client = ReportsWorld.Resident(app);
        var response = await client.GetAsync("/r/not-a-real-token");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该反映渠道不存在或已关闭", await response.Content.ReadAsStringAsync());
    }
}

[Collection("sqlite")]
public sealed class SqlitePublicReportTests(ReportsSqliteFixture fixture) : PublicReportTestsBase(fixture.App), IClassFixture<ReportsSqliteFixture>;

[Collection("postgres")]
public sealed class PostgresPublicReportTests(ReportsPostgresFixture fixture) : PublicReportTestsBase(fixture.App), IClassFixture<ReportsPostgresFixture>;
