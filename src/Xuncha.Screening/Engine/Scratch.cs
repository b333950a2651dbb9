using DuckDB.NET.Data;

namespace Xuncha.Screening.Engine;

/// <summary>
/// The throw-away DuckDB a run works in: in memory, held to a memory limit
/// (XUNCHA_DUCKDB_MEMORY, default 6GB) beyond which DuckDB spills to a temp folder. A
/// database file (XUNCHA_DUCKDB_FILE=1) was measured slower at province scale: 175 s against 108 s.
/// The folder is deleted when the run ends, however it ends; a process killed mid-run cannot do
/// that, so each run first deletes the folders of dead runs (their lock file is no longer held).
/// </summary>
internal sealed class Scratch : IDisposable
{
    internal const string Prefix = "xuncha-duckdb-";
    internal const string LockName = ".lock";

    /// <summary>A folder younger than this may belong to a run that has not locked it yet.</summary>
    private static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    private readonly FileStream lockFile;

    private Scratch(DuckDBConnection connection, string folder, FileStream lockFile)
    {
        Connection = connection;
        Folder = folder;
        this.lockFile = lockFile;
    }

    public DuckDBConnection Connection { get; }

    public string Folder { get; }

    public static Scratch Open(string packagePath)
    {
        DeleteOrphans();
        var folder = Directory.CreateTempSubdirectory(Prefix).FullName;
        FileStream? held = null;
        DuckDBConnection? connection = null;
        try
        {
            // Held until Dispose: the lock (flock on Unix) is what tells a live run from a dead one.
            held = new FileStream(Path.Combine(folder, LockName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            var large = Environment.GetEnvironmentVariable("XUNCHA_DUCKDB_FILE") == "1";
            connection = new DuckDBConnection(large ? $"Data Source={Path.Combine(folder, "run.duckdb")}" : "Data Source=:memory:");
            connection.Open();
            var memory = Environment.GetEnvironmentVariable("XUNCHA_DUCKDB_MEMORY") ?? "6GB";
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SET memory_limit = '{memory.Replace("'", "", StringComparison.Ordinal)}'; SET temp_directory = '{folder.Replace("'", "''", StringComparison.Ordinal)}'; SET preserve_insertion_order = false;";
            cmd.ExecuteNonQuery();
            return new Scratch(connection, folder, held);
        }
        catch
        {
            connection?.Dispose();
            held?.Dispose();
            Delete(folder);
            throw;
        }
    }

    public void Dispose()
    {
        Connection.Dispose();
        lockFile.Dispose();
        Delete(Folder);
    }

    /// <summary>Deletes the scratch folders whose run is gone: the lock file exists and nobody holds it.</summary>
    internal static void DeleteOrphans()
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var folder in folders)
        {
            try
            {
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < OrphanAge || !File.Exists(Path.Combine(folder, LockName)))
                {
                    continue;
                }

                // Throws while a live run holds the lock. Once free it stays free: runs lock only the folder they create.
                new FileStream(Path.Combine(folder, LockName), FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held by a live run, or already gone.
            }
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's DeleteOrphans, or the OS temp cleaner.
        }
    }
}
