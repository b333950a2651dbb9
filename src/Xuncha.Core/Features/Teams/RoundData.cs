using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Teams;

public sealed record TargetVillage(string Code, string Name, string TownshipName, Guid? TeamId);

/// <summary>
/// What the team handlers of one round read: its targets with names, its pool (available people of
/// the round's region not on a team of another round whose dates overlap), and the 回避 ties
/// computed from the pool's records and the cadres and relatives of loaded packages.
/// </summary>
internal sealed class RoundData
{
    public required Round Round { get; init; }
    public required string RegionName { get; init; }
    public required List<TargetVillage> Targets { get; init; }
    public required List<Person> Pool { get; init; }
    public required Avoidance Avoidance { get; init; }

    public IEnumerable<AvoidanceVillage> Villages => Targets.Select(t => new AvoidanceVillage(t.Code, t.Name));

    public string VillageName(string code) => Targets.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    public static async Task<RoundData> LoadAsync(XunchaDbContext db, Round round, TeamSettings settings, CancellationToken ct)
    {
        var targets = await (
                from t in db.RoundTargets.AsNoTracking()
                where t.RoundId == round.Id
                join v in db.Regions on t.VillageCode equals v.Code
                orderby t.RiskRank ?? int.MaxValue, t.VillageCode
                select new TargetVillage(t.VillageCode, v.Name, v.Parent!.Name, t.TeamId))
            .ToListAsync(ct);
        var pool = await PoolQuery(db, round).OrderBy(p => p.Name).ThenBy(p => p.Id).AsSplitQuery().ToListAsync(ct);
        var avoidance = await AvoidanceAsync(db, targets.Select(t => t.Code).ToList(), pool, round.StartDate, settings, ct);
        var regionName = await db.Regions.Where(r => r.Code == round.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? round.RegionCode;
        return new RoundData { Round = round, RegionName = regionName, Targets = targets, Pool = pool, Avoidance = avoidance };
    }

    /// <summary>Available people of the round's region who are on no team of another round overlapping it.</summary>
    public static IQueryable<Person> PoolQuery(XunchaDbContext db, Round round)
    {
        var busy = OverlappingMembers(db, round);
        return db.People.AsNoTracking().Include(p => p.Works).Include(p => p.Relatives)
            .Where(p => p.Available && p.RegionCode.StartsWith(round.RegionCode) && !busy.Contains(p.Id));
    }

    /// <summary>People on teams of other rounds whose dates overlap this one.</summary>
    public static IQueryable<Guid> OverlappingMembers(XunchaDbContext db, Round round) =>
        from m in db.TeamMembers
        join t in db.Teams on m.TeamId equals t.Id
        join r in db.Rounds on t.RoundId equals r.Id
        where r.Id != round.Id && r.StartDate <= round.EndDate && r.EndDate >= round.StartDate
        select m.PersonId;

    public static async Task<Avoidance> AvoidanceAsync(
        XunchaDbContext db, List<string> villages, IReadOnlyCollection<Person> people, DateOnly asOf, TeamSettings settings, CancellationToken ct)
    {
        var cadres = await db.VillageCadres.AsNoTracking().Where(c => villages.Contains(c.VillageCode)).ToListAsync(ct);
        var relatives = await db.CadreRelatives.AsNoTracking().Where(c => villages.Contains(c.VillageCode)).ToListAsync(ct);
        var codes = villages.Concat(villages.Select(v => v[..Math.Min(9, v.Length)]))
            .Concat(people.SelectMany(p => p.Works).Select(w => RegionCode.Normalize(w.RegionCode)).OfType<string>())
            .Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new Avoidance(cadres, relatives, names, asOf, settings.AvoidWorkYears);
    }
}
