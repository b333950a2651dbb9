using System.Data.Common;

namespace Xuncha.Cli.Backup;

/// <summary>The user tables of a database with their row counts, and the last EF migration applied.</summary>
public static class DatabaseTables
{
    public static async Task<SortedDictionary<string, long>> CountAsync(DbConnection connection, bool postgres, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                : "SELECT NULL, name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var schema = reader.IsDBNull(0) ? null : reader.GetString(0);
                var name = reader.GetString(1);
                names.Add(schema is null or "public" ? name : $"{schema}.{name}");
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {Quote(name)}";
            counts[name] = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public static async Task<string?> LastMigrationAsync(DbConnection connection, IReadOnlyDictionary<string, long> tables, CancellationToken ct)
    {
        if (!tables.ContainsKey("__EFMigrationsHistory"))
        {
            return null;
        }

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>"schema.table" or "table", each part double-quoted.</summary>
    public static string Quote(string name) =>
        string.Join('.', name.Split('.', 2).Select(p => "\"" + p.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
