using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Planning;

public sealed record PlanRow(
    Guid Id, int Year, string RegionCode, string RegionName, string Title, int TargetVillages, IReadOnlyList<string> FocusAreas,
    PlanStatus Status, string StatusName, Guid? ParentPlanId, int Rounds, int RoundTargets, DateTimeOffset CreatedAt);

public sealed record PlanAttachmentRow(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed record PlanDetail(
    PlanRow Plan, string Schedule, string SupervisionPlan, string? ReviewNote, DateTimeOffset? ReviewedAt, string? ParentTitle,
    IReadOnlyList<PlanRow> CountyPlans, IReadOnlyList<RoundRow> Rounds, IReadOnlyList<PlanAttachmentRow> Attachments);

/// <summary>Plans a user may see: those of his region and below, and the city plan above a county (which it refines).</summary>
public sealed class PlanQueries(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PlanRow>> List(int? year, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Viewers, PlanningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db, user);
        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        var rows = await Project(db, query).ToListAsync(ct);
        return rows.OrderByDescending(p => p.Year).ThenBy(p => p.RegionCode.Length).ThenBy(p => p.RegionCode).ToList();
    }

    public async Task<PlanDetail> Get(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(PlanningAccess.Viewers, PlanningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await Load(db, id, user, ct);
        var row = (await Project(db, db.Plans.Where(p => p.Id == id)).ToListAsync(ct)).Single();
        var children = await Project(db, Visible(db, user).Where(p => p.ParentPlanId == id)).ToListAsync(ct);
        var rounds = await RoundQueries.Project(db, RoundQueries.Visible(db, user).Where(r => r.PlanId == id)).ToListAsync(ct);
        var parent = plan.ParentPlanId is { } pid ? await db.Plans.Where(p => p.Id == pid).Select(p => p.Title).SingleOrDefaultAsync(ct) : null;
        var files = (await db.PlanAttachments.AsNoTracking().Where(a => a.PlanId == id).ToListAsync(ct))
            .OrderBy(a => a.UploadedAt).Select(a => new PlanAttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt)).ToList();
        return new PlanDetail(row, plan.Schedule, plan.SupervisionPlan, plan.ReviewNote, plan.ReviewedAt, parent,
            children.OrderBy(c => c.RegionCode).ToList(), rounds.OrderBy(r => r.StartDate).ToList(), files);
    }

    internal static IQueryable<Plan> Visible(XunchaDbContext db, UserScope user) =>
        db.Plans.AsNoTracking().Where(p => p.RegionCode.StartsWith(user.ScopeCode) || user.ScopeCode.StartsWith(p.RegionCode));

    internal static async Task<Plan> Load(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct) =>
        await Visible(db, user).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("找不到该年度计划，或它不在您的数据范围内。");

    private static IQueryable<PlanRow> Project(XunchaDbContext db, IQueryable<Plan> plans) =>
        from p in plans
        join r in db.Regions on p.RegionCode equals r.Code
        select new PlanRow(p.Id, p.Year, p.RegionCode, r.Name, p.Title, p.TargetVillages, p.FocusAreas, p.Status, PlanningTexts.StatusName(p.Status),
            p.ParentPlanId, db.Rounds.Count(x => x.PlanId == p.Id),
            db.RoundTargets.Count(t => db.Rounds.Any(x => x.Id == t.RoundId && x.PlanId == p.Id)), p.CreatedAt);
}
