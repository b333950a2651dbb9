using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;

namespace Xuncha.Core.Features.Reports;

public sealed record ListReports(Guid? RoundId = null, string? VillageCode = null, string? Status = null, int? Page = null, int? PageSize = null);

/// <summary>A report in a list: the reporter only masked (张* / 138****5678) or 匿名.</summary>
public sealed record ReportRow(
    Guid Id, string ReceiptNo, Guid RoundId, string RoundName, string VillageCode, string VillageName, string TownshipName,
    string Category, string Content, bool Anonymous, string ReporterMasked, DateTimeOffset ReceivedAt, string Status,
    string? HandledBy, DateTimeOffset? HandledAt, string? HandlingNote);

/// <summary>
/// A report on its own page. <see cref="ReporterName"/> and <see cref="ReporterPhone"/> are set only
/// for <see cref="ReportAccess.ReporterReaders"/>, and only after the view was logged.
/// </summary>
public sealed record ReportDetail(ReportRow Report, bool ReporterVisible, string? ReporterName, string? ReporterPhone)
{
    /// <summary>What the report was turned into: a lead, a finding, the visits that followed it up.</summary>
    public ReportLinks Links { get; init; } = new(null, null, []);
}

public sealed record ReportLinks(Guid? LeadId, Guid? FindingId, IReadOnlyList<LinkedVisit> Visits);

public sealed record LinkedVisit(Guid Id, DateOnly Date, string KindName, string PersonName);

public sealed record RoundOption(Guid Id, string Name);

public sealed record HandleReport(Guid Id, string Status, string? Note);

public sealed class ReportInboxHandler(IDbContextFactory<XunchaDbContext> dbFactory, ProtectedDataCipher cipher, AccessLog accessLog, TimeProvider clock)
{
    public const int MaxExportRows = 10_000;

    // Ids are version-7 GUIDs made from ReceivedAt, so ordering by id is ordering by time on both
    // databases (SQLite cannot order by DateTimeOffset).

    public async Task<Paged<ReportRow>> List(ListReports q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.Viewers, ReportTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, q, user);
        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await Project(db, query.OrderByDescending(r => r.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<ReportRow>(rows.Select(Masked).ToList(), total, page, size);
    }

    /// <summary>Rows for the Excel export; the export writes no reporter column at all.</summary>
    public async Task<IReadOnlyList<ReportRow>> Export(ListReports q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.Viewers, ReportTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Project(db, Filter(db, q, user).OrderByDescending(r => r.Id).Take(MaxExportRows)).ToListAsync(ct);
        return rows.Select(r => r.Row with { ReporterMasked = r.Row.Anonymous ? ReportTexts.Anonymous : ReportTexts.Hidden }).ToList();
    }

    public async Task<ReportDetail> Get(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.Viewers, ReportTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await Project(db, Visible(db, user).Where(r => r.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(ReportTexts.NotFound);
        var row = Masked(found);
        var links = await LinksOf(db, id, ct);
        if (!ReportAccess.MayReadReporter(user) || row.Anonymous)
        {
            return new ReportDetail(row, false, null, null) { Links = links };
        }

        // The view is logged before anything is decrypted.
        await accessLog.RecordAsync(user, AccessLog.PublicReporter, id.ToString(), "查看群众反映详情", ct);
        return new ReportDetail(row, true, cipher.Unprotect(found.Name), cipher.Unprotect(found.Phone)) { Links = links };
    }

    public async Task Handle(HandleReport cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.Handlers, ReportTexts.HandleAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await Visible(db, user).AsTracking().SingleOrDefaultAsync(r => r.Id == cmd.Id, ct)
            ?? throw new NotFoundException(ReportTexts.NotFound);
        var note = cmd.Note?.Trim();
        if (cmd.Status is ReportStatus.Pending || !ReportStatus.All.Contains(cmd.Status))
        {
            throw new ValidationException("status", "请选择处理方式：转为走访、转为疑似问题、转为问题或不予处理。");
        }

        if (cmd.Status == ReportStatus.Declined && string.IsNullOrEmpty(note))
        {
            throw new ValidationException("note", "不予处理须写明理由。");
        }

        if (note?.Length > 500)
        {
            throw new ValidationException("note", "处理说明不能超过 500 字。");
        }

        if (report.Status != ReportStatus.Pending)
        {
            throw new ValidationException("status", $"该反映已处理（{report.Status}），不能重复处理。");
        }

        report.Status = cmd.Status;
        report.HandlingNote = note;
        report.HandledBy = user.DisplayName;
        report.HandledAt = clock.GetUtcNow();

        // The new record carries the content only; the reporter stays with the report.
        var summary = report.Content.Length > 40 ? report.Content[..40] + "…" : report.Content;
        if (cmd.Status == ReportStatus.ToFinding)
        {
            var finding = new Finding
            {
                Id = Guid.NewGuid(),
                VillageCode = report.VillageCode,
                RoundId = report.RoundId,
                Title = $"群众反映（{report.Category}）：{summary}",
                Description = $"{report.Content}\n\n来源：群众反映，回执号 {report.ReceiptNo}。{note}".TrimEnd(),
                Source = "report",
                CreatedById = user.UserId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Findings.Add(finding);
            report.FindingId = finding.Id;
        }
        else if (cmd.Status == ReportStatus.ToLead)
        {
            var lead = new Lead
            {
                Id = Guid.NewGuid(),
                RuleCode = ReportLeads.RuleCode,
                RuleName = ReportLeads.Card.Name,
                Severity = "中",
                VillageCode = report.VillageCode,
                Ref = report.ReceiptNo,
                Explanation = $"群众反映（{report.Category}，回执号 {report.ReceiptNo}）：{report.Content}",
                Status = LeadStatus.Open,
                IsNew = true,
                FirstSeenAt = clock.GetUtcNow(),
                LastSeenAt = clock.GetUtcNow(),
            };
            db.Leads.Add(lead);
            report.LeadId = lead.Id;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>One report as in the list (reporter masked, nothing logged): for forms that follow a report up.</summary>
    public async Task<ReportRow> Row(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.Viewers, ReportTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await Project(db, Visible(db, user).Where(r => r.Id == id)).SingleOrDefaultAsync(ct) ?? throw new NotFoundException(ReportTexts.NotFound);
        return Masked(found);
    }

    /// <summary>What a report the user may see was turned into (no reporter data, nothing logged).</summary>
    public async Task<ReportLinks> Links(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.Viewers, ReportTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Visible(db, user).AnyAsync(r => r.Id == id, ct))
        {
            throw new NotFoundException(ReportTexts.NotFound);
        }

        return await LinksOf(db, id, ct);
    }

    private static async Task<ReportLinks> LinksOf(XunchaDbContext db, Guid id, CancellationToken ct)
    {
        var linked = await db.PublicReports.Where(r => r.Id == id).Select(r => new { r.LeadId, r.FindingId }).SingleAsync(ct);
        var visits = (await db.FieldRecords.AsNoTracking().Where(f => f.PublicReportId == id).OrderBy(f => f.Date)
                .Select(f => new { f.Id, f.Date, f.Kind, f.PersonName }).ToListAsync(ct))
            .Select(f => new LinkedVisit(f.Id, f.Date, Fieldwork.FieldworkTexts.KindName(f.Kind), f.PersonName)).ToList();
        return new ReportLinks(linked.LeadId, linked.FindingId, visits);
    }

    /// <summary>The rounds with reporting channels that the user may see, newest first, for the filters.</summary>
    public async Task<IReadOnlyList<RoundOption>> Rounds(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.Viewers.Union(ReportAccess.ChannelViewers), ReportTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RoundQueries.Visible(db, user)
            .Where(r => db.RoundTargets.Any(t => t.RoundId == r.Id && t.VillageCode.StartsWith(user.ScopeCode)))
            .Select(r => new { r.Id, r.Name, r.StartDate }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.StartDate).Select(r => new RoundOption(r.Id, r.Name)).ToList();
    }

    internal static IQueryable<PublicReport> Visible(XunchaDbContext db, UserScope user) =>
        db.PublicReports.AsNoTracking().Where(r => r.VillageCode.StartsWith(user.ScopeCode)
            && RoundQueries.Visible(db, user).Any(x => x.Id == r.RoundId)).InOwnVillages(user, r => r.VillageCode);

    private static IQueryable<PublicReport> Filter(XunchaDbContext db, ListReports q, UserScope user)
    {
        var query = Visible(db, user);
        if (q.RoundId is { } round)
        {
            query = query.Where(r => r.RoundId == round);
        }

        if (!string.IsNullOrWhiteSpace(q.VillageCode))
        {
            var code = q.VillageCode.Trim();
            query = query.Where(r => r.VillageCode.StartsWith(code));
        }

        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            query = query.Where(r => r.Status == q.Status);
        }

        return query;
    }

    private sealed record Found(ReportRow Row, string? Name, string? Phone);

    private static IQueryable<Found> Project(XunchaDbContext db, IQueryable<PublicReport> reports) =>
        from r in reports
        join round in db.Rounds on r.RoundId equals round.Id
        join v in db.Regions on r.VillageCode equals v.Code
        select new Found(
            new ReportRow(r.Id, r.ReceiptNo, r.RoundId, round.Name, r.VillageCode, v.Name, v.Parent!.Name, r.Category, r.Content, r.Anonymous,
                "", r.ReceivedAt, r.Status, r.HandledBy, r.HandledAt, r.HandlingNote),
            r.ReporterNameProtected, r.ReporterPhoneProtected);

    private ReportRow Masked(Found f) => f.Row with
    {
        ReporterMasked = f.Row.Anonymous
            ? ReportTexts.Anonymous
            : string.Join(" / ", new[] { ProtectedDataCipher.Mask(cipher.Unprotect(f.Name)), ProtectedDataCipher.Mask(cipher.Unprotect(f.Phone)) }.Where(s => s.Length > 0)),
    };
}
