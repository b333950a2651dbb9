using DuckDB.NET.Data;

namespace Xuncha.Screening.Engine;

/// <summary>
/// The throw-away DuckDB a run works in. Small packages stay in memory; large ones (over
/// 1 GB of files) get a database file in the temp folder so DuckDB can page out to disk, and
/// every run is held to a memory limit (XUNCHA_DUCKDB_MEMORY, default 6GB) with a spill folder.
/// </summary>
internal sealed class Scratch : IDisposable
{
    public const long FileBackedBytes = 1L << 30;

    private readonly string? folder;

    private Scratch(DuckDBConnection connection, string? folder)
    {
        Connection = connection;
        this.folder = folder;
    }

    public DuckDBConnection Connection { get; }

    public static Scratch Open(string packagePath)
    {
        var folder = Path.Combine(Path.GetTempPath(), "xuncha-duckdb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var large = PackageBytes(packagePath) > FileBackedBytes;
        var connection = new DuckDBConnection(large ? $"Data Source={Path.Combine(folder, "run.duckdb")}" : "Data Source=:memory:");
        connection.Open();
        var memory = Environment.GetEnvironmentVariable("XUNCHA_DUCKDB_MEMORY") ?? "6GB";
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SET memory_limit = '{memory.Replace("'", "", StringComparison.Ordinal)}'; SET temp_directory = '{folder.Replace("'", "''", StringComparison.Ordinal)}'; SET preserve_insertion_order = false;";
        cmd.ExecuteNonQuery();
        return new Scratch(connection, folder);
    }

    private static long PackageBytes(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*.csv").Sum(f => f.Length)
        : File.Exists(path) ? new FileInfo(path).Length
        : 0;

    public void Dispose()
    {
        Connection.Dispose();
        try
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
