using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>
/// 四方整改 (issue 6): the county office raises a task from a finding; the township's owner reports
/// progress with evidence on a phone and applies for 销号; the office evaluates and closes it.
/// </summary>
public sealed class RectificationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "村务公开栏按月更新整改";

    [Fact]
    public async Task OfficeRaisesTask_OwnerReportsProgressAndApplies_OfficeEvaluatesAndCloses()
    {
        Guid findingId;
        await using (var db = await fixture.DbAsync())
        {
            findingId = await db.Findings.Where(f => f.VillageCode.StartsWith("330782100") && f.Title == "村务公开栏长期未更新").Select(f => f.Id).SingleAsync();
        }

        // The county office raises the task; the four owners come prefilled.
        var office = await fixture.NewPageAsync();
        await office.SignInAsync("yiwu", DemoSeeder.Password);
        await office.GetByText("您好").First.WaitForAsync();
        await office.GotoAsync($"/findings/{findingId}");
        await office.GetByTestId("amount").WaitForAsync();
        await office.WaitInteractiveAsync();
        var form = office.GetByRole(AriaRole.Dialog);
        await office.GetByRole(AriaRole.Button, new() { Name = "生成整改任务" }).ClickUntilAsync(() => form.Locator("#t-title").IsVisibleAsync());
        Assert.Equal("佛堂镇党委", await form.Locator(".owner-row input").Nth(1).InputValueAsync());
        await form.GetByRole(AriaRole.Button, new() { Name = "保存并下发" }).ClickAsync();
        await form.GetByText("请填写整改措施。").WaitForAsync();
        await form.Locator("#t-title").FillAsync(Title);
        await form.Locator("#t-measures").FillAsync("1. 每月 5 日前更新村务公开栏；\n2. 补公开 2025 年三资收支明细；\n3. 村务监督委员会每月检查。");
        await office.ShotAsync(fixture, "90-office-raise-task");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存并下发" }).ClickAsync();
        await office.GetByTestId("status-name").GetByText("待整改").WaitForAsync();
        var taskUrl = office.Url;
        await office.ShotAsync(fixture, "91-office-new-task");

        // The township's owner, on a phone: the bell tells it, its home lists it.
        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("owner", DemoSeeder.Password);
        await phone.GetByText("我的整改任务").WaitForAsync();
        await phone.WaitInteractiveAsync();
        Assert.True(await phone.GetByTestId("my-task").CountAsync() >= 3);
        await phone.GetByTestId("bell").ClickUntilAsync(() => phone.GetByText("查看全部通知").IsVisibleAsync());
        await phone.GetByText($"新的整改任务：{Title}").WaitForAsync();
        await phone.ShotAsync(fixture, "92-owner-home-bell");

        await phone.GotoAsync(taskUrl);
        await phone.GetByTestId("status-name").GetByText("待整改").WaitForAsync();
        await phone.WaitInteractiveAsync();
        await phone.Locator("#p-text").FillAsync("已更新村务公开栏，补公开 2025 年三资收支明细和工程项目，并明确每月 5 日前更新。");
        await phone.Locator("#p-files").SetInputFilesAsync(new FilePayload { Name = "公开栏照片.png", MimeType = "image/png", Buffer = PageExtensions.Photo });
        await phone.GetByTestId("picked-file").WaitForAsync();
        await phone.ShotAsync(fixture, "93-owner-report-form");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交进展" }).ClickUntilAsync(async () => await phone.GetByTestId("progress-entry").CountAsync() > 0);
        await phone.GetByTestId("status-name").GetByText("整改中").WaitForAsync();
        Assert.Equal("公开栏照片.png", await phone.GetByTestId("evidence-link").InnerTextAsync());
        await phone.ShotAsync(fixture, "94-owner-progress");

        await phone.ApplyToCloseAsync();
        await phone.ShotAsync(fixture, "95-owner-applied");

        // The office reviews: without the evaluation it is refused, with it the task closes.
        await office.GotoAsync(taskUrl);
        await office.GetByTestId("status-name").GetByText("申请销号").WaitForAsync();
        await office.WaitInteractiveAsync();
        var dialog = office.GetByRole(AriaRole.Dialog);
        await office.GetByRole(AriaRole.Button, new() { Name = "审核销号" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "审核通过，销号" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "确认销号" }).ClickAsync();
        await dialog.GetByText("销号前须完成整改成效评估").WaitForAsync();
        await dialog.Locator("#a-score input").FillAsync("93");
        await dialog.Locator(".ant-select").ClickAsync();
        await office.Locator(".ant-select-item-option:visible").Filter(new() { HasText = "群众测评" }).ClickAsync();
        await dialog.Locator("#a-satisfaction input").FillAsync("96");
        await dialog.Locator("#a-note").FillAsync("随机走访 20 户群众，公开栏内容及时准确。");
        await office.ShotAsync(fixture, "96-office-evaluation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "审核通过，销号" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "确认销号" }).ClickAsync();
        await office.GetByTestId("status-name").GetByText("已销号").WaitForAsync();
        Assert.Equal("93 分 · 群众测评 · 群众满意度 96%", await office.GetByTestId("evaluation").InnerTextAsync());
        await office.ShotAsync(fixture, "97-office-closed");

        await office.GotoAsync("/notifications");
        await office.GetByTestId("notification").First.WaitForAsync();
        await office.ShotAsync(fixture, "98-office-notifications");
        await office.GotoAsync("/supervision");
        await office.GetByText("义乌市整改进度").WaitForAsync();
        await office.ShotAsync(fixture, "99-supervision");

        await using (var db = await fixture.DbAsync())
        {
            var task = await db.RectificationTasks.SingleAsync(t => t.Title == Title);
            Assert.Equal(RectificationStatus.Closed, task.Status);
            Assert.Equal(93, task.EffectScore);
            Assert.Equal(96, task.SatisfactionPercent);
            Assert.Equal(["created", "progress", "apply", "approve"], (await db.TaskEvents.Where(e => e.TaskId == task.Id).ToListAsync()).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Kind));
        }
    }
}
