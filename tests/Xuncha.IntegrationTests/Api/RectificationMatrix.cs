using System.Net;
using System.Net.Http.Json;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

/// <summary>
/// The rectification section of the scope matrix: offices raise and review tasks, owners report
/// and apply, teams and guidance groups read, within scope; experts and 纪检监察 see none.
/// Notifications are everyone's own.
/// </summary>
internal static class RectificationMatrix
{
    public static readonly string[] Routes =
    [
        "GET /api/rectification/",
        "GET /api/rectification/export",
        "GET /api/rectification/settings",
        "GET /api/rectification/draft",
        "POST /api/rectification/",
        "GET /api/rectification/{id:guid}",
        "PUT /api/rectification/{id:guid}",
        "GET /api/rectification/{id:guid}/events",
        "POST /api/rectification/{id:guid}/progress",
        "GET /api/rectification/{id:guid}/evidence/{evidenceId:guid}",
        "POST /api/rectification/{id:guid}/apply",
        "POST /api/rectification/{id:guid}/approve",
        "POST /api/rectification/{id:guid}/return",
        "POST /api/rectification/{id:guid}/reopen",
        "GET /api/supervision/",
        "GET /api/supervision/status-report",
        "GET /api/supervision/status-report/export",
        "GET /api/supervision/status-report.docx",
        "GET /api/notifications/",
        "GET /api/notifications/count",
        "POST /api/notifications/{id:guid}/read",
        "POST /api/notifications/read-all",
    ];

    private const string FotangVillage = "330782100014";
    private static readonly HashSet<string> Readers = ["admin", "city", "yiwu", "wucheng", "team", "guide", "owner"];
    private static readonly HashSet<string> Offices = ["admin", "city", "yiwu", "wucheng"];
    private static readonly HashSet<string> Reporters = ["admin", "city", "yiwu", "wucheng", "owner"];

    public static async Task RunAsync(HttpClient client, string userName, string scope, XunchaDbContext db)
    {
        var reader = Readers.Contains(userName);
        var list = await client.GetAsync("/api/rectification?pageSize=500");
        Assert.Equal(reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, list.StatusCode);
        if (reader)
        {
            Assert.All((await list.JsonAsync()).GetProperty("items").EnumerateArray(), t => Assert.StartsWith(scope, t.GetProperty("villageCode").GetString()));
        }

        var readable = reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(readable, (await client.GetAsync("/api/rectification/export")).StatusCode);
        Assert.Equal(readable, (await client.GetAsync("/api/supervision")).StatusCode);
        Assert.Equal(readable, (await client.GetAsync("/api/supervision/status-report")).StatusCode);
        Assert.Equal(readable, (await client.GetAsync("/api/supervision/status-report/export")).StatusCode);
        Assert.Equal(readable, (await client.GetAsync("/api/supervision/status-report.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rectification/settings")).StatusCode);

        // A fresh 待整改 task of a 佛堂镇 village, moved as far as this user may move it.
        var finding = new Finding { Id = Guid.NewGuid(), VillageCode = FotangVillage, Title = $"整改矩阵-{userName}", Source = "review", CreatedById = "matrix", CreatedAt = DateTimeOffset.UtcNow };
        var task = new RectificationTask
        {
            Id = Guid.NewGuid(), FindingId = finding.Id, VillageCode = FotangVillage, Title = $"整改矩阵-{userName}", Measures = "措施",
            Deadline = DateOnly.FromDateTime(DateTime.Today.AddDays(30)), CreatedById = "matrix", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Findings.Add(finding);
        db.RectificationTasks.Add(task);
        await db.SaveChangesAsync();

        var covers = RegionCode.IsWithin(FotangVillage, scope);
        var read = reader && covers;
        var office = Offices.Contains(userName) && covers;
        var reporter = Reporters.Contains(userName) && covers;
        var id = task.Id;
        static HttpStatusCode Or403(bool allowed, HttpStatusCode ok) => allowed ? ok : HttpStatusCode.Forbidden;
        Assert.Equal(Or403(read, HttpStatusCode.OK), (await client.GetAsync($"/api/rectification/{id}")).StatusCode);
        Assert.Equal(Or403(read, HttpStatusCode.OK), (await client.GetAsync($"/api/rectification/{id}/events")).StatusCode);
        Assert.Equal(Or403(read, HttpStatusCode.NotFound), (await client.GetAsync($"/api/rectification/{id}/evidence/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(Or403(office, HttpStatusCode.OK), (await client.GetAsync($"/api/rectification/draft?findingId={finding.Id}")).StatusCode);
        Assert.Equal(Or403(office, HttpStatusCode.BadRequest), (await client.PostAsJsonAsync("/api/rectification/", new { findingId = finding.Id, title = "" })).StatusCode);
        Assert.Equal(Or403(office, HttpStatusCode.BadRequest), (await client.PutAsJsonAsync($"/api/rectification/{id}", new { title = "" })).StatusCode);

        using (var form = new MultipartFormDataContent { { new StringContent(DateTime.Today.ToString("yyyy-MM-dd")), "date" }, { new StringContent("矩阵进展"), "text" } })
        {
            form.Add(new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "佐证.pdf");
            Assert.Equal(Or403(reporter, HttpStatusCode.Created), (await client.PostAsync($"/api/rectification/{id}/progress", form)).StatusCode);
        }

        Assert.Equal(Or403(reporter, HttpStatusCode.NoContent), (await client.PostAsJsonAsync($"/api/rectification/{id}/apply", new { note = "矩阵" })).StatusCode);
        var approve = await client.PostAsJsonAsync($"/api/rectification/{id}/approve", new { effectScore = 90, method = "实地核查", satisfactionPercent = 95 });
        Assert.Equal(Or403(office, HttpStatusCode.NoContent), approve.StatusCode);
        Assert.Equal(Or403(office, HttpStatusCode.NoContent), (await client.PostAsJsonAsync($"/api/rectification/{id}/reopen", new { reason = "回头看" })).StatusCode);
        Assert.Equal(Or403(office, HttpStatusCode.BadRequest), (await client.PostAsJsonAsync($"/api/rectification/{id}/return", new { note = "退回" })).StatusCode);

        // Notifications: everyone has their own, and nobody marks another's.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/notifications/count")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/notifications/read-all", null)).StatusCode);
    }
}
