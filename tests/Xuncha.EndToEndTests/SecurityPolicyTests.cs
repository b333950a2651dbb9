using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>The content security policy (issue 7) refuses nothing the product itself needs, on interactive and printable pages.</summary>
public sealed class SecurityPolicyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Pages_UnderTheContentSecurityPolicy_WorkAndReportNoViolation()
    {
        Guid channel;
        using (var scope = fixture.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XunchaDbContext>>().CreateDbContextAsync();
            channel = await db.ReportChannels.Select(c => c.Id).FirstAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/statistics");
        await page.WaitInteractiveAsync();
        // An interactive click proves the circuit's scripts and socket are allowed.
        var drawer = page.Locator(".ant-drawer-content");
        await page.GetByTestId("fig-visits").GetByRole(AriaRole.Button).ClickUntilAsync(() => drawer.IsVisibleAsync());

        await page.GotoAsync($"/reports/notice/{channel}");
        await page.Locator(".notice-title").WaitForAsync();
        Assert.Equal(1, await page.Locator("button[data-print]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.scripts].some(s => s.src.includes('print'))"));
        Assert.Empty(fixture.CspViolations);

        // And the policy does bite: an injected inline script is refused and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.appendChild(s); }");
        for (var i = 0; i < 20 && fixture.CspViolations.IsEmpty; i++)
        {
            await Task.Delay(100);
        }

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Contains(fixture.CspViolations, v => v.Contains("inline script", StringComparison.Ordinal));
    }
}
