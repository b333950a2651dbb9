using Npgsql;

namespace Xuncha.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database per fixture. PostgreSQL comes from XUNCHA_TEST_POSTGRES (a connection string
/// to a server; test.sh starts a throwaway one). Its absence fails the tests: a missing server is
/// never a skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "XUNCHA_TEST_POSTGRES";

    private readonly string? adminConnection;
    private readonly string? databaseName;

    private TestDatabase(string provider, string dataDir, string? connectionString, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        DataDir = dataDir;
        ConnectionString = connectionString;
        this.adminConnection = adminConnection;
        this.databaseName = databaseName;
    }

    public string Provider { get; }
    public string DataDir { get; }
    public string? ConnectionString { get; }

    public static TestDatabase Sqlite() =>
        new("sqlite", NewDataDir(), null, null, null);

    public static async Task<TestDatabase> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (e.g. Host=127.0.0.1;Port=5433;Username=postgres). Run ./test.sh, which starts a throwaway server.");
        }

        var name = "xuncha_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var csb = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("postgres", NewDataDir(), csb.ToString(), server, name);
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("XUNCHA_DATA_DIR", DataDir);
        yield return new("XUNCHA_DATABASE", Provider);
        if (ConnectionString is not null)
        {
            yield return new("XUNCHA_CONNECTION_STRING", ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (adminConnection is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var conn = new NpgsqlConnection(adminConnection);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            TempFolder.Delete(DataDir);
        }
    }

    private static string NewDataDir() => Directory.CreateTempSubdirectory("xuncha-tests-").FullName;
}
