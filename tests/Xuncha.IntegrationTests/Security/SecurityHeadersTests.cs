using System.Net;
using System.Text.RegularExpressions;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Security;

/// <summary>Security headers on pages, the API and the public report page; the import map carries the request's nonce.</summary>
[Collection("sqlite")]
public sealed partial class SecurityHeadersTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/me")]
    [InlineData("/not-a-page")]
    public async Task Response_HasTheSecurityHeaders(string path)
    {
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline' 'unsafe-eval", csp);
        Assert.Matches("script-src 'self' 'nonce-[0-9a-f]{32}';", csp);
    }

    [Fact]
    public async Task Page_EveryInlineScriptCarriesTheNonceOfItsResponse_AndEachResponseHasItsOwn()
    {
        using var client = fixture.App.CreateClient();
        using var first = await client.GetAsync("/account/login");
        using var second = await client.GetAsync("/account/login");
        var nonce = Nonce(first);
        Assert.NotEqual(nonce, Nonce(second));
        var html = await first.Content.ReadAsStringAsync();
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, m => Assert.Contains($"nonce=\"{nonce}\"", m.Value));
        Assert.DoesNotContain("onclick=\"", html);
    }

    private static string Nonce(HttpResponseMessage response) =>
        Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

    /// <summary>An opening script tag without a src attribute.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
