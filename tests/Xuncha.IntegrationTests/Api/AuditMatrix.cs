using System.Net;

namespace Xuncha.IntegrationTests.Api;

/// <summary>The audit section of the scope matrix: only 系统管理员 and 市巡察办 see the log and verify it.</summary>
internal static class AuditMatrix
{
    public static readonly string[] Routes = ["GET /api/audit/", "GET /api/audit/verify"];

    private static readonly HashSet<string> Viewers = ["admin", "city"];

    public static async Task RunAsync(HttpClient client, string userName)
    {
        var viewer = Viewers.Contains(userName);
        var list = await client.GetAsync("/api/audit?pageSize=5");
        Assert.Equal(viewer ? HttpStatusCode.OK : HttpStatusCode.Forbidden, list.StatusCode);
        var verify = await client.GetAsync("/api/audit/verify");
        Assert.Equal(viewer ? HttpStatusCode.OK : HttpStatusCode.Forbidden, verify.StatusCode);
        if (!viewer)
        {
            Assert.Contains("无权查看审计日志", await list.Content.ReadAsStringAsync());
        }
    }
}
