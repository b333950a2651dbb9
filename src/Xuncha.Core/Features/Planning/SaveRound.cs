using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

/// <summary>Create a round (Id null) or change one. Links are checked against the round's type.</summary>
public sealed record SaveRound(
    Guid? Id,
    string? Name,
    RoundType Type,
    string? RegionCode,
    DateOnly? StartDate,
    DateOnly? EndDate,
    Guid? PlanId = null,
    string? TownshipCode = null,
    Guid? LinkedRoundId = null,
    Guid? LookBackOfRoundId = null,
    RoundStatus? Status = null,
    string? Notes = null);

public sealed class SaveRoundHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Guid> Handle(SaveRound cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Planners, PlanningTexts.RoundAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (cmd.Id is { } existingId)
        {
            var visible = await RoundQueries.Load(db, existingId, user, ct);
            if (!user.Covers(visible.RegionCode))
            {
                throw new ForbiddenException($"该轮次由上级组织，您（{user.ScopeName}）不能修改。");
            }
        }

        var errors = new ValidationErrors();
        var region = RegionCode.Normalize(cmd.RegionCode) ?? user.ScopeCode;
        var regionRow = await db.Regions.SingleOrDefaultAsync(r => r.Code == region, ct);
        if (regionRow is null || regionRow.Level is not (RegionLevel.City or RegionLevel.County))
        {
            errors.Add("regionCode", "组织巡察的应为市或县（市、区）。");
        }
        else if (!user.Covers(region))
        {
            errors.Add("regionCode", $"「{regionRow.Name}」不在您的数据范围（{user.ScopeName}）内。");
        }

        if (string.IsNullOrWhiteSpace(cmd.Name))
        {
            errors.Add("name", "请填写轮次名称。");
        }
        else if (cmd.Name.Trim().Length > 200)
        {
            errors.Add("name", "轮次名称不能超过 200 个字。");
        }

        if (cmd.StartDate is null)
        {
            errors.Add("startDate", "请填写开始日期。");
        }

        if (cmd.EndDate is null)
        {
            errors.Add("endDate", "请填写结束日期。");
        }
        else if (cmd.StartDate is { } s && cmd.EndDate < s)
        {
            errors.Add("endDate", "结束日期不能早于开始日期。");
        }

        if (cmd.PlanId is { } planId)
        {
            var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null || !(region.StartsWith(plan.RegionCode) && user.Covers(region)))
            {
                errors.Add("planId", "所选年度计划不存在或不适用于该地区。");
            }
        }

        await CheckLinks(db, cmd, region, user, errors, ct);
        errors.ThrowIfAny();

        Round round;
        if (cmd.Id is { } id)
        {
            round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("找不到该巡察轮次。");
            if (!user.Covers(round.RegionCode))
            {
                throw new ForbiddenException($"该轮次由上级组织，您（{user.ScopeName}）不能修改。");
            }

            if (round.RegionCode != region)
            {
                throw new ValidationException("regionCode", "轮次建立后不能更换组织地区。");
            }
        }
        else
        {
            round = new Round { Id = Guid.NewGuid(), Name = "", RegionCode = region, CreatedById = user.UserId, CreatedAt = clock.GetUtcNow() };
            db.Rounds.Add(round);
        }

        round.Name = cmd.Name!.Trim();
        round.Type = cmd.Type;
        round.StartDate = cmd.StartDate!.Value;
        round.EndDate = cmd.EndDate!.Value;
        round.PlanId = cmd.PlanId;
        round.TownshipCode = cmd.Type == RoundType.Elevated ? RegionCode.Normalize(cmd.TownshipCode) : null;
        round.LinkedRoundId = cmd.Type == RoundType.Linked ? cmd.LinkedRoundId : null;
        round.LookBackOfRoundId = cmd.Type == RoundType.LookBack ? cmd.LookBackOfRoundId : null;
        round.Status = cmd.Status ?? round.Status;
        round.Notes = cmd.Notes?.Trim() ?? round.Notes;

        // A new 回头看 starts with the earlier round's villages.
        if (cmd.Id is null && round.LookBackOfRoundId is { } earlier)
        {
            var villages = await db.RoundTargets.Where(t => t.RoundId == earlier).Select(t => t.VillageCode).ToListAsync(ct);
            foreach (var v in villages)
            {
                round.Targets.Add(new RoundTarget { Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = v, PickedById = user.UserId, PickedAt = clock.GetUtcNow(), OverrideReason = "回头看：原轮次巡察对象" });
            }
        }

        await db.SaveChangesAsync(ct);
        return round.Id;
    }

    private static async Task CheckLinks(XunchaDbContext db, SaveRound cmd, string region, UserScope user, ValidationErrors errors, CancellationToken ct)
    {
        switch (cmd.Type)
        {
            case RoundType.Elevated:
                var town = RegionCode.Normalize(cmd.TownshipCode);
                var township = town is null ? null : await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == town, ct);
                if (township is null || township.Level != RegionLevel.Township)
                {
                    errors.Add("townshipCode", "提级巡察须选定被巡察的乡镇（街道）。");
                }
                else if (!RegionCode.IsWithin(township.Code, region))
                {
                    errors.Add("townshipCode", $"「{township.Name}」不在组织地区内。");
                }

                break;
            case RoundType.Linked:
                var linked = cmd.LinkedRoundId is { } lid ? await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == lid, ct) : null;
                if (linked is null || linked.Type != RoundType.Elevated)
                {
                    errors.Add("linkedRoundId", "联动巡察须关联一个市级提级巡察轮次。");
                }
                else if (linked.TownshipCode is { } t && !RegionCode.IsWithin(t, region))
                {
                    errors.Add("linkedRoundId", "所关联的提级巡察乡镇不在本县（市、区）内。");
                }

                break;
            case RoundType.LookBack:
                var earlier = cmd.LookBackOfRoundId is { } bid ? await RoundQueries.Visible(db, user).SingleOrDefaultAsync(r => r.Id == bid, ct) : null;
                if (earlier is null)
                {
                    errors.Add("lookBackOfRoundId", "回头看须选定此前的一个巡察轮次。");
                }
                else if (cmd.StartDate is { } start && earlier.StartDate >= start)
                {
                    errors.Add("lookBackOfRoundId", "回头看的对象应是更早开始的轮次。");
                }

                break;
        }
    }
}
