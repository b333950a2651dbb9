using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Screening.Package;

namespace Xuncha.Core.Features.Screening;

public sealed record BatchRow(
    Guid Id, DateTimeOffset StartedAt, string ScopeCode, string ScopeName, string Source, string Trigger, string? UserName,
    BatchStatus Status, DateOnly? AsOf, int VillageCount, int LeadCount, int NewLeadCount, int ErrorCount, long ElapsedMs, string RulePackVersion);

public sealed record BatchDetail(BatchRow Batch, BatchRecord? Record, IReadOnlyList<PackageError> Errors);

/// <summary>Screening runs whose region lies within the user's scope, newest first; and one run's full record.</summary>
public sealed class ScreeningBatchesHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<Paged<BatchRow>> List(UserScope user, int? page, int? pageSize, CancellationToken ct = default)
    {
        user.EnsureRole(ScreeningAccess.Viewers, ScreeningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.ScopeCode;
        var q = db.ScreeningBatches.AsNoTracking().Where(b => b.ScopeCode.StartsWith(scope));
        var (p, size) = Paging.Clamp(page, pageSize);
        var total = await q.CountAsync(ct);
        // SQLite cannot order by DateTimeOffset in SQL; the run history of one scope is small.
        var rows = await Project(db, q).ToListAsync(ct);
        var items = rows.OrderByDescending(b => b.StartedAt).Skip((p - 1) * size).Take(size).ToList();
        return new Paged<BatchRow>(items, total, p, size);
    }

    public async Task<BatchDetail> Get(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ScreeningAccess.Viewers, ScreeningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.ScreeningBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new NotFoundException(ScreeningTexts.BatchNotFound(id));
        var row = await Project(db, db.ScreeningBatches.AsNoTracking().Where(b => b.Id == id)).SingleAsync(ct);
        user.EnsureCovers(row.ScopeCode, row.ScopeName);
        var record = batch.Status == BatchStatus.Completed ? JsonSerializer.Deserialize<BatchRecord>(batch.RecordJson, RunScreeningHandler.Json) : null;
        var errors = batch.ErrorsJson is null ? [] : JsonSerializer.Deserialize<List<PackageError>>(batch.ErrorsJson, RunScreeningHandler.Json) ?? [];
        return new BatchDetail(row, record, errors);
    }

    private static IQueryable<BatchRow> Project(XunchaDbContext db, IQueryable<ScreeningBatch> q) =>
        from b in q
        join r in db.Regions on b.ScopeCode equals r.Code
        select new BatchRow(b.Id, b.StartedAt, b.ScopeCode, r.Name, b.Source, b.Trigger,
            db.Users.Where(u => u.Id == b.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            b.Status, b.AsOf, b.VillageCount, b.LeadCount, b.NewLeadCount, b.ErrorCount, b.ElapsedMs, b.RulePackVersion);
}
