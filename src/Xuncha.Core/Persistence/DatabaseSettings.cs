using Microsoft.Extensions.Configuration;

namespace Xuncha.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives. Read from XUNCHA_DATA_DIR / XUNCHA_DATABASE / XUNCHA_CONNECTION_STRING
/// (environment or command line) or from the Xuncha section of appsettings.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDir)
{
    public static DatabaseSettings From(IConfiguration config)
    {
        var dataDir = Path.GetFullPath(
            config["XUNCHA_DATA_DIR"] ?? config["Xuncha:DataDir"] ?? Path.Combine(Directory.GetCurrentDirectory(), "data"));

        var providerText = (config["XUNCHA_DATABASE"] ?? config["Xuncha:Database"] ?? "sqlite").Trim().ToLowerInvariant();
        var provider = providerText switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"不支持的数据库类型「{providerText}」：XUNCHA_DATABASE 只能是 sqlite 或 postgres"),
        };

        var connection = config["XUNCHA_CONNECTION_STRING"] ?? config.GetConnectionString(provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                "已选择 PostgreSQL，但未提供连接字符串：请设置 XUNCHA_CONNECTION_STRING 或 ConnectionStrings:Postgres");
        }

        connection ??= $"Data Source={Path.Combine(dataDir, "xuncha.db")}";
        return new DatabaseSettings(provider, connection, dataDir);
    }

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite（{ConnectionString.Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase)}）"
        : $"PostgreSQL（{RedactPassword(ConnectionString)}）";

    private static string RedactPassword(string cs) =>
        string.Join(';', cs.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
