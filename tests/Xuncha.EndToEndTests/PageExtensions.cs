using Microsoft.Playwright;

namespace Xuncha.EndToEndTests;

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登 录" }).ClickAsync();
    }

    /// <summary>Waits until the Blazor circuit is live, so clicks reach the server.</summary>
    public static Task WaitInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// Clicks until <paramref name="done"/> holds: a click can land on the prerendered page just
    /// before the live circuit replaces it, and such a click does nothing.
    /// </summary>
    public static async Task ClickUntilAsync(this ILocator target, Func<Task<bool>> done, int attempts = 10)
    {
        for (var i = 0; i < attempts; i++)
        {
            await target.ClickAsync();
            for (var wait = 0; wait < 10; wait++)
            {
                if (await done())
                {
                    return;
                }

                await Task.Delay(200);
            }
        }

        throw new TimeoutException("the click had no effect");
    }

    public static Task ShotAsync(this IPage page, BrowserFixture fixture, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotDir, name + ".png"), FullPage = true });
}
