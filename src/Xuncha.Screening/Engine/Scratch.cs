using DuckDB.NET.Data;

namespace Xuncha.Screening.Engine;

/// <summary>
/// The throw-away DuckDB a run works in: in memory, held to a memory limit
/// (XUNCHA_DUCKDB_MEMORY, default 6GB) beyond which DuckDB spills to a temp folder. A
/// database file (XUNCHA_DUCKDB_FILE=1) was measured slower at province scale: 175 s against 108 s.
/// </summary>
internal sealed class Scratch : IDisposable
{
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
        var large = Environment.GetEnvironmentVariable("XUNCHA_DUCKDB_FILE") == "1";
        var connection = new DuckDBConnection(large ? $"Data Source={Path.Combine(folder, "run.duckdb")}" : "Data Source=:memory:");
        connection.Open();
        var memory = Environment.GetEnvironmentVariable("XUNCHA_DUCKDB_MEMORY") ?? "6GB";
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SET memory_limit = '{memory.Replace("'", "", StringComparison.Ordinal)}'; SET temp_directory = '{folder.Replace("'", "''", StringComparison.Ordinal)}'; SET preserve_insertion_order = false;";
        cmd.ExecuteNonQuery();
        return new Scratch(connection, folder);
    }

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
