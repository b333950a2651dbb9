using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Xuncha.Core.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xuncha.Core.Persistence;

namespace Xuncha.Cli.Backup;

public sealed record BackupResult(BackupManifest Manifest, long ArchiveBytes, TimeSpan Elapsed);

/// <summary>
/// Writes one zip archive (.xbak) with the database, the attached files, the uploaded screening
/// packages and (unless left out) the
/// keys, and a manifest with row counts and checksums. Safe while the server runs: SQLite is
/// copied by its online backup API, PostgreSQL is dumped by pg_dump in the snapshot the row
/// counts were taken in. The archive is written under a temporary name and moved into place.
/// </summary>
public static class BackupWriter
{
    public static async Task<BackupResult> WriteAsync(DatabaseSettings settings, string outFile, bool withKeys, TimeProvider clock, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        outFile = Path.GetFullPath(outFile);
        if (File.Exists(outFile))
        {
            throw new BackupException(BackupTexts.OutExists(outFile));
        }

        var work = Directory.CreateTempSubdirectory("xuncha-backup-");
        var partial = outFile + ".partial";
        try
        {
            var dump = Path.Combine(work.FullName, "db");
            var (tables, lastMigration) = settings.Provider == DatabaseProvider.Sqlite
                ? await DumpSqliteAsync(settings, dump, ct)
                : await DumpPostgresAsync(settings, dump, ct);
            var provider = settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
            var files = new List<ArchivedFile>();
            Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
            BackupManifest manifest;
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var dbEntry = provider == "sqlite" ? BackupManifest.SqliteEntry : BackupManifest.PostgresEntry;
                    files.Add(await AddAsync(zip, dbEntry, dump, CompressionLevel.Optimal, ct));
                    files.AddRange(await AddFolderAsync(zip, Path.Combine(settings.DataDir, "files"), "files", n => !n.StartsWith(".upload-", StringComparison.Ordinal), ct));
                    files.AddRange(await AddFolderAsync(zip, Path.Combine(settings.DataDir, "packages"), "packages", _ => true, ct));
                    if (withKeys)
                    {
                        files.AddRange(await AddFolderAsync(zip, Path.Combine(settings.DataDir, "keys"), "keys", n => !n.EndsWith(".tmp", StringComparison.Ordinal), ct));
                    }

                    manifest = new BackupManifest(BackupManifest.CurrentFormat, provider, clock.GetUtcNow(), AppVersion(), lastMigration, withKeys, tables, files);
                    await using var m = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal).Open();
                    await JsonSerializer.SerializeAsync(m, manifest, BackupManifest.Json, ct);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, outFile);
            return new BackupResult(manifest, new FileInfo(outFile).Length, started.Elapsed);
        }
        finally
        {
            // Cleanup must neither hide the error that got here nor stop halfway: the scratch
            // copy of the database is as sensitive as the archive.
            DeleteQuietly(() => File.Delete(partial));
            DeleteQuietly(() => work.Delete(recursive: true));
        }
    }

    private static void DeleteQuietly(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What is left (a folder a concurrent process still writes to, a read-only mount) goes to the OS temp cleaner.
        }
    }

    private static async Task<(SortedDictionary<string, long>, string?)> DumpSqliteAsync(DatabaseSettings settings, string dump, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(settings.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new BackupException($"找不到 SQLite 数据库 {source.DataSource}：请检查 --data-dir 或 XUNCHA_CONNECTION_STRING。");
        }

        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dump, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }

        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dump, Pooling = false }.ToString());
        await copy.OpenAsync(ct);
        await using (var mode = copy.CreateCommand())
        {
            // The copy is one self-contained file, whatever journal mode the live database uses.
            mode.CommandText = "PRAGMA journal_mode=DELETE;";
            await mode.ExecuteNonQueryAsync(ct);
        }

        var tables = await DatabaseTables.CountAsync(copy, postgres: false, ct);
        return (tables, await DatabaseTables.LastMigrationAsync(copy, tables, ct));
    }

    private static async Task<(SortedDictionary<string, long>, string?)> DumpPostgresAsync(DatabaseSettings settings, string dump, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await conn.OpenAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            throw new BackupException($"无法连接数据库 {settings.Describe()}：{ex.Message}", ex);
        }

        // pg_dump reads in the snapshot the counts were taken in, so manifest and dump agree
        // even while the server keeps writing.
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var ro = conn.CreateCommand())
        {
            ro.CommandText = "SET TRANSACTION READ ONLY";
            await ro.ExecuteNonQueryAsync(ct);
        }

        string snapshot;
        await using (var export = conn.CreateCommand())
        {
            export.CommandText = "SELECT pg_export_snapshot()";
            snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        }

        var tables = await DatabaseTables.CountAsync(conn, postgres: true, ct);
        var last = await DatabaseTables.LastMigrationAsync(conn, tables, ct);
        await PgTools.RunAsync("pg_dump", settings.ConnectionString, ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={dump}"], ct);
        await tx.CommitAsync(ct);
        return (tables, last);
    }

    private static async Task<List<ArchivedFile>> AddFolderAsync(ZipArchive zip, string folder, string prefix, Func<string, bool> include, CancellationToken ct)
    {
        var added = new List<ArchivedFile>();
        if (!Directory.Exists(folder))
        {
            return added;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (include(Path.GetFileName(path)))
            {
                var name = prefix + "/" + Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
                added.Add(await AddAsync(zip, name, path, CompressionLevel.Fastest, ct));
            }
        }

        return added;
    }

    private static async Task<ArchivedFile> AddAsync(ZipArchive zip, string name, string path, CompressionLevel level, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        await using var source = File.OpenRead(path);
        await using var target = entry.Open();
        var (sha256, size) = await HashingCopy.CopyAsync(source, target, ct);
        return new ArchivedFile(name, size, sha256);
    }

    private static string AppVersion() =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
