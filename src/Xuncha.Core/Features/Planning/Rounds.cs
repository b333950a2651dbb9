using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Teams;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

public sealed record ListRounds(int? Year = null, RoundType? Type = null, RoundStatus? Status = null, int? Page = null, int? PageSize = null);

public sealed record RoundRow(
    Guid Id, string Name, RoundType Type, string TypeName, string RegionCode, string RegionName, string? TownshipName,
    DateOnly StartDate, DateOnly EndDate, RoundStatus Status, string StatusName, int Targets, int Teams, string? PlanTitle);

public sealed record RoundTargetRow(
    Guid Id, string VillageCode, string VillageName, string TownshipName, string CountyName,
    decimal? RiskScore, int? RiskRank, string? OverrideReason, Guid? TeamId, string? TeamName, DateTimeOffset PickedAt);

public sealed record RoundDetail(
    RoundRow Round, Guid? PlanId, Guid? LinkedRoundId, string? LinkedRoundName, Guid? LookBackOfRoundId, string? LookBackOfRoundName,
    string? TownshipCode, string Notes, IReadOnlyList<RoundTargetRow> Targets, IReadOnlyList<RoundRow> LinkedRounds);

/// <summary>Rounds a user may see: run by an office within his scope, or a 提级 round of a township within it.</summary>
public sealed class RoundQueries(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<Paged<RoundRow>> List(ListRounds q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Viewers, PlanningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db, user);
        if (q.Year is { } year)
        {
            query = query.Where(r => r.StartDate.Year == year);
        }

        if (q.Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (q.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await Project(db, query.OrderByDescending(r => r.StartDate).ThenBy(r => r.Name).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<RoundRow>(rows, total, page, size);
    }

    public async Task<RoundDetail> Get(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Viewers, PlanningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await Load(db, id, user, ct);
        var row = (await Project(db, db.Rounds.Where(r => r.Id == id)).ToListAsync(ct)).Single();
        var targets = await (
            from t in db.RoundTargets.AsNoTracking()
            where t.RoundId == id
            join v in db.Regions on t.VillageCode equals v.Code
            join tm in db.Teams on t.TeamId equals tm.Id into teams
            from tm in teams.DefaultIfEmpty()
            select new RoundTargetRow(t.Id, t.VillageCode, v.Name, v.Parent!.Name, v.Parent.Parent!.Name,
                t.RiskScore, t.RiskRank, t.OverrideReason, t.TeamId, tm == null ? null : tm.Name, t.PickedAt)).ToListAsync(ct);
        var names = await db.Rounds.Where(r => r.Id == round.LinkedRoundId || r.Id == round.LookBackOfRoundId)
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var linked = await Project(db, Visible(db, user).Where(r => r.LinkedRoundId == id || r.LookBackOfRoundId == id)).ToListAsync(ct);
        return new RoundDetail(row, round.PlanId, round.LinkedRoundId, round.LinkedRoundId is { } l ? names.GetValueOrDefault(l) : null,
            round.LookBackOfRoundId, round.LookBackOfRoundId is { } b ? names.GetValueOrDefault(b) : null, round.TownshipCode, round.Notes,
            targets.OrderBy(t => t.RiskRank ?? int.MaxValue).ThenBy(t => t.VillageCode).ToList(), linked);
    }

    internal static IQueryable<Round> Visible(XunchaDbContext db, UserScope user) =>
        db.Rounds.AsNoTracking().Where(r => r.RegionCode.StartsWith(user.ScopeCode)
            || (r.TownshipCode != null && r.TownshipCode.StartsWith(user.ScopeCode))
            || (user.ScopeCode.StartsWith(r.RegionCode) && db.RoundTargets.Any(t => t.RoundId == r.Id && t.VillageCode.StartsWith(user.ScopeCode)))).InOwnRounds(user, r => r.Id);

    /// <summary>The round if the user may see it; 404 otherwise, so that other regions' rounds are not even confirmed to exist.</summary>
    /// <summary>
    /// Rounds that have started (under way or finished), optionally only those started in a year:
    /// the period the dashboard counts and the lists it links to filter by.
    /// </summary>
    internal static IQueryable<Round> Started(IQueryable<Round> rounds, int? year = null)
    {
        rounds = rounds.Where(r => r.Status != RoundStatus.Preparing);
        if (year is not { } y)
        {
            return rounds;
        }

        var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        return rounds.Where(r => r.StartDate >= from && r.StartDate <= to);
    }

    /// <summary>The round under way in a village: the one whose team a new finding or lead belongs to.</summary>
    internal static Task<Guid?> InProgressIn(XunchaDbContext db, string villageCode, CancellationToken ct) =>
        (from t in db.RoundTargets
         join r in db.Rounds on t.RoundId equals r.Id
         where t.VillageCode == villageCode && r.Status == RoundStatus.InProgress
         select (Guid?)r.Id).FirstOrDefaultAsync(ct);

    internal static async Task<Round> Load(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct) =>
        await Visible(db, user).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("找不到该巡察轮次，或它不在您的数据范围内。");

    internal static IQueryable<RoundRow> Project(XunchaDbContext db, IQueryable<Round> rounds) =>
        from r in rounds
        join region in db.Regions on r.RegionCode equals region.Code
        join town in db.Regions on r.TownshipCode equals town.Code into towns
        from town in towns.DefaultIfEmpty()
        join plan in db.Plans on r.PlanId equals plan.Id into plans
        from plan in plans.DefaultIfEmpty()
        select new RoundRow(r.Id, r.Name, r.Type, PlanningTexts.TypeName(r.Type), r.RegionCode, region.Name, town == null ? null : town.Name,
            r.StartDate, r.EndDate, r.Status, PlanningTexts.StatusName(r.Status), db.RoundTargets.Count(t => t.RoundId == r.Id), db.Set<Team>().Count(t => t.RoundId == r.Id),
            plan == null ? null : plan.Title);
}
