using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Audit;

/// <summary>
/// Appends one audit entry per added, modified or deleted entity (and every <see cref="AuditEvent"/>
/// a use case adds itself) in the same transaction as the change: the changes are saved first,
/// then, still inside the transaction and under the chain lock, the entries are numbered, hashed in
/// one pass and saved; a failed save commits neither. The chain lock is taken before the changes are
/// written and held to the end of the transaction: <c>pg_advisory_xact_lock</c> on PostgreSQL, the
/// write transaction (BEGIN IMMEDIATE) plus an in-process gate on SQLite.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private const long ChainLockKey = 7_307_202_604;
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    private sealed class Pending
    {
        public required List<AuditChange> Changes { get; init; }
        public required List<AuditEvent> Events { get; init; }
        public IDbContextTransaction? OwnedTransaction { get; set; }
        public bool GateHeld { get; set; }
        public bool Writing { get; set; }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is XunchaDbContext db && !(pending.TryGetValue(db, out var p) && p.Writing))
        {
            await BeginAsync(db, cancellationToken);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is XunchaDbContext db && pending.TryGetValue(db, out var p) && !p.Writing)
        {
            await AppendAsync(db, p, cancellationToken);
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var p) && !p.Writing)
        {
            await EndAsync(db, p);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var p) && !p.Writing)
        {
            await EndAsync(db, p);
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private async Task BeginAsync(XunchaDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var events = new List<AuditEvent>(db.AuditQueue);
        db.AuditQueue.Clear();
        var changes = new List<AuditChange>();
        var all = db.ChangeTracker.Entries().ToList();
        var bulk = all.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata.ClrType)
            .Where(g => g.Count() > AuditChanges.BulkAdds).Select(g => g.Key).ToHashSet();
        foreach (var entry in all)
        {
            if (entry is { Entity: AuditEvent e, State: EntityState.Added })
            {
                // Saved with the changes' entries, numbered and hashed under the lock.
                entry.State = EntityState.Detached;
                events.Add(e);
            }
            else if (AuditChanges.Capture(entry, !(entry.State == EntityState.Added && bulk.Contains(entry.Metadata.ClrType))) is { } change)
            {
                changes.Add(change);
            }
        }

        if (events.Count == 0 && changes.Count == 0)
        {
            return;
        }

        var p = new Pending { Changes = changes, Events = events };
        if (db.Database.CurrentTransaction is null)
        {
            if (db.Database.IsSqlite())
            {
                await SqliteGate.WaitAsync(ct);
                p.GateHeld = true;
            }

            try
            {
                p.OwnedTransaction = await db.Database.BeginTransactionAsync(ct);
            }
            catch
            {
                await EndAsync(db, p);
                throw;
            }
        }

        pending.AddOrUpdate(db, p);
        if (db.Database.IsNpgsql())
        {
            // Taken before the changes are written, so no transaction waits for it while holding
            // row locks another holder may need (no deadlock between multi-save transactions).
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
            }
            catch
            {
                await EndAsync(db, p);
                throw;
            }
        }
    }

    private async Task AppendAsync(XunchaDbContext db, Pending p, CancellationToken ct)
    {
        p.Writing = true;
        try
        {
            var last = await db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
            var (id, prev) = (last?.Id ?? 0, last?.Hash ?? AuditHash.Genesis);
            var actor = AuditActor.Current;
            var actorName = actor.UserName
                ?? await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.UserName).FirstOrDefaultAsync(ct)
                ?? "";
            var at = AuditHash.Truncate(clock.GetUtcNow());

            var entries = AuditChanges.ToEvents(p.Changes).Concat(p.Events);
            foreach (var e in entries)
            {
                e.Id = ++id;
                e.At = at;
                if (string.IsNullOrEmpty(e.UserId))
                {
                    (e.UserId, e.UserName) = (actor.UserId, actorName);
                }
                else if (string.IsNullOrEmpty(e.UserName))
                {
                    var userId = e.UserId;
                    e.UserName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? "";
                }

                e.UserName = AuditChanges.Clip(e.UserName, 256);
                e.Detail = AuditChanges.Clip(e.Detail, 2000);
                e.PrevHash = prev;
                e.Hash = prev = AuditHash.Of(e);
                db.AuditEvents.Add(e);
            }

            await db.SaveChangesAsync(ct);
            if (p.OwnedTransaction is { } tx)
            {
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await EndAsync(db, p);
        }
    }

    private async Task EndAsync(DbContext db, Pending p)
    {
        pending.Remove(db);
        try
        {
            if (p.OwnedTransaction is { } tx)
            {
                // After a commit this is a no-op; otherwise the changes are rolled back with it.
                await tx.DisposeAsync();
            }
        }
        finally
        {
            if (p.GateHeld)
            {
                SqliteGate.Release();
            }
        }
    }
}
