using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Teams;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Teams;

public sealed record CreateTeam(Guid RoundId, string? Name);

public sealed record AddMember(Guid RoundId, Guid TeamId, Guid PersonId);

public sealed record RemoveMember(Guid RoundId, Guid TeamId, Guid PersonId);

public sealed record SetLeader(Guid RoundId, Guid TeamId, Guid PersonId);

/// <summary>Moves a target village to a team, or takes it off any team when <see cref="TeamId"/> is null.</summary>
public sealed record MoveTarget(Guid RoundId, string VillageCode, Guid? TeamId);

/// <summary>
/// Manual edits of a round's teams, re-checked like the assignment: 回避 and one team at a time are
/// refused with the reason; a missing skill or leader is only a warning on the team.
/// </summary>
public sealed class EditTeamsHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<TeamSettings> options, TimeProvider clock)
{
    public async Task<Guid> Create(CreateTeam cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TeamsAccess.RoundAsync(db, cmd.RoundId, user, edit: true, ct);
        var name = cmd.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new ValidationException("name", TeamTexts.NameRequired);
        }

        if (await db.Teams.AnyAsync(t => t.RoundId == round.Id && t.Name == name, ct))
        {
            throw new ValidationException("name", TeamTexts.NameTaken(name));
        }

        var team = new Team { Id = Guid.NewGuid(), RoundId = round.Id, Name = name, CreatedAt = clock.GetUtcNow(), Origin = TeamTexts.ManualOrigin };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team.Id;
    }

    public async Task AddMember(AddMember cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (round, team) = await TeamAsync(db, cmd.RoundId, cmd.TeamId, user, ct);
        var person = await db.People.AsNoTracking().Include(p => p.Works).Include(p => p.Relatives).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == cmd.PersonId, ct) ?? throw new NotFoundException(TeamTexts.PersonNotFound(cmd.PersonId));
        if (team.Members.Any(m => m.PersonId == person.Id))
        {
            throw new ValidationException("personId", TeamTexts.AlreadyMember(person.Name));
        }

        if (!person.Available || !person.RegionCode.StartsWith(round.RegionCode, StringComparison.Ordinal))
        {
            throw new ValidationException("personId", TeamTexts.NotInPool(person.Name));
        }

        var sameRound = await db.Teams.Where(t => t.RoundId == round.Id && t.Members.Any(m => m.PersonId == person.Id)).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (sameRound is not null)
        {
            throw new ValidationException("personId", TeamTexts.OnOtherTeam(person.Name, sameRound));
        }

        var elsewhere = await (
                from m in db.TeamMembers
                where m.PersonId == person.Id
                join t in db.Teams on m.TeamId equals t.Id
                join r in db.Rounds on t.RoundId equals r.Id
                where r.Id != round.Id && r.StartDate <= round.EndDate && r.EndDate >= round.StartDate
                select new { Team = t.Name, Round = r.Name })
            .FirstOrDefaultAsync(ct);
        if (elsewhere is not null)
        {
            throw new ValidationException("personId", TeamTexts.BusyElsewhere(person.Name, elsewhere.Team, elsewhere.Round));
        }

        var villages = await TeamVillagesAsync(db, round.Id, team.Id, ct);
        var avoidance = await RoundData.AvoidanceAsync(db, villages.Select(v => v.Code).ToList(), [person], round.StartDate, options.Value, ct);
        var ties = avoidance.Ties([TeamSkills.ForAvoidance(person)], villages);
        if (ties.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["personId"] = ties.Select(t => TeamTexts.PersonTied(person.Name, t.VillageName, t.Reason)).ToArray(),
            });
        }

        db.TeamMembers.Add(new TeamMember { Id = Guid.NewGuid(), TeamId = team.Id, PersonId = person.Id });
        team.Origin = TeamTexts.ManualOrigin;
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveMember(RemoveMember cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, team) = await TeamAsync(db, cmd.RoundId, cmd.TeamId, user, ct);
        var member = team.Members.SingleOrDefault(m => m.PersonId == cmd.PersonId)
            ?? throw new ValidationException("personId", TeamTexts.NotAMember(await NameAsync(db, cmd.PersonId, ct)));
        db.TeamMembers.Remove(member);
        team.Origin = TeamTexts.ManualOrigin;
        await db.SaveChangesAsync(ct);
    }

    public async Task SetLeader(SetLeader cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, team) = await TeamAsync(db, cmd.RoundId, cmd.TeamId, user, ct);
        if (team.Members.All(m => m.PersonId != cmd.PersonId))
        {
            throw new ValidationException("personId", TeamTexts.NotAMember(await NameAsync(db, cmd.PersonId, ct)));
        }

        foreach (var m in team.Members)
        {
            m.IsLeader = m.PersonId == cmd.PersonId;
        }

        team.Origin = TeamTexts.ManualOrigin;
        await db.SaveChangesAsync(ct);
    }

    public async Task MoveTarget(MoveTarget cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TeamsAccess.RoundAsync(db, cmd.RoundId, user, edit: true, ct);
        var target = await db.RoundTargets.SingleOrDefaultAsync(t => t.RoundId == round.Id && t.VillageCode == cmd.VillageCode, ct)
            ?? throw new ValidationException("villageCode", TeamTexts.TargetNotFound(cmd.VillageCode));
        if (cmd.TeamId is { } teamId)
        {
            var (_, team) = await TeamAsync(db, round.Id, teamId, user, ct);
            var ids = team.Members.Select(m => m.PersonId).ToList();
            var members = await db.People.AsNoTracking().Include(p => p.Works).Include(p => p.Relatives).AsSplitQuery()
                .Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
            var village = await db.Regions.Where(r => r.Code == target.VillageCode).Select(r => r.Name).SingleAsync(ct);
            var avoidance = await RoundData.AvoidanceAsync(db, [target.VillageCode], members, round.StartDate, options.Value, ct);
            var ties = avoidance.Ties(members.Select(TeamSkills.ForAvoidance), [new AvoidanceVillage(target.VillageCode, village)]);
            if (ties.Count > 0)
            {
                throw new ValidationException(new Dictionary<string, string[]>
                {
                    ["teamId"] = ties.Select(t => TeamTexts.VillageTied(village, t.PersonName, t.Reason)).ToArray(),
                });
            }

            team.Origin = TeamTexts.ManualOrigin;
        }

        target.TeamId = cmd.TeamId;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<(Round Round, Team Team)> TeamAsync(XunchaDbContext db, Guid roundId, Guid teamId, UserScope user, CancellationToken ct)
    {
        var round = await TeamsAccess.RoundAsync(db, roundId, user, edit: true, ct);
        var team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId && t.RoundId == roundId, ct)
            ?? throw new NotFoundException(TeamTexts.TeamNotFound(teamId));
        return (round, team);
    }

    private static async Task<List<AvoidanceVillage>> TeamVillagesAsync(XunchaDbContext db, Guid roundId, Guid teamId, CancellationToken ct) =>
        await (from t in db.RoundTargets
               where t.RoundId == roundId && t.TeamId == teamId
               join v in db.Regions on t.VillageCode equals v.Code
               select new AvoidanceVillage(t.VillageCode, v.Name)).ToListAsync(ct);

    private static async Task<string> NameAsync(XunchaDbContext db, Guid personId, CancellationToken ct) =>
        await db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? personId.ToString();
}
