using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Xuncha.EndToEndTests;

public static class PageExtensions
{
    /// <summary>A 1×1 PNG: the photo an owner attaches to a progress report.</summary>
    public static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>
    /// On a rectification task's page: 申请销号, then 确认申请, until the status shows 申请销号. Under
    /// load a click can land while the confirmation is still animating in, so both steps are retried.
    /// </summary>
    public static async Task ApplyToCloseAsync(this IPage page)
    {
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "确认申请" });
        var applied = page.GetByTestId("status-name").GetByText("申请销号");
        for (var attempt = 0; attempt < 5 && !await applied.IsVisibleAsync(); attempt++)
        {
            if (!await confirm.IsVisibleAsync())
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "申请销号" }).ClickUntilAsync(() => confirm.IsVisibleAsync());
            }

            await confirm.ClickAsync();
            try
            {
                await applied.WaitForAsync(new() { Timeout = 8_000 });
            }
            catch (TimeoutException)
            {
                // Try again.
            }
        }

        await applied.WaitForAsync();
    }

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

    /// <summary>Picks a day on an AntD date picker, again until the field shows it (a pick can land while the picker opens).</summary>
    public static async Task PickDateAsync(this IPage page, ILocator picker, DateTime day)
    {
        var dropdown = page.Locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
        var input = picker.Locator("input");
        // The field shows the date in the locale's form (2026-11-28, 2026/11/28 …): compare its numbers.
        static bool Shows(string value, DateTime day) =>
            Regex.Matches(value, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).SequenceEqual([day.Year, day.Month, day.Day]);
        for (var attempt = 0; attempt < 6 && !Shows(await input.InputValueAsync(), day); attempt++)
        {
            await picker.ClickAsync();
            var cell = dropdown.Locator($"td[title='{day:yyyy年M月d日}']").Last;
            await cell.WaitForAsync();
            await cell.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        Assert.True(Shows(await input.InputValueAsync(), day), $"the date field shows {await input.InputValueAsync()}");
    }
}
