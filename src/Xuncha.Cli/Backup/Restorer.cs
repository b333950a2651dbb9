using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xuncha.Core.Persistence;

namespace Xuncha.Cli.Backup;

public sealed record RestoreResult(BackupManifest Manifest, int FilesRestored, string? OldKeysKeptIn, TimeSpan Elapsed);

/// <summary>
/// Restores a backup archive: verify everything first (staging), refuse a target that holds data
/// unless forced, then replace the database in one step (SQLite: a checked copy moved over the
/// file; PostgreSQL: pg_restore in a single transaction), add the files, put the keys in place and
/// compare the row counts with the manifest. Run it with the server stopped.
/// </summary>
public static class Restorer
{
    public static async Task<RestoreResult> RunAsync(DatabaseSettings settings, string archive, bool force, TimeProvider clock, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        archive = Path.GetFullPath(archive);
        var target = settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var manifest = ArchiveStaging.ReadManifest(archive);
        if (manifest.Provider != target)
        {
            throw new BackupException(BackupTexts.WrongProvider(manifest.Provider, target));
        }

        var createdDataDir = !Directory.Exists(settings.DataDir);
        Directory.CreateDirectory(settings.DataDir);
        var staging = Path.Combine(settings.DataDir, $".restore-{Guid.NewGuid():N}");
        var restored = false;
        try
        {
            // Every checksum first: a damaged archive is refused whatever the target holds.
            await ArchiveStaging.ExtractAsync(archive, staging, ct);
            if (!force)
            {
                var existing = await TargetTablesAsync(settings, ct);
                if (existing.Count > 0 && existing.Values.Sum() > 0)
                {
                    throw new BackupException(BackupTexts.TargetNotEmpty(settings.Describe(), existing.Count, existing.Values.Sum()));
                }
            }

            // The database first (it restores atomically or not at all), then the files beside it: a
            // refused database leaves the target's files as they were.
            var dump = Path.Combine(staging, manifest.DatabaseEntry.Replace('/', Path.DirectorySeparatorChar));
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await RestoreSqliteAsync(settings, dump, manifest, ct);
            }
            else
            {
                await RestorePostgresAsync(settings, dump, manifest, ct);
            }

            var files = MoveFiles(Path.Combine(staging, "files"), Path.Combine(settings.DataDir, "files"));
            MoveFiles(Path.Combine(staging, "packages"), Path.Combine(settings.DataDir, "packages"));
            var oldKeys = manifest.WithKeys ? PlaceKeys(Path.Combine(staging, "keys"), Path.Combine(settings.DataDir, "keys"), clock) : null;
            restored = true;
            return new RestoreResult(manifest, files, oldKeys, started.Elapsed);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            // A refused restore into a folder it created leaves no empty folder behind.
            if (!restored && createdDataDir && Directory.Exists(settings.DataDir) && !Directory.EnumerateFileSystemEntries(settings.DataDir).Any())
            {
                Directory.Delete(settings.DataDir);
            }
        }
    }

    private static async Task<SortedDictionary<string, long>> TargetTablesAsync(DatabaseSettings settings, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!File.Exists(path))
            {
                return [];
            }

            await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await conn.OpenAsync(ct);
            return await DatabaseTables.CountAsync(conn, postgres: false, ct);
        }

        await using var pg = await OpenPostgresAsync(settings, ct);
        return await DatabaseTables.CountAsync(pg, postgres: true, ct);
    }

    private static async Task RestoreSqliteAsync(DatabaseSettings settings, string dump, BackupManifest manifest, CancellationToken ct)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var next = path + $".restore-{Guid.NewGuid():N}";
        File.Move(dump, next);
        try
        {
            await using (var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = next, Pooling = false }.ToString()))
            {
                await conn.OpenAsync(ct);
                await using (var check = conn.CreateCommand())
                {
                    check.CommandText = "PRAGMA integrity_check";
                    var result = (string?)await check.ExecuteScalarAsync(ct);
                    if (result != "ok")
                    {
                        throw new BackupException($"备份中的 SQLite 数据库未通过完整性检查：{result}");
                    }
                }

                CompareCounts(manifest, await DatabaseTables.CountAsync(conn, postgres: false, ct));
            }

            // The old write-ahead log belongs to the old file: it must not be replayed onto the new one.
            SqliteConnection.ClearAllPools();
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
            File.Move(next, path, overwrite: true);
        }
        finally
        {
            File.Delete(next);
        }
    }

    private static async Task RestorePostgresAsync(DatabaseSettings settings, string dump, BackupManifest manifest, CancellationToken ct)
    {
        await using (await OpenPostgresAsync(settings, ct))
        {
            // Only to give a clear message when the server is unreachable.
        }

        var database = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database ?? "postgres";
        await PgTools.RunAsync("pg_restore", settings.ConnectionString,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--no-password", $"--dbname={database}", dump], ct);
        NpgsqlConnection.ClearAllPools();
        await using var conn = await OpenPostgresAsync(settings, ct);
        CompareCounts(manifest, await DatabaseTables.CountAsync(conn, postgres: true, ct));
    }

    private static async Task<NpgsqlConnection> OpenPostgresAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var conn = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await conn.OpenAsync(ct);
            return conn;
        }
        catch (NpgsqlException ex)
        {
            await conn.DisposeAsync();
            throw new BackupException($"无法连接数据库 {settings.Describe()}：{ex.Message}", ex);
        }
    }

    private static void CompareCounts(BackupManifest manifest, IReadOnlyDictionary<string, long> actual)
    {
        var problems = manifest.Tables
            .Where(t => !actual.TryGetValue(t.Key, out var n) || n != t.Value)
            .Select(t => BackupTexts.RowCountMismatch(t.Key, t.Value, actual.GetValueOrDefault(t.Key)))
            .ToList();
        if (problems.Count > 0)
        {
            throw new BackupException("恢复后的行数与备份清单不一致：" + string.Join("；", problems));
        }
    }

    /// <summary>Files are kept under their SHA-256 (packages under a unique folder): one already there is the same file.</summary>
    private static int MoveFiles(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            if (!File.Exists(dest))
            {
                File.Move(file, dest);
            }

            count++;
        }

        return count;
    }

    private static bool SameFiles(string a, string b)
    {
        if (!Directory.Exists(b))
        {
            return false;
        }

        static List<string> Names(string dir) =>
            [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal)];
        var names = Names(a);
        return names.SequenceEqual(Names(b))
            && names.All(n => File.ReadAllBytes(Path.Combine(a, n)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, n))));
    }

    /// <summary>Puts the archive's keys in place; different keys already there are kept aside, never deleted.</summary>
    private static string? PlaceKeys(string from, string to, TimeProvider clock)
    {
        if (!Directory.Exists(from))
        {
            return null;
        }

        string? kept = null;
        if (SameFiles(from, to))
        {
            return null;
        }

        if (Directory.Exists(to) && Directory.EnumerateFileSystemEntries(to).Any())
        {
            kept = $"{to}.before-restore-{clock.GetUtcNow():yyyyMMddHHmmss}";
            Directory.Move(to, kept);
        }

        Directory.Move(from, to);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var file in Directory.EnumerateFiles(to, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return kept;
    }
}
