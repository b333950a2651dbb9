using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Fieldwork;

public sealed record ListFieldRecords(
    Guid? RoundId = null, string? VillageCode = null, FieldRecordKind? Kind = null, string? PersonCategory = null,
    DateOnly? From = null, DateOnly? To = null, string? Search = null, int? Page = null, int? PageSize = null);

public sealed record FieldRecordRow(
    Guid Id, FieldRecordKind Kind, string KindName, Guid RoundId, string RoundName, string VillageCode, string VillageName, string TownshipName,
    DateOnly Date, string Place, string PersonName, string PersonCategory, IReadOnlyList<string> Inspectors, string Learned,
    Guid? PreviousRecordId, IReadOnlyList<Guid> LeadIds, IReadOnlyList<Guid> ChecklistItemIds, IReadOnlyList<Guid> FindingIds, DateTimeOffset CreatedAt);

public sealed record KindCount(FieldRecordKind Kind, string KindName, int Count);

public sealed record VillageFieldwork(
    string VillageCode, string VillageName, int Total, IReadOnlyList<KindCount> ByKind,
    IReadOnlyList<string> CoveredCategories, IReadOnlyList<string> UncoveredCategories);

/// <summary>A village of a round the user may record fieldwork in.</summary>
public sealed record FieldTarget(Guid RoundId, string RoundName, Guid TargetId, string VillageCode, string VillageName, string TownshipName);

public sealed record LinkOption(Guid Id, string Label);

/// <summary>What a form may link to in one village: leads, checklist items, findings, and earlier records to chain to.</summary>
public sealed record FieldLinkOptions(IReadOnlyList<LinkOption> Leads, IReadOnlyList<LinkOption> ChecklistItems, IReadOnlyList<LinkOption> Findings, IReadOnlyList<LinkOption> Records)
{
    /// <summary>Public reports of the village in the round that still await a visit (content only, never the reporter).</summary>
    public IReadOnlyList<LinkOption> Reports { get; init; } = [];
}

public sealed class FieldRecordQueries(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<Paged<FieldRecordRow>> List(ListFieldRecords q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = FieldworkAccess.VisibleRecords(db, user);
        if (q.RoundId is { } round)
        {
            query = query.Where(f => f.RoundId == round);
        }

        if (!string.IsNullOrWhiteSpace(q.VillageCode))
        {
            var code = q.VillageCode.Trim();
            query = query.Where(f => f.VillageCode.StartsWith(code));
        }

        if (q.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(q.PersonCategory))
        {
            query = query.Where(f => f.PersonCategory == q.PersonCategory);
        }

        if (q.From is { } from)
        {
            query = query.Where(f => f.Date >= from);
        }

        if (q.To is { } to)
        {
            query = query.Where(f => f.Date <= to);
        }

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            query = query.Where(f => f.PersonName.Contains(s) || f.Learned.Contains(s) || f.Place.Contains(s));
        }

        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await Project(db, query.OrderByDescending(f => f.Date).ThenBy(f => f.VillageCode).ThenBy(f => f.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<FieldRecordRow>(rows, total, page, size);
    }

    public async Task<FieldRecordRow> Get(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db, FieldworkAccess.VisibleRecords(db, user).Where(f => f.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(FieldworkTexts.RecordNotFound(id));
    }

    /// <summary>Counts by kind and the person categories no record of the village has reached yet (optionally within one round).</summary>
    public async Task<VillageFieldwork> Summary(string villageCode, Guid? roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Regions.Where(r => r.Code == villageCode).Select(r => r.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"找不到村（社区）{villageCode}。");
        user.EnsureCovers(villageCode, name);
        var records = db.FieldRecords.AsNoTracking().Where(f => f.VillageCode == villageCode);
        if (roundId is { } round)
        {
            records = records.Where(f => f.RoundId == round);
        }

        var counts = await records.GroupBy(f => f.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var covered = await records.Where(f => f.PersonCategory != "").Select(f => f.PersonCategory).Distinct().ToListAsync(ct);
        var byKind = FieldworkTexts.Kinds.Select(k => new KindCount(k, FieldworkTexts.KindName(k), counts.FirstOrDefault(c => c.Key == k)?.Count ?? 0)).ToList();
        return new VillageFieldwork(villageCode, name, byKind.Sum(k => k.Count), byKind,
            PersonCategories.All.Where(covered.Contains).ToList(), PersonCategories.All.Where(c => !covered.Contains(c)).ToList());
    }

    /// <summary>Villages of rounds in progress or preparation, within the user's scope, where he may record fieldwork.</summary>
    public async Task<IReadOnlyList<FieldTarget>> Targets(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from r in Planning.RoundQueries.Visible(db, user)
            where r.Status != RoundStatus.Finished
            join t in db.RoundTargets on r.Id equals t.RoundId
            where t.VillageCode.StartsWith(user.ScopeCode)
            join v in db.Regions on t.VillageCode equals v.Code
            orderby r.StartDate descending, t.VillageCode
            select new FieldTarget(r.Id, r.Name, t.Id, t.VillageCode, v.Name, v.Parent!.Name)).ToListAsync(ct);
    }

    public async Task<FieldLinkOptions> Links(Guid roundId, string villageCode, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await FieldworkAccess.TargetAsync(db, roundId, villageCode, user, ct);
        var leads = await db.Leads.AsNoTracking().Where(l => l.VillageCode == villageCode).OrderBy(l => l.RuleCode)
            .Select(l => new LinkOption(l.Id, l.RuleCode + " " + l.RuleName + "（" + l.Ref + "）")).ToListAsync(ct);
        var items = target is null ? [] : await db.ChecklistItems.AsNoTracking().Where(i => i.RoundTargetId == target.Id).OrderBy(i => i.SortOrder)
            .Select(i => new LinkOption(i.Id, i.Area + "：" + i.Text)).ToListAsync(ct);
        var findings = await db.Findings.AsNoTracking().Where(f => f.VillageCode == villageCode).Select(f => new LinkOption(f.Id, f.Title)).ToListAsync(ct);
        var records = (await db.FieldRecords.AsNoTracking().Where(f => f.VillageCode == villageCode).OrderByDescending(f => f.Date)
            .Select(f => new { f.Id, f.Date, f.Kind, f.PersonName }).ToListAsync(ct))
            .Select(f => new LinkOption(f.Id, $"{f.Date:yyyy-MM-dd} {FieldworkTexts.KindName(f.Kind)} {f.PersonName}".TrimEnd())).ToList();
        var reports = await db.PublicReports.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.VillageCode == villageCode && (r.Status == ReportStatus.Pending || r.Status == ReportStatus.ToVisit))
            .OrderBy(r => r.ReceiptNo).Select(r => new { r.Id, r.ReceiptNo, r.Category, r.Content }).ToListAsync(ct);
        return new FieldLinkOptions(leads, items, findings, records)
        {
            Reports = reports.Select(r => new LinkOption(r.Id, $"{r.ReceiptNo}（{r.Category}）{(r.Content.Length > 30 ? r.Content[..30] + "…" : r.Content)}")).ToList(),
        };
    }

    internal static IQueryable<FieldRecordRow> Project(XunchaDbContext db, IQueryable<FieldRecord> records) =>
        from f in records
        join r in db.Rounds on f.RoundId equals r.Id
        join v in db.Regions on f.VillageCode equals v.Code
        select new FieldRecordRow(f.Id, f.Kind, FieldworkTexts.KindName(f.Kind), f.RoundId, r.Name, f.VillageCode, v.Name, v.Parent!.Name,
            f.Date, f.Place, f.PersonName, f.PersonCategory, f.Inspectors, f.Learned, f.PreviousRecordId, f.LeadIds, f.ChecklistItemIds, f.FindingIds, f.CreatedAt);
}
