using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Xuncha.Core.Common;

/// <summary>
/// A counter bumped by every save through EF in this process. Read caches compare it, so a figure
/// is never served after a change made here; changes made by another process (a CLI import into the
/// same database) show after the cache's time limit.
/// </summary>
public sealed class DataVersion
{
    private long value;

    public long Value => Interlocked.Read(ref value);

    public void Bump() => Interlocked.Increment(ref value);
}

/// <summary>
/// Bumps <see cref="DataVersion"/> after every successful save, and again when a transaction
/// commits: a save inside an explicit transaction (an import) is not visible to other readers
/// until the commit, and a figure read between the save and the commit must not outlive it.
/// </summary>
public sealed class DataVersionInterceptor(DataVersion version) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        version.Bump();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        version.Bump();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Bump();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Bump();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Caches expensive read models (the dashboard) per key until the data changes or the time limit
/// passes. Concurrent callers of a missing key share one computation.
/// </summary>
public sealed class ReadCache(DataVersion version, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 2000;

    private sealed record Entry(long Version, DateTimeOffset Expires, Lazy<Task<object>> Value);

    private readonly ConcurrentDictionary<string, Entry> entries = new();

    /// <summary>
    /// The row count of a list query, kept like any read model until the next save: paging through a
    /// ledger of tens of thousands of rows counts them once, not on every page.
    /// </summary>
    /// <remarks>The count is shared by concurrent callers, so it is not cancelled with any one of them.</remarks>
    public async Task<int> CountAsync<T>(string key, IQueryable<T> query) =>
        (await GetOrAddAsync("count|" + key, async () => new StrongBox<int>(await query.CountAsync(CancellationToken.None)))).Value!;

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> factory, TimeSpan? lifetime = null)
        where T : class
    {
        var now = clock.GetUtcNow();
        var current = version.Value;
        if (entries.TryGetValue(key, out var hit) && hit.Version == current && hit.Expires > now)
        {
            try
            {
                return (T)await hit.Value.Value;
            }
            catch
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(key, hit));
                throw;
            }
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        var fresh = new Entry(current, now + (lifetime ?? DefaultLifetime), new Lazy<Task<object>>(async () => await factory()));
        var entry = entries.AddOrUpdate(key, fresh, (_, old) => old.Version == current && old.Expires > now ? old : fresh);
        try
        {
            return (T)await entry.Value.Value;
        }
        catch
        {
            // A failed computation (cancelled request, database down) is not kept.
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }
}
