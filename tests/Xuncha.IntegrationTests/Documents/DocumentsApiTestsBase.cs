using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xuncha.Core.Security.Protection;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Documents;

/// <summary>一报告四清单 through the API: content from the findings, clue protection and scope (SQLite and PostgreSQL).</summary>
public abstract class DocumentsApiTestsBase(XunchaAppFactory app)
{
    [Fact]
    public async Task VillageReport_DemoVillageInARound_ContainsTheRoundsFindingsGroupedByCategory_NotOthers()
    {
        // The demo's findings belong to no round; put one of their villages in a round and find two problems there.
        Guid roundId;
        string village;
        string outside;
        await using (var db = await app.DbAsync())
        {
            var demo = await db.Findings.Where(f => f.RoundId == null && f.VillageCode.StartsWith("330782")).OrderBy(f => f.VillageCode).FirstAsync();
            (village, outside) = (demo.VillageCode, demo.Title);
            roundId = (await TeamSeed.RoundAsync(db, "330782", [village])).Id;
        }

        using var client = await app.ClientForAsync("yiwu");
        string[] titles = [$"村务公开不及时-{Guid.NewGuid():N}"[..14], $"集体土地租金未入账-{Guid.NewGuid():N}"[..16]];
        await CreateAsync(client, village, roundId, titles[0], "基层党组织建设", "组织生活", 0, onTheSpot: true);
        await CreateAsync(client, village, roundId, titles[1], "群众身边腐败和不正之风", "村级\"三资\"管理", 12_000m);

        var response = await client.GetAsync($"/api/documents/villages/{village}/report.docx?roundId={roundId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("巡察报告.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var paragraphs = Paragraphs(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("关于对", paragraphs[0].Text);
        Assert.Equal("公文标题", paragraphs[0].Style);
        Assert.Contains(("一级标题", "二、发现的主要问题"), paragraphs);
        Assert.Contains(("二级标题", "（一）基层党组织建设"), paragraphs);
        Assert.Contains(("三级标题", "1.组织生活"), paragraphs);
        Assert.Contains(("四级标题", "（1）" + titles[0]), paragraphs);
        Assert.Contains(("二级标题", "（二）群众身边腐败和不正之风"), paragraphs);
        Assert.Contains(("四级标题", "（1）" + titles[1]), paragraphs);
        Assert.Contains(paragraphs, p => p.Text.StartsWith("巡察共发现问题2个，涉及金额12,000.00元，已挽回经济损失0.00元；其中立行立改问题1个；向纪检监察机关移交问题线索0件。", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Text.Contains(outside, StringComparison.Ordinal));
        Assert.Contains(("公文正文", "附件：1.问题清单"), paragraphs);

        var preview = await (await client.GetAsync($"/api/documents/villages/{village}/preview?roundId={roundId}")).JsonAsync();
        Assert.Equal(paragraphs[0].Text, preview.GetProperty("title").GetString());
        Assert.Equal(2, preview.GetProperty("lists")[0].GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task ClueList_CityAndDiscipline_GetContentAndLogIt_CountyOfficeGetsNoContentAnywhere()
    {
        var (roundId, village, clueId, secret, person) = await SeedClueAsync();
        foreach (var user in new[] { "city", "jijian" })
        {
            using var reader = await app.ClientForAsync(user);
            var before = await AccessRowsAsync(clueId);
            var xlsx = await reader.GetAsync($"/api/documents/villages/{village}/lists/clues.xlsx?roundId={roundId}");
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            var rows = MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync()).Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains("线索内容", rows[2].Values);
            Assert.Contains(secret, rows[3].Values);
            Assert.Contains(person, rows[3].Values);
            Assert.Equal(before + 1, await AccessRowsAsync(clueId));

            var docx = await reader.GetAsync($"/api/documents/villages/{village}/lists/clues.docx?roundId={roundId}");
            Assert.Contains(secret, Text(await docx.Content.ReadAsByteArrayAsync()));
            Assert.Equal(before + 2, await AccessRowsAsync(clueId));
        }

        using var yiwu = await app.ClientForAsync("yiwu");
        var logged = await AccessRowsAsync(clueId);
        foreach (var url in new[]
        {
            $"/api/documents/villages/{village}/lists/clues.xlsx?roundId={roundId}", $"/api/documents/villages/{village}/lists/clues.docx?roundId={roundId}",
            $"/api/documents/villages/{village}/report.docx?roundId={roundId}", $"/api/documents/rounds/{roundId}/lists/clues.xlsx",
            $"/api/documents/villages/{village}/lists/problems.xlsx?roundId={roundId}", $"/api/documents/villages/{village}/preview?roundId={roundId}",
        })
        {
            var response = await yiwu.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var everything = Unzipped(await response.Content.ReadAsByteArrayAsync());
            Assert.DoesNotContain(secret, everything);
            Assert.DoesNotContain(person, everything);
            Assert.DoesNotContain("线索内容", everything);
        }

        var list = MiniExcel.Query(await (await yiwu.GetAsync($"/api/documents/villages/{village}/lists/clues.xlsx?roundId={roundId}")).Content.ReadAsStreamAsync())
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["序号", "问题", "移交日期", "移交单位", "状态"], list[2].Values.OfType<string>());
        Assert.Equal(["1", "挪用村集体资金问题", "2026年1月10日", "义乌市纪委市监委", "已移交"], list[3].Values.OfType<string>());
        Assert.Equal(logged, await AccessRowsAsync(clueId));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret) || l.Contains(person));
    }

    [Fact]
    public async Task Scope_OtherCountysVillage_403_NonGenerator_403_UnknownListOrFormat_404_400()
    {
        var (roundId, village, _, _, _) = await SeedClueAsync();
        using var wucheng = await app.ClientForAsync("wucheng");
        var refused = await wucheng.GetAsync($"/api/documents/villages/{village}/report.docx?roundId={roundId}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不在您的数据范围", (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await wucheng.GetAsync($"/api/documents/rounds/{roundId}/report.docx")).StatusCode);

        using var owner = await app.ClientForAsync("owner");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/api/documents/villages/{village}/lists/problems.xlsx?roundId={roundId}")).StatusCode);

        using var yiwu = await app.ClientForAsync("yiwu");
        Assert.Equal(HttpStatusCode.NotFound, (await yiwu.GetAsync($"/api/documents/villages/{village}/lists/nothing.xlsx?roundId={roundId}")).StatusCode);
        var badFormat = await yiwu.GetAsync($"/api/documents/villages/{village}/lists/problems.pdf?roundId={roundId}");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.StartsWith("不支持的格式", (await badFormat.JsonAsync()).GetProperty("errors").GetProperty("format")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await yiwu.GetAsync($"/api/documents/villages/{village}/report.docx")).StatusCode);
    }

    [Fact]
    public async Task RoundLists_ProblemsXlsx_VillageColumnAndAmounts_Docx_RepeatsHeader()
    {
        var (roundId, village, _, _, _) = await SeedClueAsync();
        using var team = await app.ClientForAsync("team");
        var xlsx = await team.GetAsync($"/api/documents/rounds/{roundId}/lists/problems.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync()).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("问题清单", rows[0]["A"]);
        Assert.Equal(["序号", "村（社区）", "问题类别", "问题描述", "涉及金额（元）", "挽回损失（元）", "来源", "立行立改"], rows[2].Values.OfType<string>());
        Assert.Equal("挪用村集体资金问题：测试", rows[3]["D"]);
        Assert.Equal("80,000.00", rows[3]["E"]);

        var docx = await team.GetAsync($"/api/documents/rounds/{roundId}/lists/responsibilities.docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var header = doc.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().First();
        Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["序号", "村（社区）", "问题", "责任人/单位", "责任类型"], header.Elements<TableCell>().Select(c => c.InnerText));
        var row = doc.MainDocumentPart.Document.Body.Descendants<TableRow>().ElementAt(1).Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal("村党组织书记", row[3]);
        Assert.Equal("领导责任", row[4]);
        Assert.NotEqual("", village);
    }

    private async Task<(Guid RoundId, string Village, string ClueId, string Secret, string Person)> SeedClueAsync()
    {
        Guid roundId;
        string village;
        await using (var db = await app.DbAsync())
        {
            var used = await db.RoundTargets.Select(t => t.VillageCode).Distinct().ToListAsync();
            village = await db.Regions.Where(r => r.Level == Xuncha.Core.Domain.Regions.RegionLevel.Village && r.Code.StartsWith("330782") && !used.Contains(r.Code))
                .OrderByDescending(r => r.Code).Select(r => r.Code).FirstAsync();
            roundId = (await TeamSeed.RoundAsync(db, "330782", [village])).Id;
            await TeamSeed.JoinTeamAccountAsync(db, roundId);
        }

        using var team = await app.ClientForAsync("team");
        var created = await team.PostAsJsonAsync("/api/findings/", new
        {
            villageCode = village, title = "挪用村集体资金问题", description = "测试", amount = 80_000m, categoryL1 = "群众身边腐败和不正之风",
            categoryL2 = "村级\"三资\"管理", source = "review", roundId, responsiblePeople = "村党组织书记",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var secret = $"书记挪用资金-{Guid.NewGuid():N}";
        var person = $"张某某-{Guid.NewGuid():N}"[..12];
        var clue = await team.PostAsJsonAsync($"/api/findings/{id}/clue", new { transferredOn = "2026-01-10", toUnit = "义乌市纪委市监委", content = secret, persons = person });
        Assert.Equal(HttpStatusCode.Created, clue.StatusCode);
        return (roundId, village, (await clue.JsonAsync()).GetProperty("id").GetString()!, secret, person);
    }

    private static async Task CreateAsync(HttpClient client, string village, Guid roundId, string title, string l1, string l2, decimal amount, bool onTheSpot = false)
    {
        var created = await client.PostAsJsonAsync("/api/findings/", new
        {
            villageCode = village, title, description = "测试", amount, categoryL1 = l1, categoryL2 = l2, source = "visit", roundId, rectifiedOnTheSpot = onTheSpot,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static List<(string Style, string Text)> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value!);
        return doc.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Select(p => (styles[p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal"], p.InnerText)).ToList();
    }

    private static string Text(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }

    /// <summary>Every entry of an Office file (or a JSON body) as text, so nothing hides in a part a reader would not open.</summary>
    private static string Unzipped(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    private async Task<int> AccessRowsAsync(string clueId)
    {
        await using var db = await app.DbAsync();
        return await db.AccessLog.CountAsync(a => a.Kind == AccessLog.Clue && a.RecordId == clueId);
    }
}

[Collection("sqlite")]
public sealed class SqliteDocumentsApiTests(SqliteAppFixture fixture) : DocumentsApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresDocumentsApiTests(PostgresAppFixture fixture) : DocumentsApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
