using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

/// <summary>
/// Add villages to a round from the ranked list. A village ranked below the line — the number
/// of targets the round will have, counted among villages not yet in a round this year — needs
/// a reason, which is kept with the target.
/// </summary>
public sealed record PickTargets(Guid RoundId, IReadOnlyList<PickedVillage> Villages);

public sealed record PickedVillage(string VillageCode, string? Reason = null);

public sealed record RemoveTarget(Guid RoundId, Guid TargetId);

public sealed class PickTargetsHandler(IDbContextFactory<XunchaDbContext> dbFactory, RankVillagesHandler ranking, TimeProvider clock)
{
    public async Task<int> Handle(PickTargets cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Planners, PlanningTexts.RoundAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await EditableRound(db, cmd.RoundId, user, ct);
        if (cmd.Villages.Count == 0)
        {
            throw new ValidationException("villages", "请至少选择一个村社。");
        }

        var area = round.Type == RoundType.Elevated ? round.TownshipCode! : round.RegionCode;
        if (round.Type == RoundType.Linked && round.LinkedRoundId is { } linkedId)
        {
            area = await db.Rounds.Where(r => r.Id == linkedId).Select(r => r.TownshipCode).SingleAsync(ct) ?? area;
        }

        var existing = await db.RoundTargets.Where(t => t.RoundId == round.Id).Select(t => t.VillageCode).ToListAsync(ct);
        var year = round.StartDate.Year;
        var scores = await ranking.Score(db, round.RegionCode, RankVillagesHandler.AsOf(year, ranking.Today), year, ct);
        var ranked = scores.OrderByDescending(v => v.Score).ThenBy(v => v.VillageCode, StringComparer.Ordinal).ToList();
        var rankOf = ranked.Select((v, i) => (v.VillageCode, Rank: i + 1, v.Score)).ToDictionary(x => x.VillageCode);

        // The line: candidates are villages not yet in another round this year, in rank order.
        var elsewhere = ranked.Where(v => v.RoundsThisYear.Count > 0 && !existing.Contains(v.VillageCode)).Select(v => v.VillageCode).ToHashSet();
        var candidates = ranked.Where(v => RegionCode.IsWithin(v.VillageCode, area) && !elsewhere.Contains(v.VillageCode)).Select(v => v.VillageCode).ToList();
        var line = existing.Count + cmd.Villages.Count;

        var errors = new ValidationErrors();
        var added = 0;
        for (var i = 0; i < cmd.Villages.Count; i++)
        {
            var pick = cmd.Villages[i];
            var field = $"villages[{i}]";
            var code = RegionCode.Normalize(pick.VillageCode);
            if (code is null || code.Length != 12 || !rankOf.TryGetValue(code, out var r))
            {
                errors.Add(field, $"「{pick.VillageCode}」不是{PlanningTexts.AreaName(round)}内的村社。");
                continue;
            }

            var name = scores.First(v => v.VillageCode == code).VillageName;
            if (!RegionCode.IsWithin(code, area))
            {
                errors.Add(field, $"{name}不在{PlanningTexts.AreaName(round)}内。");
                continue;
            }

            if (existing.Contains(code))
            {
                errors.Add(field, $"{name}已是本轮次的巡察对象。");
                continue;
            }

            var position = candidates.IndexOf(code) + 1;
            var reason = pick.Reason?.Trim();
            var needsReason = position == 0 || position > line;
            if (needsReason && string.IsNullOrEmpty(reason))
            {
                errors.Add(field, elsewhere.Contains(code)
                    ? $"{name}今年已列入其他轮次，请说明再次列入的理由。"
                    : $"{name}风险排名第 {r.Rank} 位，在本轮 {line} 个名额之外，请填写选取理由。");
                continue;
            }

            db.RoundTargets.Add(new RoundTarget
            {
                Id = Guid.NewGuid(),
                RoundId = round.Id,
                VillageCode = code,
                RiskScore = r.Score,
                RiskRank = r.Rank,
                OverrideReason = string.IsNullOrEmpty(reason) ? null : reason,
                PickedById = user.UserId,
                PickedAt = clock.GetUtcNow(),
            });
            existing.Add(code);
            added++;
        }

        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task Remove(RemoveTarget cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Planners, PlanningTexts.RoundAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await EditableRound(db, cmd.RoundId, user, ct);
        var target = await db.RoundTargets.SingleOrDefaultAsync(t => t.Id == cmd.TargetId && t.RoundId == round.Id, ct)
            ?? throw new NotFoundException("找不到该巡察对象。");
        if (round.Status != RoundStatus.Preparing)
        {
            throw new ValidationException("targetId", "轮次已开始，不能再移除巡察对象。");
        }

        db.RoundTargets.Remove(target);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Round> EditableRound(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct)
    {
        var round = await RoundQueries.Load(db, id, user, ct);
        if (!user.Covers(round.RegionCode))
        {
            throw new ForbiddenException($"该轮次由上级组织，您（{user.ScopeName}）不能调整巡察对象。");
        }

        if (round.Status == RoundStatus.Finished)
        {
            throw new ValidationException("roundId", "轮次已结束，不能再调整巡察对象。");
        }

        return round;
    }
}
