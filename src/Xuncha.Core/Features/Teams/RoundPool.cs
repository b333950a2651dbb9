using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Teams;

public sealed record ConflictRow(Guid PersonId, string PersonName, string Unit, string VillageCode, string VillageName, string TownshipName, string Reason);

public sealed record PoolTie(string VillageCode, string VillageName, string Reason);

public sealed record PoolPerson(
    Guid Id,
    string Name,
    string Unit,
    string Position,
    IReadOnlyList<string> Skills,
    int TownshipYears,
    bool CanLead,
    string? TeamName,
    IReadOnlyList<PoolTie> Ties);

/// <summary>
/// The round's pool and its 回避 ties with the round's villages. Ties name relatives and where
/// people come from, so only those who form teams see them.
/// </summary>
public sealed class RoundPoolHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<TeamSettings> options)
{
    public async Task<IReadOnlyList<ConflictRow>> Conflicts(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        var (data, _) = await LoadAsync(roundId, user, ct);
        var towns = data.Targets.ToDictionary(t => t.Code, t => t.TownshipName);
        var units = data.Pool.ToDictionary(p => p.Id, p => p.Unit);
        return data.Avoidance.Ties(data.Pool.Select(TeamSkills.ForAvoidance), data.Villages.ToList())
            .Select(t => new ConflictRow(t.PersonId, t.PersonName, units[t.PersonId], t.VillageCode, t.VillageName, towns[t.VillageCode], t.Reason))
            .OrderBy(c => c.PersonName).ThenBy(c => c.VillageCode)
            .ToList();
    }

    public async Task<IReadOnlyList<PoolPerson>> Pool(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        var (data, teamOf) = await LoadAsync(roundId, user, ct);
        var ties = data.Avoidance.Ties(data.Pool.Select(TeamSkills.ForAvoidance), data.Villages.ToList()).ToLookup(t => t.PersonId);
        return data.Pool.Select(p => new PoolPerson(p.Id, p.Name, p.Unit, p.Position, TeamSkills.Of(p), p.TownshipYears, p.CanLead,
                teamOf.GetValueOrDefault(p.Id), ties[p.Id].Select(t => new PoolTie(t.VillageCode, t.VillageName, t.Reason)).ToList()))
            .ToList();
    }

    private async Task<(RoundData Data, Dictionary<Guid, string> TeamOf)> LoadAsync(Guid roundId, UserScope user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TeamsAccess.RoundAsync(db, roundId, user, edit: true, ct);
        var data = await RoundData.LoadAsync(db, round, options.Value, ct);
        var teamOf = await (from m in db.TeamMembers
                            join t in db.Teams on m.TeamId equals t.Id
                            where t.RoundId == roundId
                            select new { m.PersonId, t.Name })
            .ToDictionaryAsync(x => x.PersonId, x => x.Name, ct);
        return (data, teamOf);
    }
}
