using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Security.Protection;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Findings;

/// <summary>问题台账: recoveries, evidence limits, clue protection and scope (SQLite and PostgreSQL).</summary>
public abstract class FindingsApiTestsBase(XunchaAppFactory app)
{
    private static readonly string[] AllUsers = ["admin", "city", "yiwu", "wucheng", "team", "expert", "guide", "owner", "jijian"];

    [Fact]
    public async Task Recoveries_TwoAdded_FindingShowsTheirSum()
    {
        using var client = await app.ClientForAsync("yiwu");
        var id = await CreateAsync(client, "收取租金未入账", 30_000m);
        var refused = await client.PostAsJsonAsync($"/api/findings/{id}/recoveries", new { date = "2026-01-05", amount = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("请填写挽回的金额（大于 0 元）。", (await refused.JsonAsync()).GetProperty("errors").GetProperty("amount")[0].GetString());

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/findings/{id}/recoveries", new { date = "2026-01-05", amount = 12_000.50m, note = "退回" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/findings/{id}/recoveries", new { date = "2026-02-01", amount = 3_000m })).StatusCode);
        var detail = await (await client.GetAsync($"/api/findings/{id}")).JsonAsync();
        Assert.Equal(15_000.50m, detail.GetProperty("row").GetProperty("recovered").GetDecimal());
        Assert.Equal(2, detail.GetProperty("recoveries").GetArrayLength());

        var first = detail.GetProperty("recoveries")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/findings/{id}/recoveries/{first}")).StatusCode);
        var list = await (await client.GetAsync("/api/findings?search=收取租金未入账")).JsonAsync();
        Assert.Equal(3_000m, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("recovered").GetDecimal());
    }

    [Fact]
    public async Task Evidence_TooBigOrWrongType_IsRefused_GoodFileIsStoredBySha256()
    {
        using var client = await app.ClientForAsync("team");
        var id = await CreateAsync(client, "证据测试问题", 1_000m);

        var big = await UploadAsync(client, id, "现场.jpg", new byte[(20 << 20) + 10]);
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("20 MB", (await big.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());

        var exe = await UploadAsync(client, id, "工具.exe", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.StartsWith("证据文件类型不支持", (await exe.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());

        var png = RandomNumberGenerator.GetBytes(4096);
        var ok = await UploadAsync(client, id, "收据照片.png", png);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var eid = (await ok.JsonAsync()).GetProperty("id").GetString();
        await using (var db = await app.DbAsync())
        {
            var row = await db.EvidenceFiles.SingleAsync(e => e.Id == Guid.Parse(eid!));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), row.Sha256);
            Assert.Equal(4096, row.Size);
            Assert.Equal("image/png", row.ContentType);
        }

        var download = await client.GetAsync($"/api/findings/{id}/evidence/{eid}");
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var preview = await client.GetAsync($"/api/findings/{id}/evidence/{eid}/preview");
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);
        Assert.Null(preview.Content.Headers.ContentDisposition);
        Assert.Equal(1, (await (await client.GetAsync($"/api/findings/{id}")).JsonAsync()).GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task Clue_OnlyDisciplineAndCityReadIt_EachViewLogged_NeverInListsExportsOrLogs()
    {
        var secret = $"书记指定亲属承接工程-{Guid.NewGuid():N}";
        var person = $"王某某-{Guid.NewGuid():N}"[..12];
        using var team = await app.ClientForAsync("team");
        var id = await CreateAsync(team, "工程项目线索问题", 80_000m);
        var transfer = await team.PostAsJsonAsync($"/api/findings/{id}/clue", new { transferredOn = "2026-01-10", toUnit = "义乌市纪委市监委", content = secret, persons = person });
        Assert.Equal(HttpStatusCode.Created, transfer.StatusCode);
        var clueId = (await transfer.JsonAsync()).GetProperty("id").GetString()!;
        await using (var db = await app.DbAsync())
        {
            var stored = await db.ClueTransfers.SingleAsync(c => c.Id == Guid.Parse(clueId));
            Assert.DoesNotContain(secret, stored.ContentProtected);
            Assert.StartsWith("v1:", stored.ContentProtected);
        }

        foreach (var user in AllUsers)
        {
            using var client = await app.ClientForAsync(user);
            foreach (var url in new[] { "/api/clues?pageSize=500", "/api/findings?pageSize=500", $"/api/findings/{id}", "/api/cases", "/api/findings?hasClue=true" })
            {
                var text = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
                Assert.DoesNotContain(secret, text);
                Assert.DoesNotContain(person, text);
            }

            var export = await client.GetAsync("/api/findings/export");
            if (export.IsSuccessStatusCode)
            {
                var cells = string.Join("|", MiniExcel.Query(await export.Content.ReadAsStreamAsync()).SelectMany(r => ((IDictionary<string, object?>)r).Values));
                Assert.DoesNotContain(secret, cells);
                if (user is "yiwu" or "team")
                {
                    Assert.Contains("已移交纪检监察（2026-01-10）", cells);
                }
            }

            var before = await AccessRowsAsync(clueId);
            var details = await client.GetAsync($"/api/clues/{clueId}");
            if (user is "jijian" or "city")
            {
                Assert.Equal(HttpStatusCode.OK, details.StatusCode);
                var body = await details.JsonAsync();
                Assert.Equal(secret, body.GetProperty("content").GetString());
                Assert.Equal(person, body.GetProperty("persons").GetString());
                Assert.Equal(before + 1, await AccessRowsAsync(clueId));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, details.StatusCode);
                Assert.Equal(before, await AccessRowsAsync(clueId));
            }
        }

        var leaked = app.Logs.Lines.Where(l => l.Contains(secret) || l.Contains(person)).ToList();
        Assert.NotEmpty(app.Logs.Lines);
        Assert.Empty(leaked);
    }

    [Fact]
    public async Task Scope_OtherCountyOwnerAndExpert_AreRefused()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        var id = await CreateAsync(yiwu, "范围测试问题", 500m);
        using var wucheng = await app.ClientForAsync("wucheng");
        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.GetAsync($"/api/findings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.PostAsJsonAsync($"/api/findings/{id}/recoveries", new { date = "2026-01-05", amount = 5 })).StatusCode);
        var list = await (await wucheng.GetAsync("/api/findings?pageSize=500")).JsonAsync();
        Assert.All(list.GetProperty("items").EnumerateArray(), f => Assert.StartsWith("330702", f.GetProperty("villageCode").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.GetAsync("/api/findings?under=330782")).StatusCode);

        using var guide = await app.ClientForAsync("guide");
        var village = await VillageAsync("330702");
        var create = await guide.PostAsJsonAsync("/api/findings/", new { villageCode = village, title = "指导组不能登记", categoryL1 = "群众身边腐败和不正之风", source = "visit" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        foreach (var user in new[] { "owner", "expert" })
        {
            using var client = await app.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/findings")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/clues")).StatusCode);
        }

        var outside = await yiwu.PostAsJsonAsync("/api/findings/", new { villageCode = village, title = "越界", categoryL1 = "群众身边腐败和不正之风", source = "visit" });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var badCategory = await yiwu.PostAsJsonAsync("/api/findings/", new { villageCode = await VillageAsync("330782"), title = "分类错", categoryL1 = "不存在", source = "visit" });
        Assert.Equal("请从问题分类中选择一级分类。", (await badCategory.JsonAsync()).GetProperty("errors").GetProperty("categoryL1")[0].GetString());
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1,1)")]
    public async Task Export_TextStartingWithAFormulaSign_IsWrittenAsTextNotAFormula(string title)
    {
        using var client = await app.ClientForAsync("yiwu");
        await CreateAsync(client, title, 1m);
        var search = Uri.EscapeDataString(title);
        using var export = await client.GetAsync($"/api/findings/export?search={search}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var row = Assert.Single(new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal("'" + title, row["问题"]);

        // No cell of the sheet holds a formula.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Matches("<(\\w+:)?c[ >]", xml);
            Assert.DoesNotMatch("<(\\w+:)?f[ >]", xml);
        }
    }

    private async Task<string> CreateAsync(HttpClient client, string title, decimal amount)
    {
        var response = await client.PostAsJsonAsync("/api/findings/", new
        {
            villageCode = await VillageAsync("330782"), title, description = "测试", amount, categoryL1 = "群众身边腐败和不正之风",
            categoryL2 = "村级\"三资\"管理", source = "review", campaignTags = new[] { "漠视侵害群众利益问题专项治理" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private async Task<string> VillageAsync(string under)
    {
        // In 义乌, a village of the team member's own round: tests act there as "team" too.
        if (under == "330782")
        {
            return (await app.TeamVillagesAsync())[0];
        }

        await using var db = await app.DbAsync();
        return await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(under)).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
    }

    private async Task<int> AccessRowsAsync(string clueId)
    {
        await using var db = await app.DbAsync();
        return await db.AccessLog.CountAsync(a => a.Kind == AccessLog.Clue && a.RecordId == clueId);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return await client.PostAsync($"/api/findings/{id}/evidence", form);
    }
}

[Collection("sqlite")]
public sealed class SqliteFindingsApiTests(SqliteAppFixture fixture) : FindingsApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresFindingsApiTests(PostgresAppFixture fixture) : FindingsApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
