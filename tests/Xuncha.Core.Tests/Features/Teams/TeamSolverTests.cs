using Xuncha.Core.Domain.People;
using Xuncha.Core.Features.Teams;

namespace Xuncha.Core.Tests.Features.Teams;

public sealed class TeamSolverTests
{
    private static readonly TeamSettings Settings = new() { SolverSeconds = 10 };

    [Fact]
    public void Solve_BalancedPool_CoversSkillsAvoidsTiesAndBalancesLoad()
    {
        var (people, villages) = Pool(people: 16, villages: 11);

        // Every 老乡镇 person but one is tied to some village; the leaders to others.
        var ties = new HashSet<(Guid, string)>
        {
            (people[0].Id, villages[0].Code), (people[0].Id, villages[1].Code),
            (people[3].Id, villages[0].Code), (people[5].Id, villages[2].Code),
            (people[7].Id, villages[10].Code), (people[9].Id, villages[4].Code),
            (people[12].Id, villages[0].Code), (people[13].Id, villages[6].Code),
        };
        var result = TeamSolver.Solve(new SolverInput(people, villages, ties, 3, Settings));

        Assert.True(result.Success, string.Join("；", result.Reasons));
        Assert.Equal(3, result.Teams.Count);
        Assert.Equal(villages.Select(v => v.Code).Order(), result.Teams.SelectMany(t => t.VillageCodes).Order());
        Assert.Equal(result.Teams.Sum(t => t.MemberIds.Count), result.Teams.SelectMany(t => t.MemberIds).Distinct().Count());
        var byId = people.ToDictionary(p => p.Id);
        foreach (var team in result.Teams)
        {
            Assert.InRange(team.MemberIds.Count, Settings.MinTeamSize, Settings.MaxTeamSize);
            Assert.Contains(team.LeaderId, team.MemberIds);
            Assert.True(byId[team.LeaderId].CanLead);
            foreach (var group in Settings.SkillGroups)
            {
                Assert.Contains(team.MemberIds, m => group.IsMetBy(byId[m].Skills));
            }

            foreach (var m in team.MemberIds)
            {
                Assert.DoesNotContain(team.VillageCodes, v => ties.Contains((m, v)));
            }
        }

        var loads = result.Teams.Select(t => t.VillageCodes.Count).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
        var sizes = result.Teams.Select(t => t.MemberIds.Count).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void Solve_OnlyAuditorTiedToVillage_ExplainsWithVillageAndSkill()
    {
        var (people, villages) = Pool(people: 9, villages: 4);
        var audit = new SkillGroup([Skills.Audit, Skills.Finance]);
        var ties = people.Where(p => audit.IsMetBy(p.Skills)).Select(p => (p.Id, villages[2].Code)).ToHashSet();

        var result = TeamSolver.Solve(new SolverInput(people, villages, ties, 2, Settings));

        Assert.False(result.Success);
        Assert.Empty(result.Teams);
        Assert.Contains($"{villages[2].Name}：无可回避的审计或财政人员", result.Reasons);
    }

    [Fact]
    public void Solve_TooFewWithSkillAndLeaders_SaysHowMany()
    {
        var (people, villages) = Pool(people: 12, villages: 8);
        var fewDiscipline = people.Select((p, i) => i < 3 || !p.Skills.Contains(Skills.Discipline)
            ? p
            : p with { Skills = p.Skills.Where(s => s != Skills.Discipline).ToHashSet() }).ToList();

        var result = TeamSolver.Solve(new SolverInput(fewDiscipline, villages, new HashSet<(Guid, string)>(), 4, Settings));

        Assert.False(result.Success);
        Assert.Contains(result.Reasons, r => r.StartsWith("纪检人员只有 ", StringComparison.Ordinal) && r.EndsWith("不足以组成 4 个巡察组。", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.StartsWith("可担任组长的人员只有 3 人", StringComparison.Ordinal));
    }

    [Fact]
    public void Solve_PrecheckPassesButNoPlanExists_SaysSoWithSuggestions()
    {
        // Every village has an untied leader candidate (the second one), but two teams need two leaders
        // and the first is tied to both villages: only the solver can see that.
        var (people, villages) = Pool(people: 8, villages: 2);
        var leaders = people.Where(p => p.CanLead).ToList();
        Assert.Equal(2, leaders.Count);
        var ties = new HashSet<(Guid, string)> { (leaders[0].Id, villages[0].Code), (leaders[0].Id, villages[1].Code) };

        var result = TeamSolver.Solve(new SolverInput(people, villages, ties, 2, Settings));

        Assert.False(result.Success);
        Assert.Equal("Infeasible", result.Status);
        Assert.Contains("减少组数", Assert.Single(result.Reasons));
    }

    /// <summary>
    /// A pool where everyone has two skills in rotation (纪检+老乡镇, 组织+审计, 财政+老乡镇, 纪检+组织)
    /// and one in four can lead; villages named like the real ones.
    /// </summary>
    internal static (List<SolverPerson> People, List<SolverVillage> Villages) Pool(int people, int villages)
    {
        string[][] rotation =
        [
            [Skills.Discipline, Skills.Township],
            [Skills.Organisation, Skills.Audit],
            [Skills.Finance, Skills.Township],
            [Skills.Discipline, Skills.Organisation],
        ];
        var pool = Enumerable.Range(0, people).Select(i => new SolverPerson(
                new Guid(i + 1, 0, 0, new byte[8]),
                $"人员{i + 1}",
                rotation[i % 4].ToHashSet(),
                i % 4 == 1,
                rotation[i % 4].Contains(Skills.Township) ? 3 + (i % 7) : 0))
            .ToList();
        var list = Enumerable.Range(0, villages).Select(i => new SolverVillage($"330782100{i + 1:000}", $"测试{i + 1}村")).ToList();
        return (pool, list);
    }
}
