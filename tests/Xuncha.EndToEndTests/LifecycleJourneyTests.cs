using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;
using Xuncha.Screening.Synthetic;

namespace Xuncha.EndToEndTests;

/// <summary>
/// The whole lifecycle of issue 7 in one journey, each step by its own user through the pages:
/// the county office plans a round from the risk ranking, assigns a team, hands the team account
/// to one of its members and screens an uploaded package; the team member triages the leads, logs
/// a visit on a phone and records a finding; the office downloads the report and a list, records a
/// feedback meeting and raises a rectification task that the township's owner reports and applies
/// to close on a phone; the office closes it and the dashboard counts it all. On SQLite and on
/// PostgreSQL.
/// </summary>
public abstract class LifecycleJourneyTestsBase(BrowserFixture fixture)
{
    /// <summary>Screenshots of the PostgreSQL run get their own names.</summary>
    protected virtual string ShotPrefix => "";

    private const string RoundName = "义乌市委全流程演练轮次";
    private const string Reason = "群众反映集中，乡镇党委推荐";

    [Fact]
    public async Task WholeLifecycle_PlanToDashboard_WithDifferentUsers()
    {
        // J0 The county office reads the dashboard before.
        var office = await fixture.NewPageAsync(1440, 900);
        await office.SignInAsync("yiwu", DemoSeeder.Password);
        await office.GetByText("您好").First.WaitForAsync();
        var before = await FiguresAsync(office);
        await office.ShotAsync(fixture, ShotPrefix + "J0-statistics-before");

        // J1 Plan and rank: a new round, three 佛堂镇 villages from the risk ranking.
        var roundUrl = await NewRoundAsync(office);
        var roundId = Guid.Parse(roundUrl[^36..]);
        await PickFromRankingAsync(office, roundUrl);

        // J2 Teams: assign automatically, then start the round.
        await office.GetByRole(AriaRole.Link, new() { Name = "巡察组" }).ClickAsync();
        await office.GetByText("巡察村社 3 个").WaitForAsync(new() { Timeout = 60_000 });
        await office.WaitInteractiveAsync();
        var assign = office.GetByRole(AriaRole.Dialog);
        await office.GetByRole(AriaRole.Button, new() { Name = "自动分配" }).ClickUntilAsync(() => assign.IsVisibleAsync());
        await assign.Locator("#f-team-count input").FillAsync("1");
        await assign.GetByRole(AriaRole.Button, new() { Name = "开始分配" }).ClickAsync();
        await office.GetByTestId("team-card").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.DoesNotContain("尚未分配", await office.GetByTestId("team-summary").InnerTextAsync());
        await office.ShotAsync(fixture, ShotPrefix + "J2-teams");
        await StartRoundAsync(office, roundUrl);

        // J3 Screen a package of the round's villages, uploaded as the office.
        var villages = await RoundVillagesAsync(roundId);
        using var packageFolder = new TempFolder("journey");
        var package = Package(villages, packageFolder.Folder);
        await office.GotoAsync("/screening/imports");
        await office.WaitInteractiveAsync();
        await office.Locator("#f-files").SetInputFilesAsync(Directory.GetFiles(package.Folder));
        var run = office.GetByRole(AriaRole.Button, new() { Name = "开始导入并筛查" });
        await run.ClickUntilAsync(async () => await office.GetByTestId("stage").CountAsync() > 0);
        await office.GetByTestId("stage").GetByText($"完成：{villages.Count} 个村社").WaitForAsync(new() { Timeout = 120_000 });
        await office.ShotAsync(fixture, ShotPrefix + "J3-screening");

        // J4 Triage by a member of the new team: confirm one lead into a finding, dismiss another.
        // The office first hands the `team` account to a member of this round's team (人员库 →
        // 登录账号): a team member sees only the rounds of its own teams, and the demo had tied the
        // account to someone on the demo's round, whose dates overlap this one.
        await HandTeamAccountAsync(office, roundId);
        var team = await fixture.NewPageAsync(1440, 900);
        await team.SignInAsync("team", DemoSeeder.Password);
        await team.GetByText("您好").First.WaitForAsync();
        const string leadFinding = "收入直接列支未入账（数据筛查）";
        await TriageAsync(team, roundId, package.Expected.Count, leadFinding);

        // J5 A home visit on a phone.
        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("team", DemoSeeder.Password);
        await phone.GetByText("您好").First.WaitForAsync();
        await VisitAsync(phone, roundId, villages[0]);

        // J6 A finding through the new finding form.
        const string formFinding = "村务公开栏长期未按月更新（走访发现）";
        var findingUrl = await NewFindingAsync(team, villages[1].Name, formFinding);

        // J7 The round's report and its problem list, downloaded by the office.
        await DocumentsAsync(office, [leadFinding, formFinding]);

        // J8 A four-level feedback meeting for 佛堂镇.
        await FeedbackAsync(office);

        // J9 Rectification: raised by the office, reported and applied by the owner on a phone, closed by the office.
        await RectifyAsync(office, findingUrl);

        // J9 The dashboard counts the new findings, the visit and the closed task.
        var after = await FiguresAsync(office);
        await office.ShotAsync(fixture, ShotPrefix + "J9z-statistics-after");
        Assert.True(after.Findings >= before.Findings + 2, $"发现问题 {before.Findings} → {after.Findings}");
        Assert.True(after.Visits >= before.Visits + 1, $"走访谈话 {before.Visits} → {after.Visits}");
        Assert.Equal(before.Tasks + 1, after.Tasks);
        Assert.Equal(before.Closed + 1, after.Closed);
    }

    /// <summary>The office unlinks the `team` account from its demo holder and links it to a member of the round's team.</summary>
    private async Task HandTeamAccountAsync(IPage page, Guid roundId)
    {
        Guid holder, member;
        await using (var db = await fixture.DbAsync())
        {
            var account = await db.Users.Where(u => u.UserName == "team").Select(u => u.Id).SingleAsync();
            holder = await db.People.Where(p => p.UserId == account).Select(p => p.Id).SingleAsync();
            member = await db.TeamMembers.Where(m => db.Teams.Any(t => t.Id == m.TeamId && t.RoundId == roundId))
                .OrderBy(m => m.IsLeader).Select(m => m.PersonId).FirstAsync();
        }

        await SetAccountAsync(page, holder, "", "已解除账号关联");
        await SetAccountAsync(page, member, "team", "已关联账号 team");
        await page.ShotAsync(fixture, ShotPrefix + "J2b-team-account");
    }

    private async Task SetAccountAsync(IPage page, Guid personId, string account, string done)
    {
        string name;
        await using (var db = await fixture.DbAsync())
        {
            name = await db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync();
        }

        await page.GotoAsync("/people");
        await page.WaitInteractiveAsync();

        await page.Locator("#f-q").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var row = page.Locator("tbody tr").Filter(new() { Has = page.GetByText(name, new() { Exact = true }) }).First;
        await row.WaitForAsync();
        await row.GetByText("查看").ClickAsync();
        var view = page.GetByTestId("person-view");
        await view.WaitForAsync();
        await view.Locator("#f-account").FillAsync(account);
        await view.GetByRole(AriaRole.Button, new() { Name = "保存关联" }).ClickUntilAsync(() => page.GetByText(done).First.IsVisibleAsync());
    }

    private sealed record Figures(int Findings, int Visits, int Tasks, int Closed);

    private sealed record Village(string Code, string Name, string Township);

    private static async Task<Figures> FiguresAsync(IPage page)
    {
        await page.GotoAsync("/statistics");
        await page.GetByTestId("fig-findings").WaitForAsync();
        await page.WaitInteractiveAsync();
        static int Number(string text) => int.Parse(Regex.Match(text, @"[\d,]+").Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var tasks = page.Locator(".figure-card").Filter(new() { Has = page.GetByTestId("fig-tasks") });
        var closed = Regex.Match(await tasks.Locator(".figure-sub").InnerTextAsync(), @"已销号 ([\d,]+)").Groups[1].Value;
        return new Figures(
            Number(await page.GetByTestId("fig-findings").InnerTextAsync()),
            Number(await page.GetByTestId("fig-visits").InnerTextAsync()),
            Number(await page.GetByTestId("fig-tasks").InnerTextAsync()),
            Number(closed));
    }

    private async Task<string> NewRoundAsync(IPage page)
    {
        await page.GotoAsync("/rounds");
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建轮次" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.Locator("#round-name").FillAsync(RoundName);
        var today = DateTime.Today;
        await page.PickDateAsync(dialog.Locator(".ant-picker").Nth(0), today);
        await page.PickDateAsync(dialog.Locator(".ant-picker").Nth(1), new DateTime(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)));
        await dialog.Locator("#round-name").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GetByText("还没有巡察对象").WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.Matches("/rounds/[0-9a-f-]{36}$", page.Url);
        return page.Url;
    }

    private async Task PickFromRankingAsync(IPage page, string roundUrl)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "从风险排序选取对象" }).ClickAsync();
        var rows = page.Locator("tbody tr.ant-table-row");
        await rows.First.WaitForAsync();
        await page.WaitInteractiveAsync();
        await page.Locator("#f-search").FillAsync("佛堂");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickUntilAsync(async () =>
            await rows.CountAsync() > 3 && (await rows.AllInnerTextsAsync()).All(t => t.Contains("佛堂镇", StringComparison.Ordinal)));
        for (var i = 0; i < 3; i++)
        {
            var box = rows.Nth(i).Locator(".ant-checkbox-input");
            await box.ClickUntilAsync(() => box.IsCheckedAsync());
        }

        await page.ShotAsync(fixture, ShotPrefix + "J1a-risk-ranking");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "加入轮次（已选 3 个）" });
        var pick = page.GetByRole(AriaRole.Dialog);
        await add.ClickUntilAsync(() => pick.IsVisibleAsync());
        Assert.Contains(RoundName, await pick.InnerTextAsync());
        var reasons = pick.Locator("tbody input");
        for (var i = 0; i < 3; i++)
        {
            await reasons.Nth(i).FillAsync(Reason);
        }

        await pick.GetByRole(AriaRole.Button, new() { Name = "加入" }).ClickAsync();
        await page.GetByText("已加入 3 个村社").WaitForAsync();

        await page.GotoAsync(roundUrl);
        await page.WaitInteractiveAsync();
        await page.Locator("tbody tr.ant-table-row").Nth(2).WaitForAsync();
        Assert.Equal(3, await page.Locator("tbody tr.ant-table-row").CountAsync());
        Assert.Equal(3, await page.Locator("tbody tr.ant-table-row", new() { HasText = "佛堂镇" }).CountAsync());
        await page.ShotAsync(fixture, ShotPrefix + "J1b-round-targets");
    }

    /// <summary>The office starts the round (状态 进行中): findings and confirmed leads then belong to it.</summary>
    private static async Task StartRoundAsync(IPage page, string roundUrl)
    {
        await page.GotoAsync(roundUrl);
        await page.Locator("tbody tr.ant-table-row").First.WaitForAsync();
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        var status = dialog.Locator(".x-field").Filter(new() { Has = page.Locator("label.x-field-label", new() { HasTextString = "状态" }) }).Locator(".ant-select");
        var running = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "进行中" });
        await status.ClickUntilAsync(() => running.IsVisibleAsync());
        await running.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Locator(".ant-tag", new() { HasText = "进行中" }).First.WaitForAsync();
    }

    private async Task<List<Village>> RoundVillagesAsync(Guid roundId)
    {
        await using var db = await fixture.DbAsync();
        return await (from t in db.RoundTargets
                      where t.RoundId == roundId
                      join v in db.Regions on t.VillageCode equals v.Code
                      orderby t.VillageCode
                      select new Village(t.VillageCode, v.Name, v.Parent!.Name)).ToListAsync();
    }

    /// <summary>A small synthetic package of the round's villages with the R01 and R02 anomalies planted, as the office would receive it.</summary>
    private static GeneratedPackage Package(List<Village> villages, string folder)
    {
        var list = villages.Select((v, i) => PackageGenerator.Village(i, v.Code, v.Name, v.Township, "义乌市")).ToList();
        return PackageGenerator.Generate(list, new GeneratorOptions(new DateOnly(2024, 12, 31), Background: false, Rules: new HashSet<string> { "R01", "R02" }), folder);
    }

    private async Task TriageAsync(IPage page, Guid roundId, int expected, string title)
    {
        await page.GotoAsync($"/screening/leads?round={roundId}");
        await page.WaitInteractiveAsync();
        await page.Locator("tr", new() { HasText = "R01 坐收坐支" }).First.WaitForAsync();
        var total = int.Parse(Regex.Match(await page.Locator(".table-total").InnerTextAsync(), @"共 (\d+) 条").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(total >= expected, $"共 {total} 条，数据包预埋 {expected} 条");
        await page.ShotAsync(fixture, ShotPrefix + "J4a-leads");

        await page.Locator("tr", new() { HasText = "R01 坐收坐支" }).First.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await page.GetByTestId("explanation").WaitForAsync();
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认为问题" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.Locator("#f-title").FillAsync(title);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确认并生成问题" }).ClickAsync();
        await page.GetByText("已生成问题记录").WaitForAsync();
        Assert.True(await page.Locator(".ant-page-header").GetByText("已确认").IsVisibleAsync());
        await page.ShotAsync(fixture, ShotPrefix + "J4b-lead-confirmed");

        await page.GotoAsync($"/screening/leads?round={roundId}");
        await page.WaitInteractiveAsync();
        var other = page.Locator("tr", new() { HasText = "R02 大额现金支付" }).First;
        await other.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await page.GetByTestId("explanation").WaitForAsync();
        await page.WaitInteractiveAsync();
        var dismiss = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "排除" }).ClickUntilAsync(() => dismiss.IsVisibleAsync());
        await dismiss.Locator("#f-reason").FillAsync("经核实为村民代表会议批准的应急支出");
        await dismiss.GetByRole(AriaRole.Button, new() { Name = "确认排除" }).ClickAsync();
        await page.GetByText("经核实为村民代表会议批准的应急支出").WaitForAsync();
        Assert.True(await page.Locator(".ant-page-header").GetByText("已排除").IsVisibleAsync());
        await page.ShotAsync(fixture, ShotPrefix + "J4c-lead-dismissed");
    }

    private async Task VisitAsync(IPage page, Guid roundId, Village village)
    {
        await page.GotoAsync("/visits");
        await page.WaitInteractiveAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "记一条" });
        await page.GetByRole(AriaRole.Button, new() { Name = "记一条" }).ClickUntilAsync(() => form.IsVisibleAsync());
        await page.Locator("label.visit-kind", new() { HasText = "登门访" }).ClickAsync();
        var option = page.Locator($"#v-village option[value='{roundId}|{village.Code}']");
        await option.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#v-village").SelectOptionAsync($"{roundId}|{village.Code}");
        await page.Locator("#v-person").FillAsync("演练群众");
        await page.Locator("#v-category").SelectOptionAsync("在家群众");
        await page.Locator("#v-learned").FillAsync("反映村务公开栏半年未更新，收支看不到");
        await page.ShotAsync(fixture, ShotPrefix + "J5a-visit-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var card = page.Locator(".visit-card", new() { HasText = "反映村务公开栏半年未更新" });
        await card.WaitForAsync();
        Assert.Contains(village.Name, await card.InnerTextAsync());
        await page.ShotAsync(fixture, ShotPrefix + "J5b-visit-saved");
    }

    private async Task<string> NewFindingAsync(IPage page, string village, string title)
    {
        await page.GotoAsync("/findings");
        await page.WaitInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建问题" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        var fields = dialog.Locator(".x-field");
        async Task ChooseAsync(string label, string text, bool search = false)
        {
            var select = fields.Filter(new() { Has = page.Locator("label.x-field-label", new() { HasTextString = label }) }).Locator(".ant-select").First;
            var option = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = text }).First;
            await select.ClickUntilAsync(async () =>
            {
                if (search && await select.Locator("input").IsVisibleAsync())
                {
                    await select.Locator("input").FillAsync(text);
                }

                return await option.IsVisibleAsync();
            });
            await option.ClickAsync();
            await select.GetByText(text).First.WaitForAsync();
        }

        await ChooseAsync("村社", village, search: true);
        await dialog.Locator("#f-title").FillAsync(title);
        await ChooseAsync("一级分类", "基层党组织建设");
        await dialog.Locator("textarea").First.FillAsync("走访群众反映，村务公开栏自今年 5 月起未更新，三资收支未公开。");
        await page.ShotAsync(fixture, ShotPrefix + "J6a-finding-form");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.GetByTestId("amount").WaitForAsync();
        await page.WaitInteractiveAsync();
        Assert.True(await page.GetByText(title).First.IsVisibleAsync());
        Assert.True(await page.GetByText(RoundName).First.IsVisibleAsync());
        await page.ShotAsync(fixture, ShotPrefix + "J6b-finding");
        return page.Url;
    }

    private async Task DocumentsAsync(IPage page, string[] titles)
    {
        await page.GotoAsync("/documents");
        await page.WaitInteractiveAsync();
        var round = page.Locator(".ant-select-item-option:visible").Filter(new() { HasText = RoundName });
        await page.Locator("#f-round").ClickUntilAsync(() => round.IsVisibleAsync());
        await round.ClickAsync();
        await page.GetByText($"关于{RoundName}情况的报告").WaitForAsync();
        await page.ShotAsync(fixture, ShotPrefix + "J7-documents");

        var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-report").ClickAsync());
        Assert.EndsWith(".docx", report.SuggestedFilename);
        var path = Path.Combine(fixture.ScreenshotDir, ShotPrefix + "J7-report.docx");
        await report.SaveAsAsync(path);
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(RoundName, text);
            Assert.Contains("走访群众1人次", text);
            Assert.All(titles, t => Assert.Contains(t, text));
        }

        var list = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("tr", new() { HasText = "问题清单" }).GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
        Assert.EndsWith("问题清单.xlsx", list.SuggestedFilename);
        var xlsx = Path.Combine(fixture.ScreenshotDir, ShotPrefix + "J7-problems.xlsx");
        await list.SaveAsAsync(xlsx);
        var cells = string.Join("|", MiniExcel.Query(xlsx).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString()));
        foreach (var title in titles)
        {
            Assert.Contains(title, cells);
        }
    }

    private async Task FeedbackAsync(IPage page)
    {
        await page.GotoAsync("/feedback");
        await page.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "反馈记录" }).WaitForAsync();
        var round = page.Locator(".ant-select-item-option:visible").Filter(new() { HasText = RoundName });
        await page.Locator("#f-round").ClickUntilAsync(() => round.IsVisibleAsync());
        await round.ClickAsync();
        await page.Locator("#f-round").GetByText(RoundName).WaitForAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记反馈" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        var level = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "县级反馈" });
        await dialog.Locator("div#fb-level").ClickUntilAsync(() => level.IsVisibleAsync());
        await level.ClickAsync();
        var region = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "佛堂镇" });
        await dialog.Locator("div#fb-region").ClickUntilAsync(() => region.IsVisibleAsync());
        await region.ClickAsync();
        await dialog.Locator("#fb-attendees").FillAsync("佛堂镇党委书记、镇纪委书记、三个村党组织书记");
        await dialog.Locator("#fb-given").FillAsync("义乌市委巡察第一组组长");
        await page.ShotAsync(fixture, ShotPrefix + "J8a-feedback-form");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        var row = page.Locator("tr.ant-table-row", new() { HasText = "佛堂镇" }).Filter(new() { HasText = "县级反馈" }).First;
        await row.WaitForAsync();
        Assert.Contains("三个村党组织书记", await row.InnerTextAsync());
        await page.ShotAsync(fixture, ShotPrefix + "J8b-feedback-recorded");
    }

    private async Task RectifyAsync(IPage office, string findingUrl)
    {
        const string title = "村务公开栏按月更新（演练）";
        await office.GotoAsync(findingUrl);
        await office.GetByTestId("amount").WaitForAsync();
        await office.WaitInteractiveAsync();
        var form = office.GetByRole(AriaRole.Dialog);
        await office.GetByRole(AriaRole.Button, new() { Name = "生成整改任务" }).ClickUntilAsync(() => form.Locator("#t-title").IsVisibleAsync());
        Assert.Equal("佛堂镇党委", await form.Locator(".owner-row input").Nth(1).InputValueAsync());
        await form.Locator("#t-title").FillAsync(title);
        await form.Locator("#t-measures").FillAsync("1. 每月 5 日前更新村务公开栏；\n2. 补公开今年三资收支明细。");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存并下发" }).ClickAsync();
        await office.GetByTestId("status-name").GetByText("待整改").WaitForAsync();
        var taskUrl = office.Url;
        await office.ShotAsync(fixture, ShotPrefix + "J9a-task-raised");

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("owner", DemoSeeder.Password);
        await phone.GetByText("我的整改任务").WaitForAsync();
        await phone.GotoAsync(taskUrl);
        await phone.GetByTestId("status-name").GetByText("待整改").WaitForAsync();
        await phone.WaitInteractiveAsync();
        await phone.Locator("#p-text").FillAsync("公开栏已更新，今年三资收支明细已补公开，明确每月 5 日前更新。");
        await phone.Locator("#p-files").SetInputFilesAsync(new FilePayload { Name = "公开栏照片.png", MimeType = "image/png", Buffer = PageExtensions.Photo });
        await phone.GetByTestId("picked-file").WaitForAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交进展" }).ClickUntilAsync(async () => await phone.GetByTestId("progress-entry").CountAsync() > 0);
        await phone.GetByTestId("status-name").GetByText("整改中").WaitForAsync();
        await phone.ShotAsync(fixture, ShotPrefix + "J9b-owner-progress");

        await phone.ApplyToCloseAsync();
        await phone.ShotAsync(fixture, ShotPrefix + "J9c-owner-applied");

        await office.GotoAsync(taskUrl);
        await office.GetByTestId("status-name").GetByText("申请销号").WaitForAsync();
        await office.WaitInteractiveAsync();
        var dialog = office.GetByRole(AriaRole.Dialog);
        await office.GetByRole(AriaRole.Button, new() { Name = "审核销号" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.Locator("#a-score input").FillAsync("92");
        var method = office.Locator(".ant-select-item-option:visible").Filter(new() { HasText = "群众测评" });
        await dialog.Locator(".ant-select").ClickUntilAsync(() => method.IsVisibleAsync());
        await method.ClickAsync();
        await dialog.Locator("#a-satisfaction input").FillAsync("95");
        await dialog.Locator("#a-note").FillAsync("走访 10 户群众，公开栏内容及时准确。");
        // Under load the click can land while the dialog is still animating: again until the confirmation shows.
        var confirmClose = office.GetByRole(AriaRole.Button, new() { Name = "确认销号" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "审核通过，销号" }).ClickUntilAsync(() => confirmClose.IsVisibleAsync());
        await confirmClose.ClickAsync();
        await office.GetByTestId("status-name").GetByText("已销号").WaitForAsync();
        Assert.Equal("92 分 · 群众测评 · 群众满意度 95%", await office.GetByTestId("evaluation").InnerTextAsync());
        await office.ShotAsync(fixture, ShotPrefix + "J9d-task-closed");
    }
}

/// <summary>The journey on SQLite, the embedded default.</summary>
public sealed class LifecycleJourneyTests(BrowserFixture fixture) : LifecycleJourneyTestsBase(fixture), IClassFixture<BrowserFixture>;

/// <summary>The same journey on PostgreSQL.</summary>
public sealed class PostgresLifecycleJourneyTests(PostgresBrowserFixture fixture) : LifecycleJourneyTestsBase(fixture), IClassFixture<PostgresBrowserFixture>
{
    protected override string ShotPrefix => "pg-";
}
