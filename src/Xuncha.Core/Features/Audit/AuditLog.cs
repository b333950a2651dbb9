using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Audit;

public sealed record ListAudit(string? User = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, int? Page = null, int? PageSize = null);

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string Action, string ActionName, string Entity, string EntityId, string Detail, string Hash);

public sealed record AuditVerification(bool Ok, long Count, long? BrokenId, string Message)
{
    /// <summary>The newest entry as <c>编号:哈希</c>: kept elsewhere, it reveals entries cut off the end later.</summary>
    public string? Anchor { get; init; }
}

/// <summary>An entry's number and hash saved from an earlier verification (<c>编号:哈希</c>).</summary>
public sealed record AuditAnchor(long Id, string Hash)
{
    public override string ToString() => $"{Id}:{Hash}";

    /// <summary>Reads <c>编号:哈希</c>; a malformed anchor is a field error in Chinese.</summary>
    public static AuditAnchor Parse(string text)
    {
        var parts = text.Trim().Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], out var id) && id > 0 && parts[1].Length > 0
            ? new AuditAnchor(id, parts[1].Trim())
            : throw new ValidationException("anchor", AuditTexts.BadAnchor);
    }
}

/// <summary>The audit log for 系统管理员 and 市巡察办: a filtered list, newest first, and the chain check.</summary>
public sealed class AuditLogHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public static readonly IReadOnlySet<string> Viewers = new HashSet<string> { Roles.Admin, Roles.CityOffice };

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public async Task<Paged<AuditRow>> List(ListAudit q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(Viewers, AuditTexts.ViewAction);
        if (q.From > q.To)
        {
            throw new ValidationException("from", AuditTexts.BadDates);
        }

        var (page, size) = Paging.Clamp(q.Page, q.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.User))
        {
            var name = q.User.Trim();
            query = query.Where(a => a.UserName == name);
        }

        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            query = query.Where(a => a.Action == q.Action);
        }

        if (q.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
            query = query.Where(a => a.At >= start);
        }

        if (q.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
            query = query.Where(a => a.At < end);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<AuditRow>(rows.Select(Row).ToList(), total, page, size);
    }

    public async Task<AuditVerification> Verify(UserScope user, AuditAnchor? anchor = null, CancellationToken ct = default)
    {
        user.EnsureRole(Viewers, AuditTexts.ViewAction);
        return await VerifyChain(anchor, ct);
    }

    /// <summary>
    /// Walks the whole chain in id order, in batches; the first broken entry stops it. With an anchor
    /// saved from an earlier run, the entry it names must still be there with the same hash: the
    /// chain alone cannot show that entries were cut off its end.
    /// </summary>
    public async Task<AuditVerification> VerifyChain(AuditAnchor? anchor = null, CancellationToken ct = default)
    {
        const int batch = 5000;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        long count = 0, lastId = 0;
        var prev = AuditHash.Genesis;
        while (true)
        {
            var after = lastId;
            var rows = await db.AuditEvents.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(batch).ToListAsync(ct);
            foreach (var e in rows)
            {
                var reason = e.Id != lastId + 1 ? AuditTexts.Missing(lastId + 1, e.Id)
                    : e.PrevHash != prev ? AuditTexts.PrevMismatch
                    : AuditHash.Of(e) != e.Hash ? AuditTexts.HashMismatch
                    : null;
                if (reason is not null)
                {
                    return new AuditVerification(false, count, e.Id, AuditTexts.Broken(e.Id, reason));
                }

                if (anchor is not null && e.Id == anchor.Id && !string.Equals(e.Hash, anchor.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    return new AuditVerification(false, count, e.Id, AuditTexts.Broken(e.Id, AuditTexts.AnchorMismatch));
                }

                (lastId, prev) = (e.Id, e.Hash);
                count++;
            }

            if (rows.Count < batch)
            {
                if (anchor is not null && anchor.Id > lastId)
                {
                    return new AuditVerification(false, count, anchor.Id, AuditTexts.Truncated(anchor.Id, lastId));
                }

                var head = count == 0 ? null : new AuditAnchor(lastId, prev).ToString();
                return new AuditVerification(true, count, null, count == 0 ? AuditTexts.Empty : AuditTexts.Verified(count, anchor)) { Anchor = head };
            }
        }
    }

    /// <summary>Entries written before the Chinese labels stored the CLR type name: shown by its label.</summary>
    private static AuditRow Row(AuditEvent e) =>
        new(e.Id, e.At, e.UserName, e.Action, AuditActions.NameOf(e.Action), AuditLabels.Entity(e.Entity), e.EntityId, e.Detail, e.Hash);
}
