using Npgsql;

namespace Xuncha.EndToEndTests;

/// <summary>
/// The browser fixture on a fresh PostgreSQL database of the server named by XUNCHA_TEST_POSTGRES
/// (./test.sh starts a throwaway one). A missing server fails the tests.
/// </summary>
public sealed class PostgresBrowserFixture : BrowserFixture
{
    private string? server;
    private string? name;

    protected override async Task<string[]> DatabaseArgumentsAsync()
    {
        server = Environment.GetEnvironmentVariable("XUNCHA_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("PostgreSQL browser tests need XUNCHA_TEST_POSTGRES: run ./test.sh, which starts a throwaway server.");
        }

        name = "xuncha_e2e_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return ["--XUNCHA_DATABASE=postgres", $"--XUNCHA_CONNECTION_STRING={connection}"];
    }

    protected override async Task DropDatabaseAsync()
    {
        if (server is null || name is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
