using System.Net;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>
/// The documents section of the scope matrix: report and lists of a 义乌 village and its round for offices and
/// team members covering it; the clue list also for 纪检监察; everyone else 403, other counties 403 (village) / 404 (round).
/// </summary>
internal static class DocumentsMatrix
{
    private static readonly HashSet<string> Generators = ["admin", "city", "yiwu", "wucheng", "team"];
    private static readonly HashSet<string> ClueListers = ["admin", "city", "yiwu", "wucheng", "team", "jijian"];

    public static async Task RunAsync(HttpClient client, string userName, string scope, XunchaDbContext db, string village)
    {
        var round = await TeamSeed.RoundAsync(db, "330782", [village]);
        await TeamSeed.JoinIfTeamAsync(db, userName, round.Id);

        var covers = RegionCode.IsWithin(village, scope);
        var generate = Generators.Contains(userName);
        var clues = ClueListers.Contains(userName);
        HttpStatusCode VillageStatus(bool role) => role && covers ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        HttpStatusCode RoundStatus(bool role) => !role ? HttpStatusCode.Forbidden : covers ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        var q = $"?roundId={round.Id}";
        Assert.Equal(VillageStatus(generate), (await client.GetAsync($"/api/documents/villages/{village}/preview{q}")).StatusCode);
        Assert.Equal(VillageStatus(generate), (await client.GetAsync($"/api/documents/villages/{village}/report.docx{q}")).StatusCode);
        Assert.Equal(VillageStatus(generate), (await client.GetAsync($"/api/documents/villages/{village}/lists/problems.xlsx{q}")).StatusCode);
        Assert.Equal(VillageStatus(clues), (await client.GetAsync($"/api/documents/villages/{village}/lists/clues.docx{q}")).StatusCode);

        Assert.Equal(RoundStatus(generate), (await client.GetAsync($"/api/documents/rounds/{round.Id}/preview")).StatusCode);
        Assert.Equal(RoundStatus(generate), (await client.GetAsync($"/api/documents/rounds/{round.Id}/report.docx")).StatusCode);
        Assert.Equal(RoundStatus(generate), (await client.GetAsync($"/api/documents/rounds/{round.Id}/lists/tasks.docx")).StatusCode);
        Assert.Equal(RoundStatus(clues), (await client.GetAsync($"/api/documents/rounds/{round.Id}/lists/clues.xlsx")).StatusCode);
    }
}
