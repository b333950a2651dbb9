using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Features.Users;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Api;

public abstract class SignInTestsBase(XunchaAppFactory app)
{
    private HttpClient NewBrowser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Login_WithCorrectPassword_RedirectsHomeAndCookieOpensTheApi()
    {
        using var browser = NewBrowser();
        var response = await browser.PostLoginAsync("yiwu", DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);

        var me = await (await browser.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("李示例", me.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Login_WithWrongPassword_SaysSoInChinese()
    {
        using var browser = NewBrowser();
        var response = await browser.PostLoginAsync("wucheng", "Wrong-password1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Login_WithEmptyFields_ShowsFieldMessages()
    {
        using var browser = NewBrowser();
        var html = await (await browser.PostLoginAsync("", "")).Content.ReadAsStringAsync();
        Assert.Contains("请输入用户名", html);
        Assert.Contains("请输入密码", html);
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().Handle(
                new CreateUser("lock.me", "锁定测试", null, "巡察组成员", "330782", "Passw0rdX"), null);
        }

        using var browser = NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            await browser.PostLoginAsync("lock.me", "Wrong-pass" + i);
        }

        var html = await (await browser.PostLoginAsync("lock.me", "Passw0rdX")).Content.ReadAsStringAsync();
        Assert.Contains("账号已锁定", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToLogin()
    {
        using var browser = NewBrowser();
        var response = await browser.GetAsync("/villages/330782100014");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var browser = NewBrowser();
        await browser.PostLoginAsync("city", DemoSeeder.Password);
        var home = await browser.GetStringAsync("/");
        var token = HttpExtensions.AntiforgeryToken(home);
        Assert.NotEmpty(token);
        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task EveryMenuPage_RendersInChineseForASignedInUser()
    {
        using var browser = NewBrowser();
        await browser.PostLoginAsync("city", DemoSeeder.Password);
        var pages = Xuncha.Web.Components.Layout.Navigation.Sections.SelectMany(s => s.Items).Select(i => i.Href)
            .Concat(["/regions/330782", "/villages/330782100014"]);
        foreach (var page in pages)
        {
            var response = await browser.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("巡察", html);
            // Chinese must reach the page as text, not as numeric entities (curl and search see it).
            Assert.DoesNotMatch("&#x[4-9][0-9A-F]{3};", html);
        }
    }

    [Fact]
    public async Task UserAdministration_ForATeamMember_IsRefusedInChinese()
    {
        using var browser = NewBrowser();
        await browser.PostLoginAsync("team", DemoSeeder.Password);
        var html = await browser.GetStringAsync("/admin/users");
        Assert.Contains("无权管理用户", html);
        Assert.DoesNotContain("新建用户", html);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = NewBrowser();
        await browser.PostLoginAsync("city", DemoSeeder.Password);
        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class SqliteSignInTests(SqliteAppFixture fixture) : SignInTestsBase(fixture.App), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresSignInTests(PostgresAppFixture fixture) : SignInTestsBase(fixture.App), IClassFixture<PostgresAppFixture>;
