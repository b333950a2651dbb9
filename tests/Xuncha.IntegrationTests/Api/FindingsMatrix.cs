using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>The findings section of the scope matrix: findings, recoveries, evidence, clues, cases.</summary>
internal static class FindingsMatrix
{
    private static readonly HashSet<string> Readers = ["admin", "city", "yiwu", "wucheng", "team", "guide"];
    private static readonly HashSet<string> Editors = ["admin", "city", "yiwu", "wucheng", "team"];
    private static readonly HashSet<string> ClueListers = ["admin", "city", "yiwu", "wucheng", "team", "jijian"];
    private static readonly HashSet<string> ClueReaders = ["city", "jijian"];

    public static async Task RunAsync(HttpClient client, string userName, string scope, XunchaDbContext db)
    {
        var reader = Readers.Contains(userName);
        var own = await TeamVillages.OwnVillagesAsync(db, userName);
        var list = await client.GetAsync("/api/findings?pageSize=500");
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, list.StatusCode);
        if (reader)
        {
            var items = (await list.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, f => Assert.True(own?.Contains(f.GetProperty("villageCode").GetString()!) ?? f.GetProperty("villageCode").GetString()!.StartsWith(scope)));
            Assert.Equal(own is null ? await db.Findings.CountAsync(f => f.VillageCode.StartsWith(scope)) : await db.Findings.CountAsync(f => own.Contains(f.VillageCode)), items.Count);
        }

        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/api/findings/export")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/findings/taxonomy")).StatusCode);
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases")).StatusCode);

        // A fresh 义乌 finding (for a team member, in its own round): read by readers covering 义乌, changed by editors covering it.
        var village = own is { Count: > 0 } ? own[0] : await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("330782")).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
        var finding = new Finding { Id = Guid.NewGuid(), VillageCode = village, Title = $"矩阵-{userName}", Source = "review", CreatedById = "matrix", CreatedAt = DateTimeOffset.UtcNow };
        db.Findings.Add(finding);
        await db.SaveChangesAsync();
        var covers = RegionCode.IsWithin(village, scope);
        var read = reader && covers;
        var edit = Editors.Contains(userName) && covers;
        var id = finding.Id;
        Assert.Equal(read ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/findings/{id}")).StatusCode);
        var put = await client.PutAsJsonAsync($"/api/findings/{id}", new { title = "矩阵修改", categoryL1 = "基层党组织建设", categoryL2 = "党建基础" });
        Assert.Equal(edit ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(edit ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/findings/{id}/case", new { isTypicalCase = false })).StatusCode);
        var recovery = await client.PostAsJsonAsync($"/api/findings/{id}/recoveries", new { date = "2026-01-02", amount = 100 });
        Assert.Equal(edit ? HttpStatusCode.Created : HttpStatusCode.Forbidden, recovery.StatusCode);
        var recoveryId = edit ? (await recovery.JsonAsync()).GetProperty("id").GetString() : Guid.NewGuid().ToString();
        Assert.Equal(edit ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/findings/{id}/recoveries/{recoveryId}")).StatusCode);
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "证据.pdf");
            var upload = await client.PostAsync($"/api/findings/{id}/evidence", form);
            Assert.Equal(edit ? HttpStatusCode.Created : HttpStatusCode.Forbidden, upload.StatusCode);
        }

        var evidence = new EvidenceFile { Id = Guid.NewGuid(), FindingId = id, FileName = "x.pdf", ContentType = "application/pdf", Size = 1, Sha256 = new string('a', 64), UploadedById = "matrix" };
        db.EvidenceFiles.Add(evidence);
        await db.SaveChangesAsync();
        // Reading goes through scope before the store, so refusals never touch the (absent) bytes.
        if (!read)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/findings/{id}/evidence/{evidence.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/findings/{id}/evidence/{evidence.Id}/preview")).StatusCode);
        }

        var clue = await client.PostAsJsonAsync($"/api/findings/{id}/clue", new { transferredOn = "2026-01-03", toUnit = "义乌市纪委市监委", content = "矩阵线索" });
        Assert.Equal(edit ? HttpStatusCode.Created : HttpStatusCode.Forbidden, clue.StatusCode);

        // Clues: the list (no content) for editors and 纪检监察; the content for 纪检监察 and the city office only.
        var clues = await client.GetAsync("/api/clues?pageSize=500");
        Assert.Equal(ClueListers.Contains(userName) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, clues.StatusCode);
        var demoClue = await db.ClueTransfers.Where(c => c.ToUnit == "义乌市纪委市监委第三监督检查室").Select(c => c.Id).SingleAsync();
        var canRead = ClueReaders.Contains(userName);
        Assert.Equal(canRead ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/clues/{demoClue}")).StatusCode);
        // 已受理 once: the first permitted user moves it, later ones are told it already is (the users share one database).
        var accept = (await client.PutAsJsonAsync($"/api/clues/{demoClue}/status", new { status = "Accepted" })).StatusCode;
        HttpStatusCode[] allowed = canRead ? [HttpStatusCode.NoContent, HttpStatusCode.BadRequest] : [HttpStatusCode.Forbidden];
        Assert.Contains(accept, allowed);
        Assert.Equal(canRead ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/clues/{demoClue}/status", new { status = "Transferred" })).StatusCode);
    }
}
