namespace Xuncha.Core.Features.Teams;

/// <summary>
/// The reasons a plan cannot exist that a person can see at a glance, in plain Chinese: too few
/// people, leaders or holders of a skill for the number of teams, or a village for which every
/// holder of a skill (or every leader) must stay away.
/// </summary>
public static class TeamPrecheck
{
    public static IReadOnlyList<string> Explain(SolverInput input)
    {
        var (people, villages, teams, s) = (input.People, input.Villages, input.TeamCount, input.Settings);
        var reasons = new List<string>();
        if (villages.Count == 0)
        {
            return [TeamTexts.NoTargets];
        }

        if (teams < 1)
        {
            return [TeamTexts.TeamCountPositive];
        }

        if (teams > villages.Count)
        {
            reasons.Add(TeamTexts.MoreTeamsThanVillages(teams, villages.Count));
        }

        if (s.MaxVillagesPerTeam is { } maxVillages && (villages.Count + teams - 1) / teams > maxVillages)
        {
            reasons.Add(TeamTexts.TooManyVillagesPerTeam(villages.Count, teams, maxVillages));
        }

        if (people.Count < teams * s.MinTeamSize)
        {
            reasons.Add(TeamTexts.PoolTooSmall(people.Count, teams, s.MinTeamSize));
        }

        var leaders = people.Count(p => p.CanLead);
        if (leaders < teams)
        {
            reasons.Add(TeamTexts.TooFewLeaders(leaders, teams));
        }

        foreach (var group in s.SkillGroups)
        {
            var holders = people.Count(p => group.IsMetBy(p.Skills));
            if (holders < teams)
            {
                reasons.Add(TeamTexts.TooFewWithSkill(group.Name, holders, teams));
            }
        }

        foreach (var v in villages)
        {
            var free = people.Where(p => !input.Ties.Contains((p.Id, v.Code))).ToList();
            reasons.AddRange(s.SkillGroups.Where(g => !free.Any(p => g.IsMetBy(p.Skills))).Select(g => TeamTexts.VillageNoSkill(v.Name, g.Name)));
            if (!free.Any(p => p.CanLead))
            {
                reasons.Add(TeamTexts.VillageNoLeader(v.Name));
            }
        }

        return reasons;
    }
}
