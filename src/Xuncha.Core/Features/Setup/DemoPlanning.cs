using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Checklists;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Features.Teams;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Setup;

public sealed record DemoPlanningResult(Guid CityPlanId, Guid CountyPlanId, Guid CurrentRoundId, Guid ElevatedRoundId, int Targets, int Teams);

/// <summary>
/// The demo's planning: the city's 2026 plan and 义乌's plan refining it, 义乌's current round with
/// the 20 highest-ranked villages, and the city's 提级巡察 of 佛堂镇 in preparation. Runs after the
/// demo screening so that the ranking already sees its leads, and after the demo pool, whose
/// people form the current round's four teams.
/// </summary>
public sealed class DemoPlanning(
    IDbContextFactory<XunchaDbContext> dbFactory,
    SavePlanHandler plans,
    SaveRoundHandler rounds,
    PickTargetsHandler targets,
    RankVillagesHandler ranking,
    AssignTeamsHandler teams,
    GenerateChecklistsHandler checklists,
    DemoFieldwork fieldwork,
    TimeProvider clock,
    DemoReports reports,
    DemoFindings findings,
    DemoRectification rectification,
    DemoFeedback feedback,
    LinkPersonAccountHandler accounts)
{
    public const string County = "330782";
    public const string ElevatedTownship = "330782100";

    public async Task<DemoPlanningResult?> SeedAsync(CancellationToken ct = default)
    {
        UserScope city, yiwu;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Plans.AnyAsync(ct))
            {
                return null;
            }

            city = await As(db, "city", Roles.CityOffice, "3307", "金华市", ct);
            yiwu = await As(db, "yiwu", Roles.CountyOffice, County, "义乌市", ct);
        }

        var year = clock.GetLocalNow().Year;
        var cityPlan = await plans.Handle(new SavePlan(null, year, "3307", $"金华市{year}年度村（社区）巡察工作计划", 660,
            PlanningTexts.DefaultFocusAreas, "全年安排三轮：第一轮 3—5 月，第二轮 6—8 月，第三轮 10—12 月；第三轮含市委提级巡察一个重点乡镇。",
            "市委巡察办统筹，县（市、区）委巡察机构组织实施。坚持市域统筹、以点带面、抓百促千，聚焦基层党组织软弱涣散、重点工作推进不力、信访举报易发多发村社，"
            + "运用大数据监督模型靶向选村；市委巡察指导组对各县巡察进行蹲点指导，重点督导巡察发现问题的整改落实。"), city, ct);
        await plans.Review(new ReviewPlan(cityPlan, PlanDecision.Submit), city, ct);
        await plans.Review(new ReviewPlan(cityPlan, PlanDecision.Approve, "同意。"), city, ct);

        var countyPlan = await plans.Handle(new SavePlan(null, year, County, $"义乌市{year}年度村（社区）巡察工作计划", 120,
            [.. PlanningTexts.DefaultFocusAreas, "村级工程项目"], "第一轮 3—5 月（30 个）；第二轮 6—8 月（40 个）；第三轮 10—12 月（50 个，含联动佛堂镇重点村）。",
            "按市计划细化，组建全科型巡察组，智囊团专家按需参与。", cityPlan), yiwu, ct);
        await plans.Review(new ReviewPlan(countyPlan, PlanDecision.Submit), yiwu, ct);
        await plans.Review(new ReviewPlan(countyPlan, PlanDecision.Approve, "同意，注意与市委提级巡察衔接。"), city, ct);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var current = await rounds.Handle(new SaveRound(null, $"义乌市委{year}年第三轮村（社区）巡察", RoundType.Regular, County,
            today.AddDays(-30), today.AddDays(30), countyPlan, Status: RoundStatus.InProgress, Notes: "按风险排序选取前 20 个村社。"), yiwu, ct);
        var ranked = await ranking.Handle(new RankVillages(year, County, 20), yiwu, ct);
        await targets.Handle(new PickTargets(current, ranked.Villages.Select(v => new PickedVillage(v.VillageCode)).ToList()), yiwu, ct);

        var elevated = await rounds.Handle(new SaveRound(null, $"金华市委提级巡察义乌市佛堂镇（{year + 1}年第一轮）", RoundType.Elevated, "3307",
            new DateOnly(year + 1, 3, 2), new DateOnly(year + 1, 4, 30), cityPlan, ElevatedTownship, Notes: "提级巡察乡镇党委，联动巡察其重点村。"), city, ct);
        var township = await ranking.Handle(new RankVillages(year + 1, ElevatedTownship, 5), city, ct);
        await targets.Handle(new PickTargets(elevated, township.Villages.Select(v => new PickedVillage(v.VillageCode,
            v.RoundsThisYear.Count > 0 ? "提级巡察乡镇的重点村" : null)).ToList()), city, ct);

        // The current round gets its teams from the demo pool, as the office would by 自动分配.
        var assigned = await teams.Handle(new AssignTeams(current, 4), yiwu, ct);
        await LinkTeamAccountAsync(current, yiwu, ct);
        await checklists.Handle(new GenerateChecklists(current), yiwu, ct);
        await fieldwork.SeedAsync(current, ct);
        await reports.SeedAsync(current, yiwu, ct);
        await findings.SeedAsync(ct);
        await rectification.SeedAsync(ct);
        await feedback.SeedAsync(current, ct);
        return new DemoPlanningResult(cityPlan, countyPlan, current, elevated, ranked.Villages.Count + township.Villages.Count, assigned.Success ? assigned.TeamCount : 0);
    }

    /// <summary>
    /// The demo account "team" is a member of the current round's first team, so that it sees
    /// that round's villages (a team member sees only its own rounds): linked as the office would,
    /// in 人员库 (登录账号).
    /// </summary>
    private async Task LinkTeamAccountAsync(Guid round, UserScope office, CancellationToken ct)
    {
        List<Guid> members, linked;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var userId = await db.Users.Where(u => u.UserName == "team").Select(u => u.Id).SingleOrDefaultAsync(ct);
            if (userId is null)
            {
                return;
            }

            members = await (from t in db.Teams
                             where t.RoundId == round
                             orderby t.Name
                             join m in db.TeamMembers on t.Id equals m.TeamId
                             select m.PersonId).ToListAsync(ct);
            linked = await db.People.Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(ct);
        }

        if (members.Count == 0 || linked.Any(members.Contains))
        {
            return;
        }

        foreach (var person in linked)
        {
            await accounts.Handle(new LinkPersonAccount(person, null), office, ct);
        }

        await accounts.Handle(new LinkPersonAccount(members[0], "team"), office, ct);
    }

    private static async Task<UserScope> As(XunchaDbContext db, string userName, string role, string scope, string scopeName, CancellationToken ct)
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleOrDefaultAsync(ct) ?? userName;
        return new UserScope(id, userName, userName, new HashSet<string> { role }, scope, scopeName);
    }
}
