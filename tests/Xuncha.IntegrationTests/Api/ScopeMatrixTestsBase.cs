using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Features.Users;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>
/// Role × scope over every API endpoint: each demo user (one per role, various scopes) against
/// each endpoint — allowed, refused with 403, or answered with only the data in scope. A new
/// endpoint without a row here fails <see cref="Matrix_CoversEveryApiEndpoint"/>.
/// </summary>
public abstract class ScopeMatrixTestsBase(XunchaAppFactory app)
{
    private const string Yiwu = "330782";
    private const string FotangVillage = "330782100014";
    private const string Fotang = "330782100";

    private static readonly HashSet<string> Managers = ["admin", "city", "yiwu", "wucheng"];

    public static readonly TheoryData<string> Users = new(DemoSeeder.Users.Select(u => u.UserName));

    /// <summary>Every API route the matrix exercises, as "METHOD /pattern".</summary>
    public static readonly HashSet<string> Covered =
    [
        "GET /api/me",
        "GET /api/regions/",
        "GET /api/regions/{code}",
        "GET /api/regions/{code}/children",
        "GET /api/villages/",
        "GET /api/villages/{code}",
        "GET /api/users/",
        "POST /api/users/",
        "POST /api/users/{id}/lock",
        "POST /api/users/{id}/unlock",
        "GET /api/tokens/",
        "POST /api/tokens/",
        "DELETE /api/tokens/{id:guid}",
        "POST /api/screening/runs",
        "POST /api/screening/runs/folder",
        "GET /api/screening/runs",
        "GET /api/screening/runs/{id:guid}",
        "GET /api/screening/rules",
        "GET /api/leads/",
        "GET /api/leads/export",
        "GET /api/leads/{id:guid}",
        "POST /api/leads/{id:guid}/confirm",
        "POST /api/leads/{id:guid}/dismiss",
        "GET /api/plans/",
        "GET /api/plans/export",
        "GET /api/rounds/{id:guid}/targets/export",
        "POST /api/plans/",
        "GET /api/plans/{id:guid}",
        "PUT /api/plans/{id:guid}",
        "POST /api/plans/{id:guid}/{decision:regex(^(submit|approve|return)$)}",
        "POST /api/plans/{id:guid}/attachments",
        "GET /api/plans/{id:guid}/attachments/{aid:guid}",
        "GET /api/rounds/",
        "POST /api/rounds/",
        "GET /api/rounds/{id:guid}",
        "PUT /api/rounds/{id:guid}",
        "POST /api/rounds/{id:guid}/targets",
        "DELETE /api/rounds/{id:guid}/targets/{targetId:guid}",
        "GET /api/risk/ranking",
        "GET /api/risk/ranking/export",
        "GET /api/risk/coverage",
        "GET /api/rounds/{roundId:guid}/checklists/",
        "POST /api/rounds/{roundId:guid}/checklists/generate",
        "GET /api/rounds/{roundId:guid}/checklists/export",
        "GET /api/checklists/{targetId:guid}",
        "GET /api/checklists/{targetId:guid}/export",
        "POST /api/checklists/{targetId:guid}/items",
        "PUT /api/checklists/items/{itemId:guid}",
        "DELETE /api/checklists/items/{itemId:guid}",
        "GET /api/checklist-templates/",
        "POST /api/checklist-templates/",
        "PUT /api/checklist-templates/{id:guid}",
        "GET /api/rounds/{roundId:guid}/teams",
        "POST /api/rounds/{roundId:guid}/teams/assign",
        "POST /api/rounds/{roundId:guid}/teams",
        "POST /api/rounds/{roundId:guid}/teams/{teamId:guid}/members",
        "DELETE /api/rounds/{roundId:guid}/teams/{teamId:guid}/members/{personId:guid}",
        "PUT /api/rounds/{roundId:guid}/teams/{teamId:guid}/leader",
        "POST /api/rounds/{roundId:guid}/targets/{villageCode}/move",
        "GET /api/rounds/{roundId:guid}/conflicts",
        "GET /api/rounds/{roundId:guid}/pool",
        "GET /api/rounds/{roundId:guid}/teams/export",
        "GET /api/rounds/{roundId:guid}/experts",
        "POST /api/rounds/{roundId:guid}/teams/{teamId:guid}/experts",
        "GET /api/findings/{findingId:guid}/experts",
        "POST /api/findings/{findingId:guid}/experts",
        "GET /api/people/",
        "POST /api/people/",
        "GET /api/people/template",
        "POST /api/people/import",
        "GET /api/people/export",
        "GET /api/people/{id:guid}",
        "PUT /api/people/{id:guid}",
        "DELETE /api/people/{id:guid}",
        "POST /api/people/{id:guid}/availability",
        "PUT /api/people/{id:guid}/account",
        "GET /api/experts/",
        "POST /api/experts/",
        "GET /api/experts/template",
        "POST /api/experts/import",
        "GET /api/experts/export",
        "GET /api/experts/{id:guid}",
        "PUT /api/experts/{id:guid}",
        "DELETE /api/experts/{id:guid}",
        "POST /api/experts/{id:guid}/availability",
        "GET /api/field-records/",
        "GET /api/field-records/export",
        "GET /api/field-records/links",
        "GET /api/field-records/{id:guid}",
        "POST /api/field-records/",
        "PUT /api/field-records/{id:guid}",
        "DELETE /api/field-records/{id:guid}",
        "GET /api/villages/{code}/fieldwork",
        "GET /api/guidance/groups",
        "POST /api/guidance/groups",
        "PUT /api/guidance/groups/{id:guid}",
        "GET /api/guidance/records",
        "POST /api/guidance/records",
        "GET /api/guidance/suggestions",
        "GET /api/guidance/suggestions/export",
        "POST /api/guidance/suggestions",
        "POST /api/guidance/suggestions/{id:guid}/{step:regex(^(adopt|implement)$)}",
        "GET /api/guidance/counts",
        "GET /api/reports/",
        "GET /api/reports/export",
        "GET /api/reports/{id:guid}",
        "POST /api/reports/{id:guid}/handle",
        "GET /api/report-channels/",
        "POST /api/report-channels/",
        "GET /api/report-channels/{id:guid}/qr.png",
        "GET /api/report-channels/{id:guid}/qr.svg",
        "GET /api/villages/{code}/petitions",
        "GET /api/villages/{code}/petitions/export",
        "GET /api/petitions/{id:guid}",
        "GET /api/findings/",
        "GET /api/findings/export",
        "GET /api/findings/taxonomy",
        "POST /api/findings/",
        "GET /api/findings/{id:guid}",
        "PUT /api/findings/{id:guid}",
        "PUT /api/findings/{id:guid}/case",
        "POST /api/findings/{id:guid}/recoveries",
        "DELETE /api/findings/{id:guid}/recoveries/{recoveryId:guid}",
        "POST /api/findings/{id:guid}/evidence",
        "GET /api/findings/{id:guid}/evidence/{evidenceId:guid}",
        "GET /api/findings/{id:guid}/evidence/{evidenceId:guid}/preview",
        "POST /api/findings/{id:guid}/clue",
        "GET /api/clues/",
        "GET /api/clues/{id:guid}",
        "PUT /api/clues/{id:guid}/status",
        "GET /api/cases",
        .. RectificationMatrix.Routes,
        "GET /api/documents/villages/{code}/preview",
        "GET /api/documents/villages/{code}/report.docx",
        "GET /api/documents/villages/{code}/lists/{listKey}.{format}",
        "GET /api/documents/rounds/{id:guid}/preview",
        "GET /api/documents/rounds/{id:guid}/report.docx",
        "GET /api/documents/rounds/{id:guid}/lists/{listKey}.{format}",
        .. AuditMatrix.Routes,
    ];

    private static readonly HashSet<string> ScreeningViewers = ["admin", "city", "yiwu", "wucheng", "team", "guide"];
    private static readonly HashSet<string> ScreeningOperators = ["admin", "city", "yiwu", "wucheng", "team"];
    private static readonly HashSet<string> ChecklistReaders = ["admin", "city", "yiwu", "wucheng", "team", "guide"];
    private static readonly HashSet<string> ChecklistCheckers = ["admin", "city", "yiwu", "wucheng", "team"];

    [Fact]
    public void Matrix_CoversEveryApiEndpoint()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        Assert.NotEmpty(routes);
        var covered = Covered.Concat(FeedbackMatrix.Routes).Concat(Statistics.StatisticsApiTestsBase.Routes).ToHashSet();
        Assert.Empty(routes.Except(covered));
        Assert.Empty(covered.Except(routes));
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryEndpoint_ForUser_IsAllowedRefusedOrFiltered(string userName)
    {
        var demo = DemoSeeder.Users.Single(u => u.UserName == userName);
        var scope = demo.ScopeCode;
        using var client = await app.ClientForAsync(userName);
        await using var db = await app.DbAsync();

        // A team member sees only the villages of its own rounds.
        var own = userName == "team" ? (await app.TeamVillagesAsync()).ToHashSet() : null;
        bool SeesVillage(string code) => RegionCode.IsWithin(code, scope) && (own is null || own.Contains(code));

        // Everyone: who am I, my tree.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        var roots = await (await client.GetAsync("/api/regions")).JsonAsync();
        Assert.Equal(scope, Assert.Single(roots.EnumerateArray()).GetProperty("code").GetString());

        // A county node: only users whose scope contains it.
        var seesYiwu = RegionCode.IsWithin(Yiwu, scope);
        await ExpectAsync(client, HttpMethod.Get, $"/api/regions/{Yiwu}", seesYiwu);
        await ExpectAsync(client, HttpMethod.Get, $"/api/regions/{Yiwu}/children", seesYiwu);

        // A village: only users whose scope contains it.
        await ExpectAsync(client, HttpMethod.Get, $"/api/villages/{FotangVillage}", SeesVillage(FotangVillage));

        // The village list: always answered, never beyond the scope (a team member's: its own villages).
        var page = await (await client.GetAsync("/api/villages?pageSize=500")).JsonAsync();
        var inScope = own?.Count ?? await db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith(scope));
        Assert.Equal(inScope, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), v => Assert.True(SeesVillage(v.GetProperty("code").GetString()!)));

        // Asking for a node outside the scope as a filter is refused, not silently widened.
        if (scope != RegionCode.City)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/villages?under=3307")).StatusCode);
        }

        // User administration: managers only, filtered to their scope.
        var manager = Managers.Contains(userName);
        var users = await client.GetAsync("/api/users?pageSize=500");
        Assert.Equal(manager ? HttpStatusCode.OK : HttpStatusCode.Forbidden, users.StatusCode);
        if (manager)
        {
            var listed = (await users.JsonAsync()).GetProperty("items").EnumerateArray().Select(u => u.GetProperty("scopeCode").GetString()!).ToList();
            Assert.NotEmpty(listed);
            Assert.All(listed, s => Assert.StartsWith(scope, s));
        }

        var create = await client.PostAsJsonAsync("/api/users/", new
        {
            userName = $"m.{userName}.{Guid.NewGuid():N}"[..30],
            displayName = "矩阵测试",
            role = "巡察组成员",
            scopeCode = scope,
            password = "Passw0rdX",
        });
        Assert.Equal(manager ? HttpStatusCode.Created : HttpStatusCode.Forbidden, create.StatusCode);
        if (!manager)
        {
            Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        }

        // Locking a user of 佛堂镇: managers whose scope contains it.
        string targetId;
        using (var s = app.Services.CreateScope())
        {
            targetId = (await s.ServiceProvider.GetRequiredService<CreateUserHandler>().Handle(
                new CreateUser($"t.{userName}.{Guid.NewGuid():N}"[..30], "锁定目标", null, "整改责任单位", Fotang, "Passw0rdX"), null)).Id;
        }

        var mayLock = manager && RegionCode.IsWithin(Fotang, scope);
        Assert.Equal(mayLock ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{targetId}/lock", null)).StatusCode);
        Assert.Equal(mayLock ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{targetId}/unlock", null)).StatusCode);

        // Tokens: everyone manages their own, nobody another's.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tokens")).StatusCode);
        var token = await (await client.PostAsJsonAsync("/api/tokens/", new { name = "矩阵" })).JsonAsync();
        var tokenId = token.GetProperty("id").GetString();
        var someoneElse = DemoSeeder.Users.First(u => u.UserName != userName).UserName;
        using (var other = await app.ClientForAsync(someoneElse))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/tokens/{tokenId}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/tokens/{tokenId}")).StatusCode);

        await ScreeningAsync(client, userName, scope, db);
        await PlanningAsync(client, userName, scope, db);
        await ChecklistsAsync(client, userName, scope, db);
        await TeamsAsync(client, userName, scope, db);
        await PoolsAsync(client, userName, scope, db);
        await FieldworkAsync(client, userName, scope, db);
        await ReportsAsync(client, userName, scope, db);
        await FindingsMatrix.RunAsync(client, userName, scope, db);
        await RectificationMatrix.RunAsync(client, userName, scope, db);
        await FeedbackMatrix.RunAsync(client, userName, scope, db);
        await DocumentsMatrix.RunAsync(client, userName, scope, db, FotangVillage);
        await AuditMatrix.RunAsync(client, userName);
    }

    private static readonly HashSet<string> ReportViewers = ["city", "yiwu", "wucheng", "team", "jijian"];
    private static readonly HashSet<string> ReportHandlers = ["city", "yiwu", "wucheng", "team"];
    private static readonly HashSet<string> ChannelViewers = ["city", "yiwu", "wucheng", "team"];
    private static readonly HashSet<string> PetitionViewers = ["admin", "city", "yiwu", "wucheng", "team", "guide", "jijian"];

    /// <summary>
    /// 群众反映 and 信访举报 of a 义乌 village: the inbox for offices, team members and 纪检监察 in scope
    /// (others 403, other counties 404), channels for offices and teams, petitions for viewers in scope.
    /// Which roles read the reporter in clear is tested in ReportProtectionTestsBase.
    /// </summary>
    private static async Task ReportsAsync(HttpClient client, string userName, string scope, Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var round = await TeamSeed.RoundAsync(db, Yiwu, [FotangVillage]);
        await TeamSeed.JoinIfTeamAsync(db, userName, round.Id);

        var channel = new Xuncha.Core.Domain.Reports.ReportChannel
        {
            Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = FotangVillage, Token = Guid.NewGuid().ToString("N"), TeamContact = "矩阵", CreatedAt = DateTimeOffset.UtcNow,
        };
        var report = new Xuncha.Core.Domain.Reports.PublicReport
        {
            Id = Guid.CreateVersion7(), ChannelId = channel.Id, RoundId = round.Id, VillageCode = FotangVillage, ReceiptNo = Guid.NewGuid().ToString("N")[..15],
            Category = "其他", Content = "矩阵测试反映内容", Anonymous = true, ReceivedAt = DateTimeOffset.UtcNow,
        };
        var petition = new Petition { Id = Guid.NewGuid(), VillageCode = FotangVillage, PetitionNo = "M-" + Guid.NewGuid().ToString("N")[..8], Category = "财务" };
        db.ReportChannels.Add(channel);
        db.PublicReports.Add(report);
        db.Petitions.Add(petition);
        await db.SaveChangesAsync();

        var covers = RegionCode.IsWithin(Yiwu, scope);
        var view = ReportViewers.Contains(userName);
        var forbiddenOr = (bool allowed, HttpStatusCode ok) => allowed ? ok : HttpStatusCode.Forbidden;
        Assert.Equal(forbiddenOr(view, HttpStatusCode.OK), (await client.GetAsync($"/api/reports?roundId={round.Id}")).StatusCode);
        Assert.Equal(forbiddenOr(view, HttpStatusCode.OK), (await client.GetAsync("/api/reports/export")).StatusCode);
        Assert.Equal(forbiddenOr(view, covers ? HttpStatusCode.OK : HttpStatusCode.NotFound), (await client.GetAsync($"/api/reports/{report.Id}")).StatusCode);
        var handle = await client.PostAsJsonAsync($"/api/reports/{report.Id}/handle", new { status = "不予处理", note = "" });
        Assert.Equal(forbiddenOr(ReportHandlers.Contains(userName), covers ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound), handle.StatusCode);

        var channels = ChannelViewers.Contains(userName);
        Assert.Equal(forbiddenOr(channels, covers ? HttpStatusCode.OK : HttpStatusCode.NotFound), (await client.GetAsync($"/api/report-channels?roundId={round.Id}")).StatusCode);
        Assert.Equal(forbiddenOr(channels, covers ? HttpStatusCode.OK : HttpStatusCode.NotFound), (await client.GetAsync($"/api/report-channels/{channel.Id}/qr.png")).StatusCode);
        Assert.Equal(forbiddenOr(channels, covers ? HttpStatusCode.OK : HttpStatusCode.NotFound), (await client.GetAsync($"/api/report-channels/{channel.Id}/qr.svg")).StatusCode);
        var create = await client.PostAsJsonAsync("/api/report-channels/", new { roundId = round.Id, teamContact = "电话 0579-1234567" });
        Assert.Equal(forbiddenOr(Managers.Contains(userName) && userName != "admin", covers ? HttpStatusCode.OK : HttpStatusCode.NotFound), create.StatusCode);

        var petitions = PetitionViewers.Contains(userName) && covers ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(petitions, (await client.GetAsync($"/api/villages/{FotangVillage}/petitions")).StatusCode);
        Assert.Equal(petitions, (await client.GetAsync($"/api/villages/{FotangVillage}/petitions/export")).StatusCode);
        Assert.Equal(forbiddenOr(PetitionViewers.Contains(userName), covers ? HttpStatusCode.OK : HttpStatusCode.NotFound), (await client.GetAsync($"/api/petitions/{petition.Id}")).StatusCode);
    }

    /// <summary>Plans, rounds and the ranking: offices plan within their region; teams and guidance groups look; others are refused.</summary>
    private static async Task PlanningAsync(HttpClient client, string userName, string scope, Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var viewer = ScreeningViewers.Contains(userName);
        var planner = Managers.Contains(userName);
        var expected = viewer ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, (await client.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/rounds")).StatusCode);
        // The ranking and coverage are the offices' planning tools: a team member sees only its own rounds.
        var ranks = viewer && userName != "team";
        var rankExpected = ranks ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(rankExpected, (await client.GetAsync("/api/risk/coverage")).StatusCode);
        Assert.Equal(rankExpected, (await client.GetAsync("/api/risk/ranking/export?top=3")).StatusCode);
        var ranking = await client.GetAsync("/api/risk/ranking?top=3");
        Assert.Equal(rankExpected, ranking.StatusCode);
        if (ranks)
        {
            var r = await ranking.JsonAsync();
            Assert.Equal(await db.Regions.CountAsync(x => x.Level == RegionLevel.Village && x.Code.StartsWith(scope)), r.GetProperty("total").GetInt32());
            Assert.All(r.GetProperty("villages").EnumerateArray(), v => Assert.StartsWith(scope, v.GetProperty("villageCode").GetString()));
        }

        // 义乌's plan and current round: seen by those whose scope contains 义乌 or lies within it.
        var plan = await db.Plans.SingleAsync(p => p.RegionCode == Yiwu && p.Title.EndsWith("年度村（社区）巡察工作计划"));
        var round = await db.Rounds.SingleAsync(r => r.RegionCode == Yiwu && r.Name.EndsWith("第三轮村（社区）巡察"));
        var sees = RegionCode.IsWithin(Yiwu, scope) || RegionCode.IsWithin(scope, Yiwu);
        var read = !viewer ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(read, (await client.GetAsync($"/api/plans/{plan.Id}")).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"/api/rounds/{round.Id}")).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"/api/rounds/{round.Id}/targets/export")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/plans/export")).StatusCode);

        // Edits with empty fields: 400 for offices covering 义乌, 403 for other roles, 404 where not visible.
        var edit = !planner ? HttpStatusCode.Forbidden : !sees ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
        Assert.Equal(edit, (await client.PutAsJsonAsync($"/api/rounds/{round.Id}", new { name = "", type = "Regular" })).StatusCode);
        Assert.Equal(edit, (await client.PostAsJsonAsync($"/api/rounds/{round.Id}/targets", new { villages = Array.Empty<object>() })).StatusCode);
        Assert.Equal(planner ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/rounds/", new { name = "", type = "Regular" })).StatusCode);
        Assert.Equal(planner ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/plans/", new { title = "" })).StatusCode);
        Assert.Equal(planner ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/rounds/{round.Id}/targets/{Guid.NewGuid()}")).StatusCode);
        var approvedEdit = !planner ? HttpStatusCode.Forbidden : !sees ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
        Assert.Equal(approvedEdit, (await client.PutAsJsonAsync($"/api/plans/{plan.Id}", new { year = 2026, title = "改", targetVillages = 1 })).StatusCode);
        Assert.Equal(approvedEdit, (await client.PostAsync($"/api/plans/{plan.Id}/submit", null)).StatusCode);
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        Assert.Equal(planner ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsync($"/api/plans/{plan.Id}/attachments", noFile)).StatusCode);
        Assert.Equal(viewer ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/plans/{plan.Id}/attachments/{Guid.NewGuid()}")).StatusCode);
    }

    /// <summary>
    /// 一村一单 of a 义乌 round: offices edit, team members fill in, guidance groups read, within scope;
    /// templates are read by offices and edited by the city.
    /// </summary>
    private static async Task ChecklistsAsync(HttpClient client, string userName, string scope, Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var round = new Xuncha.Core.Domain.Planning.Round
        {
            Id = Guid.NewGuid(), Name = "矩阵轮次 " + userName, RegionCode = Yiwu, StartDate = new DateOnly(2025, 3, 1), EndDate = new DateOnly(2025, 4, 30),
            CreatedById = "matrix", CreatedAt = DateTimeOffset.UtcNow,
        };
        var target = new Xuncha.Core.Domain.Planning.RoundTarget { Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = FotangVillage, PickedById = "matrix", PickedAt = DateTimeOffset.UtcNow };
        var item = new Xuncha.Core.Domain.Checklists.ChecklistItem
        {
            Id = Guid.NewGuid(), RoundTargetId = target.Id, Area = "作风", Text = "矩阵事项", Status = Xuncha.Core.Domain.Checklists.ChecklistItemStatus.Problem,
        };
        db.Rounds.Add(round);
        db.RoundTargets.Add(target);
        db.ChecklistItems.Add(item);
        await db.SaveChangesAsync();
        await TeamSeed.JoinIfTeamAsync(db, userName, round.Id);

        var covers = RegionCode.IsWithin(FotangVillage, scope);
        var reader = ChecklistReaders.Contains(userName) && covers;
        var checker = ChecklistCheckers.Contains(userName) && covers;
        var editor = Managers.Contains(userName) && covers;
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/rounds/{round.Id}/checklists")).StatusCode);
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/rounds/{round.Id}/checklists/export")).StatusCode);
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/checklists/{target.Id}")).StatusCode);
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/checklists/{target.Id}/export")).StatusCode);
        Assert.Equal(checker ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/checklists/{target.Id}/items", new { area = "作风", text = "" })).StatusCode);
        Assert.Equal(checker ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/checklists/items/{item.Id}", new { status = "Clear" })).StatusCode);
        Assert.Equal(editor ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/checklists/items/{item.Id}")).StatusCode);
        var generate = await client.PostAsync($"/api/rounds/{round.Id}/checklists/generate", null);
        Assert.Equal(editor ? HttpStatusCode.OK : HttpStatusCode.Forbidden, generate.StatusCode);

        var template = await db.ChecklistTemplateItems.OrderBy(t => t.SortOrder).FirstAsync();
        Assert.Equal(Managers.Contains(userName) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/api/checklist-templates")).StatusCode);
        var templateEditor = userName is "admin" or "city";
        var bad = new { area = "作风", text = "", condition = "Always", sortOrder = 1 };
        Assert.Equal(templateEditor ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/checklist-templates/", bad)).StatusCode);
        Assert.Equal(templateEditor ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/checklist-templates/{template.Id}", bad)).StatusCode);
    }

    /// <summary>
    /// The personnel and expert pools: the offices and administrators keep the pools within their
    /// scope (a 义乌 record is 403 to 婺城 and the other way round); every other role is refused.
    /// </summary>
    private static async Task PoolsAsync(HttpClient client, string userName, string scope, Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var manager = Managers.Contains(userName);
        var wucheng = "330702";
        foreach (var (pool, total) in new[] { ("people", await db.People.CountAsync(p => p.RegionCode.StartsWith(scope))), ("experts", await db.Experts.CountAsync(e => e.RegionCode.StartsWith(scope))) })
        {
            var list = await client.GetAsync($"/api/{pool}?pageSize=500");
            Assert.Equal(manager ? HttpStatusCode.OK : HttpStatusCode.Forbidden, list.StatusCode);
            if (manager)
            {
                var page = await list.JsonAsync();
                Assert.Equal(total, page.GetProperty("total").GetInt32());
                Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.StartsWith(scope, p.GetProperty("regionCode").GetString()));
            }

            var expected = manager ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.Equal(expected, (await client.GetAsync($"/api/{pool}/template")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync($"/api/{pool}/export")).StatusCode);
            Assert.Equal(manager ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsync($"/api/{pool}/import", new MultipartFormDataContent())).StatusCode);
            Assert.Equal(manager ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/{pool}/", new { name = "" })).StatusCode);
        }

        // A 义乌 person and expert of the demo pools, and a 婺城 pair made for this user.
        var yiwuPerson = await db.People.Where(p => p.RegionCode == Yiwu).OrderBy(p => p.IdNumber).Select(p => p.Id).FirstAsync();
        var yiwuExpert = await db.Experts.Where(e => e.RegionCode == Yiwu).OrderBy(e => e.Name).Select(e => e.Id).FirstAsync();
        var person = new Xuncha.Core.Domain.People.Person { Id = Guid.NewGuid(), Name = "矩阵人员", IdNumber = PeopleData.NewId(wucheng), RegionCode = wucheng, Skills = ["纪检"] };
        var expert = new Xuncha.Core.Domain.People.Expert { Id = Guid.NewGuid(), Name = "矩阵专家", Field = "法律", RegionCode = wucheng };
        db.People.Add(person);
        db.Experts.Add(expert);
        await db.SaveChangesAsync();

        foreach (var (pool, yiwuId, wuchengId) in new[] { ("people", yiwuPerson, person.Id), ("experts", yiwuExpert, expert.Id) })
        {
            if (manager)
            {
                await ExpectAsync(client, HttpMethod.Get, $"/api/{pool}/{yiwuId}", RegionCode.IsWithin(Yiwu, scope));
                await ExpectAsync(client, HttpMethod.Get, $"/api/{pool}/{wuchengId}", RegionCode.IsWithin(wucheng, scope));
            }
            else
            {
                var refused = await client.GetAsync($"/api/{pool}/{yiwuId}");
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Contains("您的角色", (await refused.JsonAsync()).GetProperty("detail").GetString());
            }

            var mayEdit = manager && RegionCode.IsWithin(wucheng, scope);
            Assert.Equal(mayEdit ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/{pool}/{wuchengId}", new { name = "" })).StatusCode);
            if (pool == "people")
            {
                // Linking an account: managers in scope (an unknown name is a field error), the rest 403.
                Assert.Equal(mayEdit ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
                    (await client.PutAsJsonAsync($"/api/people/{wuchengId}/account", new { userName = "no.such.user" })).StatusCode);
            }

            Assert.Equal(mayEdit ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden,
                (await client.PostAsJsonAsync($"/api/{pool}/{wuchengId}/availability", new { available = true })).StatusCode);
            Assert.Equal(mayEdit ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/{pool}/{wuchengId}")).StatusCode);
            Assert.Equal(manager ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/{pool}/{Guid.NewGuid()}")).StatusCode);
        }
    }

    /// <summary>Screening: viewers see runs, rules and leads of their scope; operators upload and triage; others are refused.</summary>
    private static async Task ScreeningAsync(HttpClient client, string userName, string scope, Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var viewer = ScreeningViewers.Contains(userName);
        var operatorRole = ScreeningOperators.Contains(userName);
        var expected = viewer ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, (await client.GetAsync("/api/screening/rules")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/leads/export")).StatusCode);
        var runs = await client.GetAsync("/api/screening/runs");
        Assert.Equal(expected, runs.StatusCode);

        var leads = await client.GetAsync("/api/leads?pageSize=500");
        Assert.Equal(expected, leads.StatusCode);
        var own = await TeamVillages.OwnVillagesAsync(db, userName);
        var inScope = own is null ? await db.Leads.CountAsync(l => l.VillageCode.StartsWith(scope)) : await db.Leads.CountAsync(l => own.Contains(l.VillageCode));
        if (viewer)
        {
            var page = await leads.JsonAsync();
            Assert.Equal(inScope, page.GetProperty("total").GetInt32());
            Assert.All(page.GetProperty("items").EnumerateArray(), l => Assert.True(own?.Contains(l.GetProperty("villageCode").GetString()!) ?? l.GetProperty("villageCode").GetString()!.StartsWith(scope)));
        }

        // One lead of 义乌 and the demo run over it.
        var lead = await db.Leads.OrderBy(l => l.RuleCode).ThenBy(l => l.Ref).FirstAsync(l => l.Status == Xuncha.Core.Domain.Screening.LeadStatus.Open);
        var batch = await db.ScreeningBatches.FirstAsync(b => b.Trigger == "seed");
        var covers = RegionCode.IsWithin(lead.VillageCode, scope) && (own is null || own.Contains(lead.VillageCode));
        Assert.Equal(viewer && covers ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/leads/{lead.Id}")).StatusCode);
        Assert.Equal(viewer && RegionCode.IsWithin(batch.ScopeCode, scope) ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            (await client.GetAsync($"/api/screening/runs/{batch.Id}")).StatusCode);

        // Triage without the required fields: 400 for those who may triage it, 403 for the rest; nothing changes.
        var mayTriage = operatorRole && covers;
        var dismiss = await client.PostAsJsonAsync($"/api/leads/{lead.Id}/dismiss", new { reason = "" });
        Assert.Equal(mayTriage ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, dismiss.StatusCode);
        var confirm = await client.PostAsJsonAsync($"/api/leads/{lead.Id}/confirm", new { title = "" });
        Assert.Equal(mayTriage ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, confirm.StatusCode);

        // Uploading with no file: 400 for operators, 403 for others; a server folder only for administrators.
        using var empty = new MultipartFormDataContent { { new StringContent(scope), "scopeCode" } };
        Assert.Equal(operatorRole ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsync("/api/screening/runs", empty)).StatusCode);
        var folder = await client.PostAsJsonAsync("/api/screening/runs/folder", new { path = "/nonexistent" });
        Assert.Equal(userName == "admin" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, folder.StatusCode);
    }

    private static readonly HashSet<string> TeamViewers = ["admin", "city", "yiwu", "wucheng", "team", "guide", "jijian"];

    /// <summary>巡察组 of a 义乌 round: viewers in scope read, offices in scope edit (refused input gives 400/404), the rest 403.</summary>
    private static async Task TeamsAsync(HttpClient client, string userName, string scope, Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var round = await TeamSeed.RoundAsync(db, Yiwu, [FotangVillage]);
        await TeamSeed.JoinIfTeamAsync(db, userName, round.Id);

        var team = new Xuncha.Core.Domain.Teams.Team { Id = Guid.NewGuid(), RoundId = round.Id, Name = "第一巡察组", CreatedAt = DateTimeOffset.UtcNow };
        db.Teams.Add(team);
        var finding = new Xuncha.Core.Domain.Findings.Finding
        {
            Id = Guid.NewGuid(), VillageCode = FotangVillage, Title = "矩阵问题", Source = "review", CreatedById = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Findings.Add(finding);
        await db.SaveChangesAsync();

        var covers = RegionCode.IsWithin(Yiwu, scope);
        var view = TeamViewers.Contains(userName) && covers;
        var edit = Managers.Contains(userName) && covers;
        var read = view ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var rounds = $"/api/rounds/{round.Id}";
        Assert.Equal(read, (await client.GetAsync($"{rounds}/teams")).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"{rounds}/teams/export")).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"{rounds}/experts")).StatusCode);
        Assert.Equal(read, (await client.GetAsync($"/api/findings/{finding.Id}/experts")).StatusCode);

        var editOr = (HttpStatusCode refused) => edit ? refused : HttpStatusCode.Forbidden;
        Assert.Equal(edit ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"{rounds}/conflicts")).StatusCode);
        Assert.Equal(edit ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"{rounds}/pool")).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.BadRequest), (await client.PostAsJsonAsync($"{rounds}/teams/assign", new { teamCount = 0 })).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.BadRequest), (await client.PostAsJsonAsync($"{rounds}/teams", new { name = "" })).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.NotFound), (await client.PostAsJsonAsync($"{rounds}/teams/{team.Id}/members", new { personId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.BadRequest), (await client.DeleteAsync($"{rounds}/teams/{team.Id}/members/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.BadRequest), (await client.PutAsJsonAsync($"{rounds}/teams/{team.Id}/leader", new { personId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.BadRequest), (await client.PostAsJsonAsync($"{rounds}/targets/330782100001/move", new { teamId = team.Id })).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.BadRequest), (await client.PostAsJsonAsync($"{rounds}/teams/{team.Id}/experts", new { expertId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(editOr(HttpStatusCode.BadRequest), (await client.PostAsJsonAsync($"/api/findings/{finding.Id}/experts", new { expertId = Guid.NewGuid() })).StatusCode);

        // The round's own village does move onto its team.
        if (edit)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"{rounds}/targets/{FotangVillage}/move", new { teamId = team.Id })).StatusCode);
        }
    }

    private static readonly HashSet<string> FieldReaders = ["admin", "city", "yiwu", "wucheng", "team", "guide", "jijian"];
    private static readonly HashSet<string> FieldWriters = ["admin", "city", "yiwu", "wucheng", "team"];
    private static readonly HashSet<string> GuidanceWriters = ["admin", "city", "yiwu", "wucheng", "guide"];

    /// <summary>走访谈话 and 指导组: teams and offices record visits in their villages; guidance groups and offices keep guidance; experts and owners see nothing.</summary>
    private static async Task FieldworkAsync(HttpClient client, string userName, string scope, Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var reader = FieldReaders.Contains(userName);
        var writer = FieldWriters.Contains(userName);
        var read = reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var list = await client.GetAsync("/api/field-records?pageSize=500");
        Assert.Equal(read, list.StatusCode);
        if (reader)
        {
            Assert.All((await list.JsonAsync()).GetProperty("items").EnumerateArray(), r => Assert.StartsWith(scope, r.GetProperty("villageCode").GetString()));
        }

        Assert.Equal(read, (await client.GetAsync("/api/field-records/export")).StatusCode);
        var record = (await db.FieldRecords.Where(f => f.VillageCode.StartsWith(Yiwu)).ToListAsync()).OrderBy(f => f.CreatedAt).First();
        var covers = RegionCode.IsWithin(record.VillageCode, scope);
        Assert.Equal(!reader ? HttpStatusCode.Forbidden : covers ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/api/field-records/{record.Id}")).StatusCode);
        Assert.Equal(reader && covers ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/api/villages/{record.VillageCode}/fieldwork")).StatusCode);
        Assert.Equal(!reader ? HttpStatusCode.Forbidden : covers ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            (await client.GetAsync($"/api/field-records/links?roundId={record.RoundId}&villageCode={record.VillageCode}")).StatusCode);
        var empty = new { kind = "HomeVisit", roundId = record.RoundId, villageCode = record.VillageCode, learned = "" };
        var write = !writer ? HttpStatusCode.Forbidden : covers ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;
        Assert.Equal(write, (await client.PutAsJsonAsync($"/api/field-records/{record.Id}", empty)).StatusCode);
        Assert.Equal(write, (await client.PostAsJsonAsync("/api/field-records/", empty)).StatusCode);
        Assert.Equal(writer ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/field-records/{Guid.NewGuid()}")).StatusCode);

        // The demo group of 婺城.
        var group = await db.GuidanceGroups.FirstAsync(g => g.RegionCode == "330702");
        var village = group.VillageCodes[0];
        var groups = await client.GetAsync("/api/guidance/groups");
        Assert.Equal(read, groups.StatusCode);
        var overlaps = RegionCode.IsWithin("330702", scope) || RegionCode.IsWithin(scope, "330702");
        if (reader)
        {
            Assert.Equal(overlaps, (await groups.JsonAsync()).EnumerateArray().Any(g => g.GetProperty("id").GetGuid() == group.Id));
        }

        foreach (var url in new[] { "/api/guidance/records", "/api/guidance/suggestions", "/api/guidance/suggestions/export", "/api/guidance/counts" })
        {
            Assert.Equal(read, (await client.GetAsync(url)).StatusCode);
        }

        var editor = Managers.Contains(userName);
        Assert.Equal(editor ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/guidance/groups", new { name = "" })).StatusCode);
        var ownsGroup = RegionCode.IsWithin("330702", scope);
        Assert.Equal(!editor ? HttpStatusCode.Forbidden : ownsGroup ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound,
            (await client.PutAsJsonAsync($"/api/guidance/groups/{group.Id}", new { name = "" })).StatusCode);
        var guides = GuidanceWriters.Contains(userName);
        var guidance = !guides ? HttpStatusCode.Forbidden : overlaps && RegionCode.IsWithin(village, scope) ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;
        Assert.Equal(guidance, (await client.PostAsJsonAsync("/api/guidance/records", new { groupId = group.Id, villageCode = village, content = "" })).StatusCode);
        Assert.Equal(guidance, (await client.PostAsJsonAsync("/api/guidance/suggestions", new { groupId = group.Id, villageCode = village, text = "" })).StatusCode);
        var done = await db.GuidanceSuggestions.FirstAsync(s => s.GroupId == group.Id && s.Status == Xuncha.Core.Domain.Fieldwork.SuggestionStatus.Implemented);
        var advance = !guides ? HttpStatusCode.Forbidden : RegionCode.IsWithin(done.VillageCode, scope) ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;
        Assert.Equal(advance, (await client.PostAsync($"/api/guidance/suggestions/{done.Id}/adopt", null)).StatusCode);
    }

    private static async Task ExpectAsync(HttpClient client, HttpMethod method, string url, bool allowed)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url));
        Assert.True(
            response.StatusCode == (allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
            $"{method} {url}: expected {(allowed ? 200 : 403)}, got {(int)response.StatusCode}");
        if (!allowed)
        {
            var problem = await response.JsonAsync();
            Assert.Contains("数据范围", problem.GetProperty("detail").GetString());
        }
    }
}

[Collection("sqlite")]
public sealed class SqliteScopeMatrixTests(SqliteAppFixture fixture) : ScopeMatrixTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresScopeMatrixTests(PostgresAppFixture fixture) : ScopeMatrixTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
