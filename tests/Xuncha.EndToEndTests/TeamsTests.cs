using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Persistence;

namespace Xuncha.EndToEndTests;

/// <summary>巡察组 of issue 4: the county office picks a round, assigns automatically and sees teams without conflicts.</summary>
public sealed class TeamsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CountyOffice_AutoAssigns_SeesTeamsWithoutConflicts()
    {
        var (roundName, tiedName, tiedVillage) = await SeedAsync();

        var page = await fixture.NewPageAsync(1440, 900);
        await page.SignInAsync("yiwu", DemoSeeder.Password);
        await page.GetByText("您好").WaitForAsync();
        await page.GotoAsync("/teams");
        await page.WaitInteractiveAsync();
        // The newest round comes first; pick ours.
        await page.GetByText("2026年第四轮巡察").First.WaitForAsync();
        var option = page.Locator(".ant-select-item-option", new() { HasText = roundName });
        await page.Locator("#f-round").ClickUntilAsync(() => option.IsVisibleAsync());
        await option.ClickAsync();
        await page.GetByText("巡察村社 9 个").WaitForAsync();
        await page.GetByText("本轮次还没有巡察组").WaitForAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await page.GetByRole(AriaRole.Button, new() { Name = "自动分配" }).ClickUntilAsync(() => dialog.IsVisibleAsync());
        await dialog.Locator("#f-team-count input").FillAsync("2");
        await page.ShotAsync(fixture, "40-teams-assign-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "开始分配" }).ClickAsync();

        var cards = page.GetByTestId("team-card");
        await cards.Nth(1).WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(2, await cards.CountAsync());
        Assert.True(await page.GetByText("第一巡察组").IsVisibleAsync());
        Assert.True(await page.GetByText("第二巡察组").IsVisibleAsync());
        Assert.Equal(0, await page.GetByTestId("team-warnings").CountAsync());
        Assert.DoesNotContain("尚未分配", await page.GetByTestId("team-summary").InnerTextAsync());

        // The tied person is not in the team that inspects his home village.
        var tiedCard = cards.Filter(new() { Has = page.Locator(".team-village", new() { HasText = tiedVillage }) });
        Assert.Equal(1, await tiedCard.CountAsync());
        Assert.DoesNotContain(tiedName, await tiedCard.Locator(".team-members").InnerTextAsync());
        await page.ShotAsync(fixture, "41-teams-assigned");

        // Adding him to that team by hand is refused with the reason.
        await tiedCard.GetByText("加入组员").ClickUntilAsync(() => dialog.IsVisibleAsync());
        var person = page.Locator(".ant-select-item-option", new() { HasText = tiedName });
        await dialog.Locator("#f-person").ClickUntilAsync(() => person.IsVisibleAsync());
        Assert.Contains("须回避", await person.InnerTextAsync());
        await person.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "加入" }).ClickAsync();
        await dialog.GetByText($"{tiedName}须回避{tiedVillage}：户籍（出生）在本村").WaitForAsync();
        await page.ShotAsync(fixture, "42-teams-refused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "回避关系" }).ClickAsync();
        await page.GetByText("户籍（出生）在本村").First.WaitForAsync();
        await page.ShotAsync(fixture, "43-teams-conflicts");
    }

    private async Task<(string Round, string TiedName, string TiedVillage)> SeedAsync()
    {
        await using var db = await fixture.DbAsync();
        var villages = await db.CadreRelatives.Select(r => r.VillageCode).Distinct().OrderBy(v => v).Take(9).ToListAsync();
        var round = new Round
        {
            Id = Guid.NewGuid(), Name = "2026年第三轮巡察", RegionCode = "330782", StartDate = new DateOnly(2026, 9, 1), EndDate = new DateOnly(2026, 10, 31),
            CreatedById = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        var rank = 0;
        round.Targets.AddRange(villages.Select(v => new RoundTarget { Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = v, RiskRank = ++rank, PickedById = "test", PickedAt = DateTimeOffset.UtcNow }));
        db.Rounds.Add(round);
        var later = new Round
        {
            Id = Guid.NewGuid(), Name = "2026年第四轮巡察", RegionCode = "330782", StartDate = new DateOnly(2026, 11, 1), EndDate = new DateOnly(2026, 12, 15),
            CreatedById = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        later.Targets.Add(new RoundTarget { Id = Guid.NewGuid(), RoundId = later.Id, VillageCode = villages[^1], PickedById = "test", PickedAt = DateTimeOffset.UtcNow });
        db.Rounds.Add(later);

        string[] names = ["陈立军", "黄建华", "周晓燕", "吴国平", "徐丽萍", "孙志强", "马文斌", "朱海燕", "胡卫东", "郭小红", "何振宇", "林秀英"];
        string[][] rotation = [[Skills.Discipline, Skills.Township], [Skills.Organisation, Skills.Audit], [Skills.Finance, Skills.Township], [Skills.Discipline, Skills.Organisation]];
        var people = names.Select((n, i) => new Person
        {
            Id = Guid.NewGuid(), Name = n, RegionCode = "330782", Unit = i % 2 == 0 ? "义乌市纪委监委" : "义乌市委组织部", Skills = [.. rotation[i % 4]],
            TownshipYears = rotation[i % 4].Contains(Skills.Township) ? 5 + i : 0, CanLead = i % 4 == 1,
        }).ToList();
        people[0].HomeVillageCode = villages[0];
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        var village = await db.Regions.Where(r => r.Code == villages[0]).Select(r => r.Name).SingleAsync();
        return (round.Name, people[0].Name, village);
    }
}
