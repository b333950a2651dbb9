using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Findings;

/// <summary>Create (Id null) or change a finding. Village and source are fixed once created.</summary>
public sealed record SaveFinding(
    Guid? Id, string? VillageCode, string? Title, string? Description, decimal? Amount, string? CategoryL1, string? CategoryL2,
    string? Source, Guid? RoundId, string? ResponsiblePeople, bool RectifiedOnTheSpot, IReadOnlyList<string>? CampaignTags,
    FindingStatus? Status = null);

/// <summary>Flag a finding as a typical case (典型案例) with its write-up for warning education.</summary>
public sealed record SetTypicalCase(Guid Id, bool IsTypicalCase, string? WriteUp);

public sealed class SaveFindingHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<FindingSettings> settings, TimeProvider clock)
{
    public async Task<Guid> Handle(SaveFinding cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Editors, FindingTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new ValidationErrors();
        Finding? finding = cmd.Id is { } id ? await FindingAccess.Load(db, id, user, ct) : null;
        var village = finding?.VillageCode ?? RegionCode.Normalize(cmd.VillageCode);
        if (finding is null)
        {
            var row = village is null ? null : await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == village, ct);
            if (row is null || row.Level != RegionLevel.Village)
            {
                errors.Add("villageCode", "请选择问题所在的村（社区）。");
            }
            else
            {
                user.EnsureCovers(row.Code, row.Name);
            }

            if (cmd.Source is null || !FindingTexts.Sources.ContainsKey(cmd.Source))
            {
                errors.Add("source", "请选择问题来源（数据筛查线索、走访谈话、群众举报、信访件或查阅资料）。");
            }
        }

        if (string.IsNullOrWhiteSpace(cmd.Title))
        {
            errors.Add("title", "请填写问题标题。");
        }
        else if (cmd.Title.Trim().Length > 200)
        {
            errors.Add("title", "问题标题不能超过 200 个字。");
        }

        if (cmd.Amount < 0)
        {
            errors.Add("amount", "涉及金额不能为负数。");
        }

        var taxonomy = settings.Value.Effective;
        if (string.IsNullOrWhiteSpace(cmd.CategoryL1) || !taxonomy.TryGetValue(cmd.CategoryL1, out var seconds))
        {
            errors.Add("categoryL1", "请从问题分类中选择一级分类。");
        }
        else if (!string.IsNullOrWhiteSpace(cmd.CategoryL2) && !seconds.Contains(cmd.CategoryL2))
        {
            errors.Add("categoryL2", $"「{cmd.CategoryL2}」不是「{cmd.CategoryL1}」下的二级分类。");
        }

        if (cmd.RoundId is { } roundId && !await RoundQueries.Visible(db, user).AnyAsync(r => r.Id == roundId, ct))
        {
            errors.Add("roundId", "找不到该巡察轮次，或不在您的数据范围内。");
        }

        errors.ThrowIfAny();
        if (finding is null)
        {
            finding = new Finding
            {
                Id = Guid.NewGuid(), VillageCode = village!, Title = "", Source = cmd.Source!, CreatedById = user.UserId, CreatedAt = clock.GetUtcNow(),
            };
            db.Findings.Add(finding);
        }

        finding.Title = cmd.Title!.Trim();
        finding.Description = cmd.Description?.Trim() ?? "";
        finding.Amount = cmd.Amount;
        finding.CategoryL1 = cmd.CategoryL1;
        finding.CategoryL2 = string.IsNullOrWhiteSpace(cmd.CategoryL2) ? null : cmd.CategoryL2;
        // A new finding without a round belongs to the round under way in its village.
        finding.RoundId = cmd.RoundId ?? (cmd.Id is null ? await RoundQueries.InProgressIn(db, finding.VillageCode, ct) : null);
        finding.ResponsiblePeople = cmd.ResponsiblePeople?.Trim() ?? "";
        finding.RectifiedOnTheSpot = cmd.RectifiedOnTheSpot;
        finding.CampaignTags = (cmd.CampaignTags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        finding.Status = cmd.Status ?? finding.Status;
        await db.SaveChangesAsync(ct);
        return finding.Id;
    }

    public async Task SetTypicalCase(SetTypicalCase cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Editors, FindingTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finding = await FindingAccess.Load(db, cmd.Id, user, ct);
        if (cmd.IsTypicalCase && string.IsNullOrWhiteSpace(cmd.WriteUp))
        {
            throw new ValidationException("writeUp", "列为典型案例时请填写案例剖析。");
        }

        finding.IsTypicalCase = cmd.IsTypicalCase;
        finding.CaseWriteUp = cmd.WriteUp?.Trim() ?? "";
        await db.SaveChangesAsync(ct);
    }
}
