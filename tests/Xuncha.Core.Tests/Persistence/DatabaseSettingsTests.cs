using Microsoft.Extensions.Configuration;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Default_IsSqliteUnderTheDataDirectory()
    {
        var s = DatabaseSettings.From(Config(("XUNCHA_DATA_DIR", "/tmp/xuncha-x")));
        Assert.Equal(DatabaseProvider.Sqlite, s.Provider);
        Assert.Equal("Data Source=/tmp/xuncha-x/xuncha.db", s.ConnectionString);
    }

    [Fact]
    public void Postgres_TakesTheConnectionStringFromTheEnvironmentOrAppsettings()
    {
        var fromEnv = DatabaseSettings.From(Config(("XUNCHA_DATABASE", "postgres"), ("XUNCHA_CONNECTION_STRING", "Host=db;Password=secret")));
        Assert.Equal(DatabaseProvider.Postgres, fromEnv.Provider);
        Assert.Equal("Host=db;Password=secret", fromEnv.ConnectionString);
        Assert.DoesNotContain("secret", fromEnv.Describe());

        var fromSettings = DatabaseSettings.From(Config(("Xuncha:Database", "PostgreSQL"), ("ConnectionStrings:Postgres", "Host=db2")));
        Assert.Equal("Host=db2", fromSettings.ConnectionString);
    }

    [Fact]
    public void Postgres_WithoutConnectionString_ExplainsInChinese()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Config(("XUNCHA_DATABASE", "postgres"))));
        Assert.Contains("XUNCHA_CONNECTION_STRING", ex.Message);
        Assert.Contains("未提供连接字符串", ex.Message);
    }

    [Fact]
    public void UnknownProvider_IsRefused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Config(("XUNCHA_DATABASE", "oracle"))));
        Assert.Contains("oracle", ex.Message);
    }
}
