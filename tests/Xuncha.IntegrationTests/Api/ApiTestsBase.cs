using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>The same suite runs against SQLite and PostgreSQL (see the two subclasses).</summary>
public abstract class ApiTestsBase(XunchaAppFactory app)
{
    protected XunchaAppFactory App { get; } = app;

    [Fact]
    public async Task Database_AfterStartup_HasFullRegionTreeAndNoPendingModelChanges()
    {
        await using var db = await App.DbAsync();
        var expected = App.Database.Provider == "postgres" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expected, db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run ./migrations.sh");
        Assert.Equal(1, await db.Regions.CountAsync(r => r.Level == RegionLevel.City));
        Assert.Equal(9, await db.Regions.CountAsync(r => r.Level == RegionLevel.County));
        Assert.Equal(146, await db.Regions.CountAsync(r => r.Level == RegionLevel.Township));
        Assert.Equal(3300, await db.Regions.CountAsync(r => r.Level == RegionLevel.Village));
        var yiwu = await db.Regions.SingleAsync(r => r.Code == "330782");
        Assert.Equal("义乌市", yiwu.Name);
    }

    [Fact]
    public async Task Database_HasTheIndexesTheLedgersAreListedBy()
    {
        // Written by hand (expression indexes): without them every ledger page sorted the whole table.
        await using var db = await App.DbAsync();
        var sql = App.Database.Provider == "postgres"
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE indexname LIKE '%ListOrder'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name LIKE '%ListOrder'";
        var names = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        Assert.Equal(["IX_leads_ListOrder", "IX_rectification_tasks_ListOrder"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Api_WithoutSignIn_Returns401ProblemInChinese()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/api/villages");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("未登录", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Api_WithRevokedOrBogusToken_Returns401()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "xct_not-a-real-token");
        var response = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_ForCountyUser_ShowsRoleAndScope()
    {
        using var client = await App.ClientForAsync("yiwu");
        var me = await (await client.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("330782", me.GetProperty("scopeCode").GetString());
        Assert.Equal("义乌市", me.GetProperty("scopeName").GetString());
        Assert.Equal("县巡察办", me.GetProperty("roleNames")[0].GetString());
    }

    [Theory]
    [InlineData("city", "3307", 3300)]
    [InlineData("yiwu", "330782", -1)]
    [InlineData("owner", "330782100", -1)]
    public async Task Villages_AreFilteredToTheUsersScope(string user, string scope, int expectedTotal)
    {
        await using var db = await App.DbAsync();
        var inScope = await db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith(scope));
        Assert.True(inScope > 0);
        if (expectedTotal > 0)
        {
            Assert.Equal(expectedTotal, inScope);
        }

        using var client = await App.ClientForAsync(user);
        var page = await (await client.GetAsync("/api/villages?pageSize=500")).JsonAsync();
        Assert.Equal(inScope, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, v => Assert.StartsWith(scope, v.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Village_InOwnCounty_ShowsProfile()
    {
        using var client = await App.ClientForAsync("yiwu");
        var response = await client.GetAsync("/api/villages/330782100014");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var v = await response.JsonAsync();
        Assert.Equal("大成社区居委会", v.GetProperty("name").GetString());
        Assert.Equal("佛堂镇", v.GetProperty("ancestors")[2].GetProperty("name").GetString());
        Assert.True(v.GetProperty("profile").GetProperty("population").GetInt32() > 0);
    }

    [Fact]
    public async Task Village_InAnotherCounty_Returns403ProblemNaming_TheScope()
    {
        using var client = await App.ClientForAsync("yiwu");
        var response = await client.GetAsync("/api/villages/330702001008");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("不在您的数据范围（义乌市）内", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Region_UnknownOrMalformedCode_Returns404Or400()
    {
        using var client = await App.ClientForAsync("city");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/regions/330799999999")).StatusCode);
        var bad = await client.GetAsync("/api/regions/abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("区划代码", (await bad.JsonAsync()).GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task RegionChildren_OfCity_AreTheNineCounties()
    {
        using var client = await App.ClientForAsync("city");
        var children = await (await client.GetAsync("/api/regions/3307/children")).JsonAsync();
        Assert.Equal(9, children.GetArrayLength());
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("name").GetString() == "永康市");
    }

    [Fact]
    public async Task CreateUser_WithBadInput_Returns400WithChineseFieldErrors()
    {
        using var client = await App.ClientForAsync("admin");
        var response = await client.PostAsJsonAsync("/api/users", new { userName = "x", displayName = "", role = "队长", scopeCode = "999", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("3–32", errors.GetProperty("userName")[0].GetString());
        Assert.Equal("请输入姓名。", errors.GetProperty("displayName")[0].GetString());
        Assert.Contains("没有「队长」这个角色", errors.GetProperty("role")[0].GetString());
        Assert.Contains("999", errors.GetProperty("scopeCode")[0].GetString());
        Assert.Contains(errors.GetProperty("password").EnumerateArray(), e => e.GetString()!.Contains("至少需要 8 位"));
    }

    [Fact]
    public async Task CreateUser_ByCountyOffice_IsLimitedToItsCountyAndRoles()
    {
        using var client = await App.ClientForAsync("wucheng");
        var outside = await client.PostAsJsonAsync("/api/users", new { userName = "wc.outside", displayName = "测试甲", role = "巡察组成员", scopeCode = "330782", password = "Passw0rdX" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("婺城区", (await outside.JsonAsync()).GetProperty("errors").GetProperty("scopeCode")[0].GetString());

        var admin = await client.PostAsJsonAsync("/api/users", new { userName = "wc.admin", displayName = "测试乙", role = "系统管理员", scopeCode = "330702", password = "Passw0rdX" });
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
        Assert.True((await admin.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));

        var ok = await client.PostAsJsonAsync("/api/users", new { userName = "wc.member", displayName = "测试丙", role = "巡察组成员", scopeCode = "330702103", password = "Passw0rdX" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var list = await (await client.GetAsync("/api/users?q=wc.member")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Users_ListedByCountyOffice_AreOnlyThoseInItsCounty()
    {
        using var client = await App.ClientForAsync("yiwu");
        var page = await (await client.GetAsync("/api/users?pageSize=100")).JsonAsync();
        var scopes = page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("scopeCode").GetString()!).ToList();
        Assert.Contains(scopes, s => s == "330782100");
        Assert.All(scopes, s => Assert.StartsWith("330782", s));
    }

    [Fact]
    public async Task Tokens_CreatedListedAndRevoked_StopWorking()
    {
        using var client = await App.ClientForAsync("team");
        var created = await (await client.PostAsJsonAsync("/api/tokens", new { name = "脚本", validDays = 7 })).JsonAsync();
        var secret = created.GetProperty("token").GetString()!;
        using var script = App.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);

        var id = created.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var client = App.CreateClient();
        var doc = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/villages", out _));
        Assert.Equal("巡察 Xuncha API", doc.GetProperty("info").GetProperty("title").GetString());
    }
}

[Collection("sqlite")]
public sealed class SqliteApiTests(SqliteAppFixture fixture) : ApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresApiTests(PostgresAppFixture fixture) : ApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
