using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Rectification;
using Xuncha.Core.Persistence;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Rectification;

/// <summary>四方整改 through the API: lifecycle, refusals, owner scope, the overdue sweep and notifications (SQLite and PostgreSQL).</summary>
public abstract class RectificationApiTestsBase(XunchaAppFactory app)
{
    private const string Fotang = "330782100";

    [Fact]
    public async Task StatusReport_AsWord_FollowsTheStructureOfRealOnes()
    {
        using var office = await app.ClientForAsync("yiwu");
        var data = await (await office.GetAsync("/api/supervision/status-report")).JsonAsync();
        var response = await office.GetAsync("/api/supervision/status-report.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("关于义乌市巡察整改情况的报告", paragraphs[0]);
        var totals = data.GetProperty("totals");
        Assert.Contains(paragraphs, p => p.Contains($"完成率{totals.GetProperty("completionRate").GetDecimal():0.0}%", StringComparison.Ordinal));
        var section = data.GetProperty("sections")[0];
        Assert.Contains($"{section.GetProperty("ordinal").GetString()}在{section.GetProperty("category").GetString()}方面", paragraphs);
        Assert.Contains($"1.{section.GetProperty("items")[0].GetProperty("heading").GetString()}", paragraphs);
        Assert.Contains("中共义乌市委员会", paragraphs);
    }

    [Fact]
    public async Task Lifecycle_ProgressWithEvidence_Apply_ApproveWithEvaluation_ClosesTaskAndFinding()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        using var owner = await app.ClientForAsync("owner");
        var findingId = await FindingAsync(Fotang, "村务监督委员会履职不到位");
        var unreadBefore = await UnreadAsync(owner);
        var taskId = await CreateAsync(yiwu, findingId, DateTime.Today.AddDays(20));
        Assert.Equal(unreadBefore + 1, await UnreadAsync(owner));

        var photo = RandomNumberGenerator.GetBytes(2048);
        var report = await ProgressAsync(owner, taskId, "已召开村务监督委员会专题会议，建立月度监督台账。", ("台账照片.png", photo));
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var detail = await (await owner.GetAsync($"/api/rectification/{taskId}")).JsonAsync();
        Assert.Equal("整改中", detail.GetProperty("row").GetProperty("statusName").GetString());
        var evidence = detail.GetProperty("progress")[0].GetProperty("evidence")[0];
        Assert.Equal("台账照片.png", evidence.GetProperty("fileName").GetString());
        var download = await owner.GetAsync($"/api/rectification/{taskId}/evidence/{evidence.GetProperty("id").GetString()}");
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsJsonAsync($"/api/rectification/{taskId}/apply", new { note = "已完成" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/rectification/{taskId}/approve", new { effectScore = 90, method = "实地核查", satisfactionPercent = 95 })).StatusCode);
        var noEvaluation = await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/approve", new { effectScore = 90 });
        Assert.Equal(HttpStatusCode.BadRequest, noEvaluation.StatusCode);
        Assert.Contains("成效评估", (await noEvaluation.JsonAsync()).GetProperty("errors").GetProperty("evaluation")[0].GetString());
        var badScore = await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/approve", new { effectScore = 120, method = "实地核查", satisfactionPercent = 95 });
        Assert.Equal("评估得分须在 0 到 100 分之间。", (await badScore.JsonAsync()).GetProperty("errors").GetProperty("effectScore")[0].GetString());

        var approve = await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/approve", new { effectScore = 91, method = "群众测评", satisfactionPercent = 97, institutionsBuilt = 2 });
        Assert.Equal(HttpStatusCode.NoContent, approve.StatusCode);
        detail = await (await yiwu.GetAsync($"/api/rectification/{taskId}")).JsonAsync();
        Assert.Equal("已销号", detail.GetProperty("row").GetProperty("statusName").GetString());
        Assert.Equal(91, detail.GetProperty("evaluation").GetProperty("effectScore").GetInt32());
        Assert.Equal(97, detail.GetProperty("evaluation").GetProperty("satisfactionPercent").GetInt32());
        Assert.Equal(2, detail.GetProperty("institutionsBuilt").GetInt32());
        var kinds = (await (await yiwu.GetAsync($"/api/rectification/{taskId}/events")).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["created", "progress", "apply", "approve"], kinds);
        await using (var db = await app.DbAsync())
        {
            Assert.Equal(FindingStatus.Closed, (await db.Findings.SingleAsync(f => f.Id == findingId)).Status);
        }

        // 回头看 keeps the history and sends the task back to 整改中.
        Assert.Equal(HttpStatusCode.BadRequest, (await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/reopen", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/reopen", new { reason = "回头看发现台账停更" })).StatusCode);
        var events = (await (await yiwu.GetAsync($"/api/rectification/{taskId}/events")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(5, events.Count);
        Assert.Equal("回头看发现台账停更", events[^1].GetProperty("note").GetString());
        Assert.Equal("整改中", (await (await yiwu.GetAsync($"/api/rectification/{taskId}")).JsonAsync()).GetProperty("row").GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task IllegalMovesAndBadInput_Are400InChinese()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        var findingId = await FindingAsync(Fotang, "非法流转测试问题");
        var empty = await yiwu.PostAsJsonAsync("/api/rectification/", new { findingId, title = "", owners = Array.Empty<object>() });
        var errors = (await empty.JsonAsync()).GetProperty("errors");
        Assert.Equal("请填写整改任务名称。", errors.GetProperty("title")[0].GetString());
        Assert.Equal("请填写整改措施。", errors.GetProperty("measures")[0].GetString());
        Assert.Equal("请填写整改期限。", errors.GetProperty("deadline")[0].GetString());
        Assert.Equal("请至少填写一个整改责任单位。", errors.GetProperty("owners")[0].GetString());

        var taskId = await CreateAsync(yiwu, findingId, DateTime.Today.AddDays(10));
        var apply = await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/apply", new { });
        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Equal("该任务尚未开始整改，请先报告整改进展后再申请销号。", (await apply.JsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString());
        var approve = await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/approve", new { effectScore = 90, method = "实地核查", satisfactionPercent = 90 });
        Assert.Equal("该任务当前状态为「待整改」，只有「申请销号」的任务才能审核。", (await approve.JsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString());
        var reopen = await yiwu.PostAsJsonAsync($"/api/rectification/{taskId}/reopen", new { reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, reopen.StatusCode);
        using var exe = new MultipartFormDataContent { { new StringContent(DateTime.Today.ToString("yyyy-MM-dd")), "date" }, { new StringContent("进展"), "text" }, { new ByteArrayContent([1, 2]), "file", "病毒.exe" } };
        var badFile = await yiwu.PostAsync($"/api/rectification/{taskId}/progress", exe);
        Assert.StartsWith("「病毒.exe」的文件类型不支持", (await badFile.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal("待整改", (await (await yiwu.GetAsync($"/api/rectification/{taskId}")).JsonAsync()).GetProperty("row").GetProperty("statusName").GetString());

        // Editing before 销号: a new deadline and two owners replace the old ones, and the change is recorded.
        var deadline = DateTime.Today.AddDays(40).ToString("yyyy-MM-dd");
        var badKind = await yiwu.PutAsJsonAsync($"/api/rectification/{taskId}", new { title = "改", measures = "措施", deadline, owners = new[] { new { kind = "nobody", unitName = "某单位" } } });
        Assert.StartsWith("责任类型「nobody」无效", (await badKind.JsonAsync()).GetProperty("errors").GetProperty("owners")[0].GetString());
        var edit = await yiwu.PutAsJsonAsync($"/api/rectification/{taskId}", new
        {
            title = "修改后的整改任务", measures = "新的措施", deadline,
            owners = new[] { new { kind = "village-org", unitName = "某村党支部" }, new { kind = "township", unitName = "佛堂镇党委" } },
        });
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        var edited = await (await yiwu.GetAsync($"/api/rectification/{taskId}")).JsonAsync();
        Assert.Equal(deadline, edited.GetProperty("row").GetProperty("deadline").GetString());
        Assert.Equal(["某村党支部", "佛堂镇党委"], edited.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("unitName").GetString()));
        Assert.Contains("整改期限", edited.GetProperty("events").EnumerateArray().Last().GetProperty("note").GetString());
    }

    [Fact]
    public async Task Owner_SeesOnlyFotangTasks_AndIsRefusedElsewhere()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        using var owner = await app.ClientForAsync("owner");
        var outside = await CreateAsync(yiwu, await FindingAsync("330782001", "乡镇外问题"), DateTime.Today.AddDays(10));
        var mine = await (await owner.GetAsync("/api/rectification?pageSize=500")).JsonAsync();
        var items = mine.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, t => Assert.StartsWith(Fotang, t.GetProperty("villageCode").GetString()));
        await using (var db = await app.DbAsync())
        {
            Assert.Equal(await db.RectificationTasks.CountAsync(t => t.VillageCode.StartsWith(Fotang)), mine.GetProperty("total").GetInt32());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/api/rectification/{outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync($"/api/rectification/{outside}/progress", new MultipartFormDataContent { { new StringContent("进展"), "text" } })).StatusCode);
        foreach (var user in new[] { "expert", "jijian" })
        {
            using var client = await app.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/rectification")).StatusCode);
        }
    }

    [Fact]
    public async Task OverdueSweep_OverSeveralDays_RaisesLevelsAndNotifiesEachOnce()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        var taskId = Guid.Parse(await CreateAsync(yiwu, await FindingAsync(Fotang, "逾期测试问题"), DateTime.Today.AddDays(2)));
        var deadline = await WithDbAsync(db => db.RectificationTasks.Where(t => t.Id == taskId).Select(t => t.Deadline).SingleAsync());
        // 10:00 China time on a given day.
        var clock = new TestClock(new DateTimeOffset(deadline.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
        using var scope = app.Services.CreateScope();
        var sweep = new OverdueSweep(scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>(),
            scope.ServiceProvider.GetRequiredService<IOptions<RectificationSettings>>(), clock);

        await sweep.RunAsync();
        Assert.Equal((null, 0), await StateAsync(taskId));
        Assert.Equal(0, await NotifiedAsync(taskId, "owner"));

        clock.Advance(TimeSpan.FromDays(1));
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal((deadline.AddDays(1), 1), await StateAsync(taskId));
        Assert.Equal(1, await NotifiedAsync(taskId, "owner"));
        Assert.Equal(1, await NotifiedAsync(taskId, "yiwu"));
        Assert.Equal(0, await NotifiedAsync(taskId, "city"));
        var row = (await (await yiwu.GetAsync($"/api/rectification?overdue=true&search=逾期测试问题")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("逾期提醒", row.GetProperty("escalationName").GetString());

        clock.Advance(TimeSpan.FromDays(6));
        await sweep.RunAsync();
        Assert.Equal((deadline.AddDays(1), 2), await StateAsync(taskId));
        Assert.Equal(2, await NotifiedAsync(taskId, "yiwu"));
        Assert.Equal(1, await NotifiedAsync(taskId, "owner"));

        clock.Advance(TimeSpan.FromDays(8));
        await sweep.RunAsync();
        await sweep.RunAsync();
        Assert.Equal((deadline.AddDays(1), 3), await StateAsync(taskId));
        Assert.Equal(1, await NotifiedAsync(taskId, "city"));
        Assert.Equal(2, await NotifiedAsync(taskId, "yiwu"));
        Assert.Equal(3, await WithDbAsync(db => db.TaskEvents.CountAsync(e => e.TaskId == taskId && e.Kind == "escalation")));
        Assert.Equal(1, await WithDbAsync(db => db.TaskEvents.CountAsync(e => e.TaskId == taskId && e.Kind == "overdue")));
        Assert.Equal(0, await NotifiedAsync(taskId, "wucheng"));
    }

    [Fact]
    public async Task Notifications_CountListReadAndReadAll_ArePerUser()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        using var owner = await app.ClientForAsync("owner");
        using var guide = await app.ClientForAsync("guide");
        await CreateAsync(yiwu, await FindingAsync(Fotang, "通知测试问题"), DateTime.Today.AddDays(9));
        var before = await UnreadAsync(owner);
        Assert.True(before > 0);
        var list = await (await owner.GetAsync("/api/notifications?unread=true&pageSize=5")).JsonAsync();
        var first = list.GetProperty("items")[0];
        Assert.Equal("新任务", first.GetProperty("kindName").GetString());
        Assert.StartsWith("/rectification/", first.GetProperty("link").GetString());
        var id = first.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await guide.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(before - 1, await UnreadAsync(owner));
        var marked = await (await owner.PostAsync("/api/notifications/read-all", null)).JsonAsync();
        Assert.Equal(before - 1, marked.GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(owner));
        var all = (await (await owner.GetAsync("/api/notifications?pageSize=500")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.All(all, n => Assert.True(n.GetProperty("read").GetBoolean()));
    }

    [Fact]
    public async Task StatusReport_GroupsByCategoryThenFinding_AndSupervisionCountsByTownship()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        var report = await (await yiwu.GetAsync("/api/supervision/status-report")).JsonAsync();
        Assert.Equal("义乌市", report.GetProperty("regionName").GetString());
        var sections = report.GetProperty("sections").EnumerateArray().ToList();
        Assert.NotEmpty(sections);
        Assert.Equal("（一）", sections[0].GetProperty("ordinal").GetString());
        Assert.All(sections, s => Assert.Matches("^在.+方面$", s.GetProperty("heading").GetString()));
        var item = sections[0].GetProperty("items")[0];
        Assert.Equal("1.", item.GetProperty("ordinal").GetString());
        Assert.Matches("^关于.+问题的整改$", item.GetProperty("heading").GetString());
        await using (var db = await app.DbAsync())
        {
            var findings = await db.RectificationTasks.Where(t => t.VillageCode.StartsWith("330782")).Select(t => t.FindingId).Distinct().CountAsync();
            Assert.Equal(findings, report.GetProperty("totals").GetProperty("findings").GetInt32());
            Assert.Equal(findings, sections.Sum(s => s.GetProperty("items").GetArrayLength()));
            var tasks = await db.RectificationTasks.CountAsync(t => t.VillageCode.StartsWith("330782"));
            var supervision = await (await yiwu.GetAsync("/api/supervision")).JsonAsync();
            Assert.Equal(tasks, supervision.GetProperty("region").GetProperty("total").GetInt32());
            Assert.Equal(tasks, supervision.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("total").GetInt32()));
            Assert.All(supervision.GetProperty("children").EnumerateArray(), c => Assert.Equal(9, c.GetProperty("code").GetString()!.Length));
        }

        var export = await yiwu.GetAsync("/api/supervision/status-report/export");
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("合计", rows[0]["层级"]);
        Assert.Equal("（一）", rows[1]["层级"]);
    }

    [Fact]
    public async Task TaskList_OfTheVillage_CarriesTheTasksMeasuresOwnersAndDeadline()
    {
        using var yiwu = await app.ClientForAsync("yiwu");
        var findingId = await FindingAsync(Fotang, "清单测试问题");
        Guid roundId;
        string village;
        await using (var db = await app.DbAsync())
        {
            var finding = await db.Findings.SingleAsync(f => f.Id == findingId);
            village = finding.VillageCode;
            roundId = (await TeamSeed.RoundAsync(db, "330782", [village])).Id;
            finding.RoundId = roundId;
            await db.SaveChangesAsync();
        }

        await CreateAsync(yiwu, findingId, DateTime.Today.AddDays(12));
        string measures, owners;
        await using (var db = await app.DbAsync())
        {
            var task = await db.RectificationTasks.Include(t => t.Owners).SingleAsync(t => t.FindingId == findingId);
            measures = task.Measures;
            owners = string.Join("、", task.Owners.OrderBy(o => RectificationSettings.DefaultOwnerKinds.ToList().FindIndex(k => k.Key == o.Kind)).Select(o => o.UnitName));
        }

        var xlsx = await yiwu.GetAsync($"/api/documents/villages/{village}/lists/tasks.xlsx?roundId={roundId}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var cells = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync()).SelectMany(r => ((IDictionary<string, object?>)r).Values).Select(v => v?.ToString()).ToList();
        Assert.Contains(measures, cells);
        Assert.Contains(owners, cells);
    }

    [Fact]
    public async Task ScreeningWithNewLeads_NotifiesCountyOfficeOncePerBatch_NotOthers()
    {
        await using var db = await app.DbAsync();
        var batches = await db.ScreeningBatches.CountAsync(b => b.NewLeadCount > 0);
        var perUser = await (
            from n in db.Notifications
            join u in db.Users on n.UserId equals u.Id
            where n.Kind == "new-lead"
            group n by u.UserName into g
            select new { UserName = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UserName!, x => x.Count);
        Assert.InRange(perUser.GetValueOrDefault("yiwu"), 1, batches);
        Assert.Equal(perUser.GetValueOrDefault("yiwu"), perUser.GetValueOrDefault("team"));
        Assert.False(perUser.ContainsKey("expert"));
        Assert.False(perUser.ContainsKey("jijian"));
        Assert.False(perUser.ContainsKey("owner"));
    }

    private async Task<Guid> FindingAsync(string under, string title)
    {
        await using var db = await app.DbAsync();
        var village = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(under)).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
        var finding = new Finding
        {
            Id = Guid.NewGuid(), VillageCode = village, Title = title, Source = "visit", CreatedById = "tests", CreatedAt = DateTimeOffset.UtcNow,
            CategoryL1 = "群众身边腐败和不正之风", CategoryL2 = "作风问题",
        };
        db.Findings.Add(finding);
        await db.SaveChangesAsync();
        return finding.Id;
    }

    private static async Task<string> CreateAsync(HttpClient client, Guid findingId, DateTime deadline)
    {
        var draft = await (await client.GetAsync($"/api/rectification/draft?findingId={findingId}")).JsonAsync();
        Assert.Equal(4, draft.GetProperty("owners").GetArrayLength());
        var response = await client.PostAsJsonAsync("/api/rectification/", new
        {
            findingId, title = draft.GetProperty("title").GetString(), measures = "1. 建立台账；2. 公开公示。", deadline = deadline.ToString("yyyy-MM-dd"),
            owners = draft.GetProperty("owners"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> ProgressAsync(HttpClient client, string taskId, string text, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(DateTime.Today.ToString("yyyy-MM-dd")), "date" }, { new StringContent(text), "text" } };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "file", name);
        }

        return await client.PostAsync($"/api/rectification/{taskId}/progress", form);
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/notifications/count")).JsonAsync()).GetProperty("unread").GetInt32();

    private async Task<T> WithDbAsync<T>(Func<XunchaDbContext, Task<T>> query)
    {
        await using var db = await app.DbAsync();
        return await query(db);
    }

    private async Task<(DateOnly?, int)> StateAsync(Guid taskId)
    {
        await using var db = await app.DbAsync();
        var t = await db.RectificationTasks.AsNoTracking().SingleAsync(x => x.Id == taskId);
        return (t.OverdueSince, t.EscalationLevel);
    }

    private Task<int> NotifiedAsync(Guid taskId, string userName) =>
        WithDbAsync(db => db.Notifications.CountAsync(n => n.Link == $"/rectification/{taskId}" && n.Kind != "task-assigned"
            && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)));
}

[Collection("sqlite")]
public sealed class SqliteRectificationApiTests(SqliteAppFixture fixture) : RectificationApiTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresRectificationApiTests(PostgresAppFixture fixture) : RectificationApiTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
