using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Setup;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Security;

/// <summary>
/// Sign-in rate limit, antiforgery on the sign-in form, the same-origin rule for cookie API writes,
/// upload type and size limits, and the password policy — each refusal in Chinese.
/// </summary>
public abstract class SecurityControlsTestsBase(XunchaAppFactory app)
{
    private static WebApplicationFactoryClientOptions NoRedirect => new() { AllowAutoRedirect = false };

    [Fact]
    public async Task SignIn_BeyondTheLimitPerMinute_Is429InChinese()
    {
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Xuncha:Security:SignInPermitsPerMinute", "3");
            b.UseSetting("Xuncha:Security:SignInPermitsPerMinutePerIp", "4");
        });
        using var browser = limited.CreateClient(NoRedirect);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.PostLoginAsync("rate.probe", "Wrong-pass1")).StatusCode);
        }

        var refused = await browser.PostLoginAsync("rate.probe", "Wrong-pass1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录尝试过于频繁，请稍后再试", await refused.Content.ReadAsStringAsync());

        // Another name from the same address still gets in, up to the per-address limit.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostLoginAsync("city", DemoSeeder.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostLoginAsync("yiwu", DemoSeeder.Password)).StatusCode);
    }

    [Fact]
    public async Task SignInForm_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = app.CreateClient(NoRedirect);
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "city",
            ["Input.Password"] = DemoSeeder.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task CookieApiWrite_FromAnotherOrigin_IsRefused_SameOriginAndBearerAreNot()
    {
        using var browser = app.CreateClient(NoRedirect);
        await browser.PostLoginAsync("city", DemoSeeder.Password);

        HttpRequestMessage Post(string header, string value)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { name = "跨站", validDays = 1 }) };
            request.Headers.Add(header, value);
            return request;
        }

        var evil = await browser.SendAsync(Post("Origin", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, evil.StatusCode);
        Assert.Contains("跨站请求被拒绝", await evil.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(Post("Sec-Fetch-Site", "cross-site"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(Post("Sec-Fetch-Site", "same-site"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(Post("Origin", "http://localhost"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(Post("Sec-Fetch-Site", "same-origin"))).StatusCode);
        // Reading is not a write; a cross-origin page cannot read the answer anyway (no CORS).
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        read.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(read)).StatusCode);

        using var script = await app.ClientForAsync("city");
        Assert.Equal(HttpStatusCode.Created, (await script.SendAsync(Post("Origin", "https://evil.example"))).StatusCode);
    }

    [Fact]
    public async Task EvidenceUpload_OfWrongTypeOrTooLarge_IsRefusedInChinese()
    {
        Guid findingId;
        await using (var db = await app.DbAsync())
        {
            var village = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("330782")).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
            var finding = new Finding { Id = Guid.NewGuid(), VillageCode = village, Title = "上传限制", Source = "review", CreatedById = "t", CreatedAt = DateTimeOffset.UtcNow };
            db.Findings.Add(finding);
            await db.SaveChangesAsync();
            findingId = finding.Id;
        }

        using var client = await app.ClientForAsync("yiwu");
        async Task<HttpResponseMessage> Upload(byte[] content, string name)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(content), "file", name);
            return await client.PostAsync($"/api/findings/{findingId}/evidence", form);
        }

        var exe = await Upload("MZ"u8.ToArray(), "工具.exe");
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Equal("application/problem+json", exe.Content.Headers.ContentType?.MediaType);
        Assert.Contains("证据文件类型不支持", await exe.Content.ReadAsStringAsync());

        var big = await Upload(new byte[(20 << 20) + 1], "大文件.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("文件超过 20 MB 的上限", await big.Content.ReadAsStringAsync());
        await using (var db = await app.DbAsync())
        {
            Assert.False(await db.EvidenceFiles.AnyAsync(e => e.FindingId == findingId));
        }
    }

    [Fact]
    public async Task ScreeningUpload_OfWrongTypeOrTooLarge_IsRefusedInChinese()
    {
        using var client = await app.ClientForAsync("yiwu");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("MZ"u8.ToArray()), "files", "数据.exe");
            var exe = await client.PostAsync("/api/screening/runs", form);
            Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
            Assert.Equal("application/problem+json", exe.Content.Headers.ContentType?.MediaType);
            Assert.Contains("只能上传 .csv 或 .xlsx 文件", await exe.Content.ReadAsStringAsync());
        }

        await using var small = app.WithWebHostBuilder(b => b.UseSetting("Xuncha:Screening:MaxFileBytes", "1024"));
        using var limited = small.CreateClient(NoRedirect);
        limited.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(new byte[4096]), "files", "cadres.csv");
            var big = await limited.PostAsync("/api/screening/runs", form);
            Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
            Assert.Contains("超过 1 KB", await big.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("Ab1", "密码至少需要 8 位")]
    [InlineData("NoDigitsHere", "密码需要至少一个数字")]
    [InlineData("alllower1", "密码需要至少一个大写字母")]
    public async Task CreateUser_WithWeakPassword_IsRefusedInChinese(string password, string message)
    {
        using var admin = await app.ClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName = "weak." + Guid.NewGuid().ToString("N")[..6], displayName = "弱密码", role = "巡察组成员", scopeCode = "330782", password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }
}

[Collection("sqlite")]
public sealed class SqliteSecurityControlsTests(SqliteAppFixture fixture) : SecurityControlsTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresSecurityControlsTests(PostgresAppFixture fixture) : SecurityControlsTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
