using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>The feedback section of the scope matrix: 四级反馈 records, progress, export and 共性问题.</summary>
internal static class FeedbackMatrix
{
    public static readonly string[] Routes =
    [
        "GET /api/feedback/settings",
        "GET /api/feedback/rounds",
        "GET /api/feedback/rounds/{roundId:guid}",
        "GET /api/feedback/rounds/{roundId:guid}/targets",
        "GET /api/feedback/rounds/{roundId:guid}/progress",
        "GET /api/feedback/rounds/{roundId:guid}/export",
        "POST /api/feedback/",
        "PUT /api/feedback/{id:guid}",
        "DELETE /api/feedback/{id:guid}",
        "GET /api/common-problems/",
        "GET /api/common-problems/export",
    ];

    private static readonly HashSet<string> Readers = ["admin", "city", "yiwu", "wucheng", "team", "guide", "owner"];
    private static readonly HashSet<string> Editors = ["admin", "city", "yiwu", "wucheng"];

    public static async Task RunAsync(HttpClient client, string userName, string scope, XunchaDbContext db)
    {
        var reader = Readers.Contains(userName);
        var editor = Editors.Contains(userName);
        var round = await db.Rounds.SingleAsync(r => r.RegionCode == "330782" && r.Status == RoundStatus.InProgress);
        var targets = await db.RoundTargets.Where(t => t.RoundId == round.Id).Select(t => t.VillageCode).ToListAsync();
        // The round is visible to whoever covers the county or one of its villages.
        var sees = RegionCode.IsWithin("330782", scope) || targets.Any(v => RegionCode.IsWithin(v, scope));
        var read = !reader ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/feedback/settings")).StatusCode);
        var rounds = await client.GetAsync("/api/feedback/rounds");
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, rounds.StatusCode);
        if (reader)
        {
            Assert.Equal(sees, (await rounds.JsonAsync()).EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == round.Id));
        }

        var list = await client.GetAsync($"/api/feedback/rounds/{round.Id}");
        Assert.Equal(read, list.StatusCode);
        if (read == HttpStatusCode.OK)
        {
            Assert.All((await list.JsonAsync()).EnumerateArray(), r => Assert.StartsWith(scope, r.GetProperty("regionCode").GetString()));
        }

        Assert.Equal(read, (await client.GetAsync($"/api/feedback/rounds/{round.Id}/targets")).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"/api/feedback/rounds/{round.Id}/progress")).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"/api/feedback/rounds/{round.Id}/export")).StatusCode);

        var empty = new { roundId = round.Id, level = 1 };
        var write = !editor ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.BadRequest : HttpStatusCode.BadRequest;
        Assert.Equal(write, (await client.PostAsJsonAsync("/api/feedback/", empty)).StatusCode);
        var record = await db.FeedbackRecords.Where(f => f.RoundId == round.Id).OrderBy(f => f.Level).FirstAsync();
        var mine = RegionCode.IsWithin(record.RegionCode, scope);
        Assert.Equal(!editor ? HttpStatusCode.Forbidden : mine ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound,
            (await client.PutAsJsonAsync($"/api/feedback/{record.Id}", new { attendees = "" })).StatusCode);
        Assert.Equal(!editor ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/feedback/{Guid.NewGuid()}")).StatusCode);

        var analyst = userName is "admin" or "city" or "yiwu" or "wucheng";
        var problems = !analyst ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(problems, (await client.GetAsync($"/api/common-problems/?roundId={round.Id}")).StatusCode);
        Assert.Equal(problems, (await client.GetAsync($"/api/common-problems/export?roundId={round.Id}")).StatusCode);
    }
}
