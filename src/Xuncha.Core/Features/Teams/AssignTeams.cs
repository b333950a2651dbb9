using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Teams;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Teams;

/// <summary>自动分配: form the round's teams from its pool and share out its villages.</summary>
public sealed record AssignTeams(Guid RoundId, int? TeamCount = null, bool Replace = false);

/// <summary>Either the teams made, or the reasons no plan exists (in plain Chinese).</summary>
public sealed record AssignResult(bool Success, IReadOnlyList<string> Reasons, int TeamCount, int PoolSize, int Villages, double Seconds, string SolverStatus);

public sealed class AssignTeamsHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<TeamSettings> options, TimeProvider clock)
{
    public async Task<AssignResult> Handle(AssignTeams cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TeamsAccess.RoundAsync(db, cmd.RoundId, user, edit: true, ct);
        if (cmd.TeamCount is < 1)
        {
            throw new ValidationException("teamCount", TeamTexts.TeamCountPositive);
        }

        var existing = await db.Teams.Where(t => t.RoundId == round.Id).ToListAsync(ct);
        if (existing.Count > 0 && !cmd.Replace)
        {
            throw new ValidationException("replace", TeamTexts.AlreadyHasTeams);
        }

        var settings = options.Value;
        var data = await RoundData.LoadAsync(db, round, settings, ct);
        var teamCount = cmd.TeamCount ?? Math.Max(1, (data.Targets.Count + settings.VillagesPerTeam - 1) / settings.VillagesPerTeam);
        var ties = data.Avoidance.Ties(data.Pool.Select(TeamSkills.ForAvoidance), data.Villages.ToList());
        var input = new SolverInput(
            data.Pool.Select(TeamSkills.ForSolver).ToList(),
            data.Targets.Select(t => new SolverVillage(t.Code, t.Name)).ToList(),
            ties.Select(t => (t.PersonId, t.VillageCode)).ToHashSet(),
            teamCount,
            settings);
        var result = await Task.Run(() => TeamSolver.Solve(input), ct);
        if (!result.Success)
        {
            return new AssignResult(false, result.Reasons, teamCount, data.Pool.Count, data.Targets.Count, result.Seconds, result.Status);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var targets = await db.RoundTargets.Where(t => t.RoundId == round.Id).ToListAsync(ct);
        foreach (var target in targets)
        {
            target.TeamId = null;
        }

        await db.SaveChangesAsync(ct);
        db.Teams.RemoveRange(existing);
        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow();
        for (var i = 0; i < result.Teams.Count; i++)
        {
            var plan = result.Teams[i];
            var team = new Team { Id = Guid.NewGuid(), RoundId = round.Id, Name = TeamTexts.TeamName(i + 1), CreatedAt = now, Origin = TeamTexts.AutoOrigin };
            team.Members.AddRange(plan.MemberIds.Select(id => new TeamMember { Id = Guid.NewGuid(), TeamId = team.Id, PersonId = id, IsLeader = id == plan.LeaderId }));
            db.Teams.Add(team);
            foreach (var target in targets.Where(t => plan.VillageCodes.Contains(t.VillageCode)))
            {
                target.TeamId = team.Id;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AssignResult(true, [], teamCount, data.Pool.Count, data.Targets.Count, result.Seconds, result.Status);
    }
}
