using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

public sealed record SavePlan(
    Guid? Id, int? Year, string? RegionCode, string? Title, int? TargetVillages, IReadOnlyList<string>? FocusAreas,
    string? Schedule, string? SupervisionPlan, Guid? ParentPlanId = null);

public enum PlanDecision
{
    Submit,
    Approve,
    Return,
}

public sealed record ReviewPlan(Guid Id, PlanDecision Decision, string? Note = null);

public sealed record AttachToPlan(Guid PlanId, string FileName, string ContentType, Stream Content);

public sealed class SavePlanHandler(IDbContextFactory<XunchaDbContext> dbFactory, FileStore files, TimeProvider clock)
{
    public const long MaxAttachmentBytes = 20L << 20;

    private static readonly string[] AttachmentTypes = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".ofd", ".jpg", ".jpeg", ".png", ".txt"];

    public async Task<Guid> Handle(SavePlan cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Planners, PlanningTexts.PlanAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (cmd.Id is { } existingId && !user.Covers((await PlanQueries.Load(db, existingId, user, ct)).RegionCode))
        {
            throw new ForbiddenException($"该计划由上级编制，您（{user.ScopeName}）不能修改。");
        }

        var errors = new ValidationErrors();
        var region = RegionCode.Normalize(cmd.RegionCode) ?? user.ScopeCode;
        var regionRow = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == region, ct);
        if (regionRow is null || regionRow.Level is not (RegionLevel.City or RegionLevel.County))
        {
            errors.Add("regionCode", "年度计划由市或县（市、区）编制。");
        }
        else if (!user.Covers(region))
        {
            errors.Add("regionCode", $"「{regionRow.Name}」不在您的数据范围（{user.ScopeName}）内。");
        }

        if (cmd.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", PlanningTexts.BadYear);
        }

        if (string.IsNullOrWhiteSpace(cmd.Title))
        {
            errors.Add("title", "请填写计划名称。");
        }
        else if (cmd.Title.Trim().Length > 200)
        {
            errors.Add("title", "计划名称不能超过 200 个字。");
        }

        var villages = await db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith(region), ct);
        if (cmd.TargetVillages is not > 0)
        {
            errors.Add("targetVillages", "请填写计划巡察的村社数（大于 0）。");
        }
        else if (cmd.TargetVillages > villages && villages > 0)
        {
            errors.Add("targetVillages", $"计划巡察 {cmd.TargetVillages} 个村社，超过本地区村社总数 {villages} 个。");
        }

        if (cmd.ParentPlanId is { } parentId)
        {
            var parent = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == parentId, ct);
            if (parent is null || parent.RegionCode.Length >= region.Length || !region.StartsWith(parent.RegionCode) || parent.Year != cmd.Year)
            {
                errors.Add("parentPlanId", "上级计划应是同一年度的全市计划。");
            }
        }

        errors.ThrowIfAny();
        Plan plan;
        if (cmd.Id is { } id)
        {
            plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("找不到该年度计划。");
            if (!user.Covers(plan.RegionCode))
            {
                throw new ForbiddenException($"该计划由上级编制，您（{user.ScopeName}）不能修改。");
            }

            if (plan.Status is PlanStatus.Approved or PlanStatus.Submitted)
            {
                throw new ValidationException("status", $"计划{PlanningTexts.StatusName(plan.Status)}，不能修改；如需调整请由审批人退回。");
            }
        }
        else
        {
            plan = new Plan { Id = Guid.NewGuid(), RegionCode = region, Title = "", CreatedById = user.UserId, CreatedAt = clock.GetUtcNow() };
            db.Plans.Add(plan);
        }

        plan.Year = cmd.Year!.Value;
        plan.Title = cmd.Title!.Trim();
        plan.TargetVillages = cmd.TargetVillages!.Value;
        plan.FocusAreas = (cmd.FocusAreas ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct().ToList();
        plan.Schedule = cmd.Schedule?.Trim() ?? "";
        plan.SupervisionPlan = cmd.SupervisionPlan?.Trim() ?? "";
        plan.ParentPlanId = cmd.ParentPlanId;
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    public async Task Review(ReviewPlan cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(cmd.Decision == PlanDecision.Submit ? PlanningAccess.Planners : PlanningAccess.Approvers,
            cmd.Decision == PlanDecision.Submit ? PlanningTexts.PlanAction : PlanningTexts.ApproveAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PlanQueries.Load(db, cmd.Id, user, ct);
        var plan = await db.Plans.SingleAsync(p => p.Id == cmd.Id, ct);
        var name = await db.Regions.Where(r => r.Code == plan.RegionCode).Select(r => r.Name).SingleAsync(ct);
        switch (cmd.Decision)
        {
            case PlanDecision.Submit:
                user.EnsureRole(PlanningAccess.Planners, PlanningTexts.PlanAction);
                user.EnsureCovers(plan.RegionCode, name);
                if (plan.Status is not (PlanStatus.Draft or PlanStatus.Returned))
                {
                    throw new ValidationException("status", $"计划{PlanningTexts.StatusName(plan.Status)}，不能再提交。");
                }

                plan.Status = PlanStatus.Submitted;
                break;
            case PlanDecision.Approve or PlanDecision.Return:
                user.EnsureRole(PlanningAccess.Approvers, PlanningTexts.ApproveAction);
                user.EnsureCovers(plan.RegionCode, name);
                if (plan.Status != PlanStatus.Submitted)
                {
                    throw new ValidationException("status", "只有待审批的计划才能批准或退回。");
                }

                if (cmd.Decision == PlanDecision.Return && string.IsNullOrWhiteSpace(cmd.Note))
                {
                    throw new ValidationException("note", "退回时请写明理由。");
                }

                plan.Status = cmd.Decision == PlanDecision.Approve ? PlanStatus.Approved : PlanStatus.Returned;
                plan.ReviewNote = cmd.Note?.Trim();
                plan.ReviewedById = user.UserId;
                plan.ReviewedAt = clock.GetUtcNow();
                break;
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> Attach(AttachToPlan cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Planners, PlanningTexts.PlanAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PlanQueries.Load(db, cmd.PlanId, user, ct);
        var plan = await db.Plans.SingleAsync(p => p.Id == cmd.PlanId, ct);
        if (!user.Covers(plan.RegionCode))
        {
            throw new ForbiddenException($"该计划由上级编制，您（{user.ScopeName}）不能添加附件。");
        }

        var name = Path.GetFileName(cmd.FileName ?? "").Trim();
        if (name.Length is 0 or > 200 || !AttachmentTypes.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            throw new ValidationException("file", $"附件只能是 {string.Join("、", AttachmentTypes)} 文件，文件名不超过 200 字。");
        }

        var (sha, size) = await files.SaveAsync(cmd.Content, MaxAttachmentBytes, ct);
        var attachment = new PlanAttachment
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            FileName = name,
            ContentType = string.IsNullOrWhiteSpace(cmd.ContentType) ? "application/octet-stream" : cmd.ContentType,
            Size = size,
            Sha256 = sha,
            UploadedAt = clock.GetUtcNow(),
        };
        db.PlanAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment.Id;
    }

    public async Task<(PlanAttachment Attachment, Stream Content)> Download(Guid planId, Guid attachmentId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Viewers, PlanningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PlanQueries.Load(db, planId, user, ct);
        var a = await db.PlanAttachments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == attachmentId && x.PlanId == planId, ct)
            ?? throw new NotFoundException("找不到该附件。");
        return (a, files.Open(a.Sha256));
    }
}
