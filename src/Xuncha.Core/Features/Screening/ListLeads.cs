using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Screening;

/// <summary>Leads in the user's scope with the filters of the 疑似问题 list.</summary>
public sealed record ListLeads(
    string? Rule = null,
    string? Severity = null,
    string? Under = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    LeadStatus? Status = null,
    bool? OnlyNew = null,
    int? Page = null,
    int? PageSize = null,
    string? Village = null,
    Guid? RoundId = null,
    int? Year = null);

public sealed record LeadRow(
    Guid Id,
    string RuleCode,
    string RuleName,
    string Severity,
    string VillageCode,
    string VillageName,
    string TownshipName,
    string CountyName,
    string Ref,
    decimal? Amount,
    string Explanation,
    LeadStatus Status,
    bool IsNew,
    DateTimeOffset FirstSeenAt);

public sealed class ListLeadsHandler(IDbContextFactory<XunchaDbContext> dbFactory, ReadCache cache)
{
    public async Task<Paged<LeadRow>> Handle(ListLeads q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ScreeningAccess.Viewers, ScreeningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await Filter(db, q, user, ct);
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var filter = q with { Page = null, PageSize = null };
        var total = await cache.CountAsync($"leads|{user.VisibilityKey}|{filter}", query);
        var rows = await Project(db, query.OrderBy(l => l.Status).ThenBy(l => l.Severity == "高" ? 0 : l.Severity == "中" ? 1 : 2)
                .ThenBy(l => l.RuleCode).ThenBy(l => l.VillageCode).ThenBy(l => l.Ref)
                .Skip((page - 1) * size).Take(size))
            .ToListAsync(ct);
        return new Paged<LeadRow>(rows, total, page, size);
    }

    /// <summary>Every lead matching the filters (for the Excel export), capped.</summary>
    public async Task<IReadOnlyList<LeadRow>> All(ListLeads q, UserScope user, int max = 100_000, CancellationToken ct = default)
    {
        user.EnsureRole(ScreeningAccess.Viewers, ScreeningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await Filter(db, q, user, ct);
        return await Project(db, query.OrderBy(l => l.RuleCode).ThenBy(l => l.VillageCode).ThenBy(l => l.Ref).Take(max)).ToListAsync(ct);
    }

    internal static async Task<IQueryable<Lead>> Filter(XunchaDbContext db, ListLeads q, UserScope user, CancellationToken ct)
    {
        var under = user.ScopeCode;
        if (!string.IsNullOrWhiteSpace(q.Under))
        {
            under = RegionCode.Normalize(q.Under) ?? throw new ValidationException("under", "区划代码应为 4、6、9 或 12 位数字。");
            var name = await db.Regions.Where(r => r.Code == under).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? under;
            user.EnsureCovers(under, name);
        }

        var query = db.Leads.AsNoTracking().Where(l => l.VillageCode.StartsWith(under)).InOwnVillages(user, l => l.VillageCode);
        if (!string.IsNullOrWhiteSpace(q.Rule))
        {
            query = query.Where(l => l.RuleCode == q.Rule.Trim().ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(q.Severity))
        {
            query = query.Where(l => l.Severity == q.Severity.Trim());
        }

        if (q.MinAmount is { } min)
        {
            query = query.Where(l => l.Amount >= min);
        }

        if (q.MaxAmount is { } max)
        {
            query = query.Where(l => l.Amount <= max);
        }

        if (q.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(q.Village))
        {
            var v = q.Village.Trim();
            query = query.Where(l => l.VillageCode.StartsWith(v) || db.Regions.Any(r => r.Code == l.VillageCode && r.Name.Contains(v)));
        }

        if (q.OnlyNew == true)
        {
            query = query.Where(l => l.IsNew);
        }

        if (q.RoundId is not null || q.Year is not null)
        {
            // The leads of the villages inspected by the round, or by the rounds started in the year.
            var rounds = Planning.RoundQueries.Started(Planning.RoundQueries.Visible(db, user), q.Year);
            if (q.RoundId is { } roundId)
            {
                rounds = rounds.Where(r => r.Id == roundId);
            }

            query = query.Where(l => db.RoundTargets.Any(t => t.VillageCode == l.VillageCode && rounds.Any(r => r.Id == t.RoundId)));
        }

        return query;
    }

    private static IQueryable<LeadRow> Project(XunchaDbContext db, IQueryable<Lead> leads) =>
        from l in leads
        join v in db.Regions on l.VillageCode equals v.Code
        select new LeadRow(l.Id, l.RuleCode, l.RuleName, l.Severity, l.VillageCode, v.Name, v.Parent!.Name, v.Parent.Parent!.Name,
            l.Ref, l.Amount, l.Explanation, l.Status, l.IsNew, l.FirstSeenAt);
}
