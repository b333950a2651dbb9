using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Teams;

public sealed record RoundInfo(Guid Id, string Name, string RegionCode, string RegionName, DateOnly StartDate, DateOnly EndDate, int TargetCount);

public sealed record MemberView(Guid PersonId, string Name, string Unit, string Position, IReadOnlyList<string> Skills, int TownshipYears, bool CanLead, bool IsLeader);

public sealed record InvitationView(Guid Id, Guid ExpertId, string ExpertName, string Field, string Unit, Guid? TeamId, Guid? FindingId, string Note, DateTimeOffset InvitedAt, IReadOnlyList<string> Warnings);

public sealed record TeamView(
    Guid Id,
    string Name,
    string Origin,
    MemberView? Leader,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<TargetVillage> Villages,
    IReadOnlyList<string> MissingSkills,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<InvitationView> Experts);

public sealed record RoundTeams(RoundInfo Round, IReadOnlyList<TeamView> Teams, IReadOnlyList<TargetVillage> Unassigned, IReadOnlyList<string> RequiredSkills, bool CanEdit);

/// <summary>The teams of a round with their members, villages and what is wrong with them (warnings are shown, never refused).</summary>
public sealed class GetRoundTeamsHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<TeamSettings> options)
{
    public async Task<RoundTeams> Handle(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TeamsAccess.RoundAsync(db, roundId, user, edit: false, ct);
        var settings = options.Value;
        var data = await RoundData.LoadAsync(db, round, settings, ct);
        var teams = await db.Teams.AsNoTracking().Include(t => t.Members).Where(t => t.RoundId == roundId).ToListAsync(ct);
        var personIds = teams.SelectMany(t => t.Members).Select(m => m.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Works).Include(p => p.Relatives).AsSplitQuery()
            .Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var avoidance = await RoundData.AvoidanceAsync(db, data.Targets.Select(t => t.Code).ToList(), people.Values, round.StartDate, settings, ct);
        var invitations = await InvitationsAsync(db, teams.Select(t => t.Id).ToList(), data, ct);

        var views = teams.OrderBy(t => t.CreatedAt).ThenBy(t => TeamOrder(t.Name)).Select(t =>
        {
            var villages = data.Targets.Where(v => v.TeamId == t.Id).ToList();
            var members = t.Members.Where(m => people.ContainsKey(m.PersonId)).Select(m => Member(people[m.PersonId], m.IsLeader))
                .OrderByDescending(m => m.IsLeader).ThenBy(m => m.Name).ToList();
            var skills = members.SelectMany(m => m.Skills).ToHashSet();
            var missing = settings.SkillGroups.Where(g => !g.IsMetBy(skills)).Select(g => g.Name).ToList();
            var warnings = missing.Select(TeamTexts.MissingSkill).ToList();
            warnings.AddRange(SizeAndLeaderWarnings(members, settings));
            foreach (var m in members)
            {
                var person = TeamSkills.ForAvoidance(people[m.PersonId]);
                warnings.AddRange(villages.Select(v => (v, r: avoidance.Reasons(person, v.Code))).Where(x => x.r.Count > 0)
                    .Select(x => TeamTexts.Conflict(m.Name, x.v.Name, string.Join("；", x.r))));
            }

            var experts = invitations.Where(i => i.TeamId == t.Id).ToList();
            warnings.AddRange(experts.SelectMany(e => e.Warnings));
            return new TeamView(t.Id, t.Name, t.Origin, members.FirstOrDefault(m => m.IsLeader), members, villages, missing, warnings, experts);
        }).ToList();
        var info = new RoundInfo(round.Id, round.Name, round.RegionCode, data.RegionName, round.StartDate, round.EndDate, data.Targets.Count);
        return new RoundTeams(info, views, data.Targets.Where(v => v.TeamId is null).ToList(), settings.SkillGroups.Select(g => g.Name).ToList(),
            user.IsInAnyRole(TeamsAccess.Editors));
    }

    internal static MemberView Member(Person p, bool leader) =>
        new(p.Id, p.Name, p.Unit, p.Position, TeamSkills.Of(p), p.TownshipYears, p.CanLead, leader);

    private static IEnumerable<string> SizeAndLeaderWarnings(List<MemberView> members, TeamSettings s)
    {
        if (members.FirstOrDefault(m => m.IsLeader) is not { } leader)
        {
            yield return TeamTexts.NoLeader;
        }
        else if (!leader.CanLead)
        {
            yield return TeamTexts.LeaderNotCandidate(leader.Name);
        }

        if (members.Count < s.MinTeamSize)
        {
            yield return TeamTexts.TooSmall(members.Count, s.MinTeamSize);
        }
        else if (members.Count > s.MaxTeamSize)
        {
            yield return TeamTexts.TooLarge(members.Count, s.MaxTeamSize);
        }
    }

    /// <summary>Auto-made teams are created in one instant; their number orders them.</summary>
    private static int TeamOrder(string name)
    {
        for (var n = 1; n < 100; n++)
        {
            if (name == TeamTexts.TeamName(n))
            {
                return n;
            }
        }

        return int.MaxValue;
    }

    internal static async Task<List<InvitationView>> InvitationsAsync(XunchaDbContext db, List<Guid> teamIds, RoundData data, CancellationToken ct)
    {
        var rows = await (
                from i in db.ExpertInvitations.AsNoTracking()
                where i.TeamId != null && teamIds.Contains(i.TeamId.Value)
                join e in db.Experts on i.ExpertId equals e.Id
                select new { i, e })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.i.InvitedAt).Select(r =>
        {
            var home = Domain.Regions.RegionCode.Normalize(r.e.HomeVillageCode);
            var tied = data.Targets.Where(v => v.TeamId == r.i.TeamId && v.Code == home).Select(v => TeamTexts.ExpertTied(r.e.Name, v.Name)).ToList();
            return new InvitationView(r.i.Id, r.e.Id, r.e.Name, r.e.Field, r.e.Unit, r.i.TeamId, r.i.FindingId, r.i.Note, r.i.InvitedAt, tied);
        }).ToList();
    }
}
