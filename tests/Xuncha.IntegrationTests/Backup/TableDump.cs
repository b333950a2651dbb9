using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xuncha.Cli.Backup;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Backup;

/// <summary>
/// A canonical dump of every table of a test database — all columns, rows in a total order —
/// hashed per table, so two databases can be compared row for row.
/// </summary>
public static class TableDump
{
    public static async Task<SortedDictionary<string, string>> HashesAsync(TestDatabase database)
    {
        await using var conn = Open(database);
        await conn.OpenAsync();
        var postgres = database.Provider == "postgres";
        var tables = await DatabaseTables.CountAsync(conn, postgres, CancellationToken.None);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Keys)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {DatabaseTables.Quote(table)} LIMIT 0";
            int columns;
            await using (var probe = await cmd.ExecuteReaderAsync())
            {
                columns = probe.FieldCount;
            }

            cmd.CommandText = $"SELECT * FROM {DatabaseTables.Quote(table)} ORDER BY {string.Join(", ", Enumerable.Range(1, columns))}";
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    line.Append(reader.GetName(i)).Append('=').Append(Text(reader.GetValue(i))).Append('\u001f');
                }

                sha.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
                rows++;
            }

            hashes[table] = $"{rows}:{Convert.ToHexStringLower(sha.GetHashAndReset())}";
        }

        return hashes;
    }

    public static async Task<long> RowsAsync(TestDatabase database)
    {
        if (database.Provider == "sqlite" && !File.Exists(SqlitePath(database)))
        {
            return 0;
        }

        await using var conn = Open(database);
        await conn.OpenAsync();
        return (await DatabaseTables.CountAsync(conn, database.Provider == "postgres", CancellationToken.None)).Values.Sum();
    }

    public static string SqlitePath(TestDatabase database) => Path.Combine(database.DataDir, "xuncha.db");

    private static DbConnection Open(TestDatabase database) => database.Provider == "postgres"
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqlitePath(database), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());

    private static string Text(object value) => value switch
    {
        DBNull => "∅",
        byte[] b => Convert.ToHexString(b),
        Array a => "[" + string.Join(",", a.Cast<object>().Select(Text)) + "]",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
