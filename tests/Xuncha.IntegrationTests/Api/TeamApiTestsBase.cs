using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>巡察组 through the API: assignment that respects skills and 回避, refusals with reasons, on both databases.</summary>
public abstract class TeamApiTestsBase(XunchaAppFactory app)
{
    private static readonly string[] RequiredGroups = ["纪检", "组织", "审计或财政", "老乡镇"];

    [Fact]
    public async Task Assign_SeededPool_CoversSkillsAvoidsTiesAndBalancesVillages()
    {
        await using var db = await app.DbAsync();

        // Villages of the demo package, which has cadres and their relatives.
        var packaged = await db.CadreRelatives.Select(r => r.VillageCode).Distinct().OrderBy(v => v).Take(7).ToListAsync();
        Assert.Equal(7, packaged.Count);
        var round = await TeamSeed.RoundAsync(db, "330782", packaged);
        var pool = await TeamSeed.PoolAsync(db, "330782", 12, "义乌甲");
        var homeTied = pool[0];
        homeTied.HomeVillageCode = packaged[0];
        var link = await db.CadreRelatives.FirstAsync(r => r.VillageCode == packaged[1]);
        var packageTied = await db.People.SingleAsync(p => p.Id == pool[1].Id);
        packageTied.IdNumber = link.RelativeIdNumber;
        await db.SaveChangesAsync();

        using var client = await app.ClientForAsync("yiwu");
        var response = await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams/assign", new { teamCount = 2 });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var get = await client.GetAsync($"/api/rounds/{round.Id}/teams");
        Assert.True(get.StatusCode == HttpStatusCode.OK, await get.Content.ReadAsStringAsync());
        var view = await get.JsonAsync();
        var teams = view.GetProperty("teams").EnumerateArray().ToList();
        Assert.Equal(["第一巡察组", "第二巡察组"], teams.Select(t => t.GetProperty("name").GetString()));
        Assert.Empty(view.GetProperty("unassigned").EnumerateArray());
        var villageCounts = teams.Select(t => t.GetProperty("villages").GetArrayLength()).Order().ToList();
        Assert.Equal([3, 4], villageCounts);
        foreach (var team in teams)
        {
            Assert.Empty(team.GetProperty("missingSkills").EnumerateArray());
            Assert.Empty(team.GetProperty("warnings").EnumerateArray());
            Assert.True(team.GetProperty("leader").GetProperty("canLead").GetBoolean());
            var members = Ids(team, "members", "personId");
            var villages = team.GetProperty("villages").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
            var skills = team.GetProperty("members").EnumerateArray().SelectMany(m => m.GetProperty("skills").EnumerateArray().Select(s => s.GetString()!)).ToHashSet();
            Assert.All(RequiredGroups, g => Assert.Contains(g.Split("或"), skills.Contains));
            Assert.False(members.Contains(homeTied.Id) && villages.Contains(packaged[0]), "home village tie violated");
            Assert.False(members.Contains(packageTied.Id) && villages.Contains(packaged[1]), "package relative tie violated");
        }

        // The ties are listed with their reasons.
        var conflicts = (await (await client.GetAsync($"/api/rounds/{round.Id}/conflicts")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(conflicts, c => c.GetProperty("personId").GetGuid() == homeTied.Id && c.GetProperty("reason").GetString() == "户籍（出生）在本村");
        Assert.Contains(conflicts, c => c.GetProperty("personId").GetGuid() == packageTied.Id && c.GetProperty("villageCode").GetString() == packaged[1]
            && c.GetProperty("reason").GetString()!.Contains("数据包亲属表", StringComparison.Ordinal));

        // A second run needs the replace flag.
        var again = await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams/assign", new { teamCount = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("本轮次已有巡察组", (await again.JsonAsync()).GetProperty("errors").GetProperty("replace")[0].GetString());
        var replaced = await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams/assign", new { teamCount = 3, replace = true });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(3, await db.Teams.CountAsync(t => t.RoundId == round.Id && t.Origin == "auto"));
        Assert.Equal(0, await db.RoundTargets.CountAsync(t => t.RoundId == round.Id && t.TeamId == null));

        var export = await client.GetAsync($"/api/rounds/{round.Id}/teams/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Assign_OnlyAuditorsTiedToVillage_ExplainsWithVillageName()
    {
        await using var db = await app.DbAsync();
        var villages = await TeamSeed.VillagesAsync(db, "330703", 4);
        var round = await TeamSeed.RoundAsync(db, "330703", villages);
        var pool = await TeamSeed.PoolAsync(db, "330703", 8, "金东乙");
        foreach (var p in pool.Where(p => p.Skills.Contains(Skills.Audit) || p.Skills.Contains(Skills.Finance)))
        {
            db.PersonWorks.Add(new PersonWork { Id = Guid.NewGuid(), PersonId = p.Id, RegionCode = villages[2][..9], From = new DateOnly(2022, 5, 1) });
        }

        await db.SaveChangesAsync();
        var village = await db.Regions.Where(r => r.Code == villages[2]).Select(r => r.Name).SingleAsync();

        using var client = await app.ClientForAsync("city");
        var response = await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams/assign", new { teamCount = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        var reasons = problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains($"{village}：无可回避的审计或财政人员", reasons);
        Assert.Contains($"{village}：无可回避的审计或财政人员", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await db.Teams.CountAsync(t => t.RoundId == round.Id));
    }

    [Fact]
    public async Task ManualEdits_TiedPersonOrVillage_RefusedWithTheReason()
    {
        await using var db = await app.DbAsync();
        var villages = await TeamSeed.VillagesAsync(db, "330702", 2);
        var round = await TeamSeed.RoundAsync(db, "330702", villages);
        var pool = await TeamSeed.PoolAsync(db, "330702", 4, "婺城丙");
        var village0 = await db.Regions.Where(r => r.Code == villages[0]).Select(r => r.Name).SingleAsync();
        db.PersonRelatives.Add(new PersonRelative { Id = Guid.NewGuid(), PersonId = pool[3].Id, Name = "王某", Relation = "配偶", VillageCode = villages[0], Position = "书记" });
        await db.SaveChangesAsync();

        using var client = await app.ClientForAsync("wucheng");
        var created = await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams", new { name = "第一巡察组" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var teamId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/rounds/{round.Id}/targets/{villages[0]}/move", new { teamId })).StatusCode);
        foreach (var p in pool.Take(3))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams/{teamId}/members", new { personId = p.Id })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/rounds/{round.Id}/teams/{teamId}/leader", new { personId = pool[1].Id })).StatusCode);

        // The tied person is refused, and the reason names the village and the relative.
        var refused = await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams/{teamId}/members", new { personId = pool[3].Id });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await refused.JsonAsync()).GetProperty("errors").GetProperty("personId")[0].GetString();
        Assert.Equal($"婺城丙04须回避{village0}：其配偶 王某 任本村书记", error);

        // In another team, he is accepted; moving the tied village to that team is refused.
        var other = (await (await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams", new { name = "第二巡察组" })).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/rounds/{round.Id}/teams/{other}/members", new { personId = pool[3].Id })).StatusCode);
        var move = await client.PostAsJsonAsync($"/api/rounds/{round.Id}/targets/{villages[0]}/move", new { teamId = other });
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.Contains("其配偶 王某 任本村书记", (await move.JsonAsync()).GetProperty("errors").GetProperty("teamId")[0].GetString());

        // A person on a team of an overlapping round is refused too.
        var overlapping = await TeamSeed.RoundAsync(db, "330702", [villages[1]], TeamSeed.Start.AddDays(10));
        var third = (await (await client.PostAsJsonAsync($"/api/rounds/{overlapping.Id}/teams", new { name = "第一巡察组" })).JsonAsync()).GetProperty("id").GetGuid();
        var busy = await client.PostAsJsonAsync($"/api/rounds/{overlapping.Id}/teams/{third}/members", new { personId = pool[0].Id });
        Assert.Equal(HttpStatusCode.BadRequest, busy.StatusCode);
        Assert.Contains("时间重叠", (await busy.JsonAsync()).GetProperty("errors").GetProperty("personId")[0].GetString());

        // The first team is complete; the second lacks skills and a leader, shown as warnings.
        var view = await (await client.GetAsync($"/api/rounds/{round.Id}/teams")).JsonAsync();
        var first = view.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == teamId);
        Assert.Equal("婺城丙02", first.GetProperty("leader").GetProperty("name").GetString());
        Assert.Empty(first.GetProperty("warnings").EnumerateArray());
        var second = view.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == other);
        var warnings = second.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains("缺少审计或财政人员", warnings);
        Assert.Contains("未指定组长", warnings);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/rounds/{round.Id}/teams/{teamId}/members/{pool[1].Id}")).StatusCode);
        Assert.False(await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.PersonId == pool[1].Id));
    }

    private static HashSet<Guid> Ids(JsonElement e, string array, string field) =>
        e.GetProperty(array).EnumerateArray().Select(x => x.GetProperty(field).GetGuid()).ToHashSet();
}

[Collection("sqlite")]
public sealed class SqliteTeamApiTests(SqliteAppFixture fixture) : TeamApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresTeamApiTests(PostgresAppFixture fixture) : TeamApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
