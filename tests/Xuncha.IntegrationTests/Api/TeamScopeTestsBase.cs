using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Xuncha.Core.Features.Findings;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>
/// A team member sees the villages of its own rounds only (workflow.md, roles): the rounds of the
/// teams its pool record belongs to, resolved on every request as they are now.
/// </summary>
public abstract class TeamScopeTestsBase(XunchaAppFactory app)
{
    private async Task<(HashSet<string> Villages, HashSet<Guid> Rounds)> OwnAsync()
    {
        await using var db = await app.DbAsync();
        return ((await app.TeamVillagesAsync()).ToHashSet(), (await TeamVillages.RoundsAsync(db)).ToHashSet());
    }

    [Fact]
    public async Task TeamMember_ListsOnlyTheVillagesAndRoundsOfItsOwnTeams()
    {
        var (villages, rounds) = await OwnAsync();
        Assert.NotEmpty(villages);
        using var team = await app.ClientForAsync("team");
        using var yiwu = await app.ClientForAsync("yiwu");

        foreach (var path in new[] { "/api/findings?pageSize=200", "/api/leads?pageSize=200", "/api/field-records?pageSize=200", "/api/villages?pageSize=200" })
        {
            var items = (await (await team.GetAsync(path)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            var codes = items.Select(i => (i.TryGetProperty("villageCode", out var v) ? v : i.GetProperty("code")).GetString()!).ToList();
            Assert.All(codes, c => Assert.Contains(c, villages));
            var county = (await (await yiwu.GetAsync(path)).JsonAsync()).GetProperty("total").GetInt32();
            Assert.True(county > codes.Count || path.Contains("field-records"), $"{path}: the county office sees {county}, the team member {codes.Count}");
        }

        var listed = (await (await team.GetAsync("/api/rounds?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, id => Assert.Contains(id, rounds));
    }

    [Fact]
    public async Task TeamMember_IsRefusedAFindingOutsideItsRounds_WhichTheCountyOfficeSees()
    {
        var (villages, _) = await OwnAsync();
        string outside;
        await using (var db = await app.DbAsync())
        {
            outside = await db.Regions.Where(r => r.Code.StartsWith("330782") && r.Code.Length == 12 && !villages.Contains(r.Code)).Select(r => r.Code).FirstAsync();
        }

        using var yiwu = await app.ClientForAsync("yiwu");
        var created = await yiwu.PostAsJsonAsync("/api/findings", new { villageCode = outside, title = "团队范围外的问题", categoryL1 = FindingTaxonomy.Corruption, categoryL2 = "财务制度", source = "visit" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        using var team = await app.ClientForAsync("team");
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/api/findings/{id}")).StatusCode);
        var visit = await team.PostAsJsonAsync("/api/findings", new { villageCode = outside, title = "越权", categoryL1 = FindingTaxonomy.Corruption, categoryL2 = "财务制度", source = "visit" });
        Assert.Equal(HttpStatusCode.Forbidden, visit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await yiwu.GetAsync($"/api/findings/{id}")).StatusCode);
    }
}

public abstract class TeamScopeLinkTestsBase(XunchaAppFactory app)
{
    [Fact]
    public async Task Office_LinksAnAccountToAPoolPerson_WhichThenSeesThatPersonsRounds_UnlinkingTakesThemAway()
    {
        Guid personId;
        List<string> villages;
        await using (var db = await app.DbAsync())
        {
            villages = await TeamSeed.VillagesAsync(db, "330782", 2, skip: 700);
            var round = await TeamSeed.RoundAsync(db, "330782", villages);
            var people = await TeamSeed.PoolAsync(db, "330782", 1, "关联");
            personId = people[0].Id;
            var team = new Xuncha.Core.Domain.Teams.Team { Id = Guid.NewGuid(), RoundId = round.Id, Name = "关联测试组", CreatedAt = DateTimeOffset.UtcNow };
            team.Members.Add(new Xuncha.Core.Domain.Teams.TeamMember { Id = Guid.NewGuid(), TeamId = team.Id, PersonId = personId, IsLeader = true });
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        }

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Xuncha.Core.Features.Users.CreateUserHandler>().Handle(
                new Xuncha.Core.Features.Users.CreateUser("link.member", "关联组员", null, "巡察组成员", "330782", "Passw0rdX"), null);
        }

        using var yiwu = await app.ClientForAsync("yiwu");
        var unknown = await yiwu.PutAsJsonAsync($"/api/people/{personId}/account", new { userName = "nobody.here" });
        Assert.Equal("找不到登录账号「nobody.here」。", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("userName")[0].GetString());
        var owner = await yiwu.PutAsJsonAsync($"/api/people/{personId}/account", new { userName = "owner" });
        Assert.Contains("不是巡察组成员", (await owner.JsonAsync()).GetProperty("errors").GetProperty("userName")[0].GetString());
        var taken = await yiwu.PutAsJsonAsync($"/api/people/{personId}/account", new { userName = "team" });
        Assert.Contains("已关联人员", (await taken.JsonAsync()).GetProperty("errors").GetProperty("userName")[0].GetString());

        using var member = await app.ClientForAsync("link.member");
        Assert.Equal(0, (await (await member.GetAsync("/api/villages")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await yiwu.PutAsJsonAsync($"/api/people/{personId}/account", new { userName = "link.member" })).StatusCode);
        var seen = (await (await member.GetAsync("/api/villages")).JsonAsync()).GetProperty("items").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
        Assert.Equal(villages.Order(), seen.Order());
        Assert.Equal("link.member", (await (await yiwu.GetAsync($"/api/people/{personId}")).JsonAsync()).GetProperty("accountUserName").GetString());

        Assert.Equal(HttpStatusCode.OK, (await yiwu.PutAsJsonAsync($"/api/people/{personId}/account", new { userName = "" })).StatusCode);
        Assert.Equal(0, (await (await member.GetAsync("/api/villages")).JsonAsync()).GetProperty("total").GetInt32());
    }
}

public sealed class SqliteTeamScopeLinkTests(SqliteAppFixture fixture) : TeamScopeLinkTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresTeamScopeLinkTests(PostgresAppFixture fixture) : TeamScopeLinkTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;

public sealed class SqliteTeamScopeTests(SqliteAppFixture fixture) : TeamScopeTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresTeamScopeTests(PostgresAppFixture fixture) : TeamScopeTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
