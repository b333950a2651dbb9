using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Xuncha.Core.Persistence;

public static class XunchaDatabase
{
    public const string SqliteMigrationsAssembly = "Xuncha.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Xuncha.Migrations.Postgres";

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var csb = new SqliteConnectionStringBuilder(settings.ConnectionString);
            var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            // A busy server and a CLI command may share the file: wait instead of failing at once.
            csb.DefaultTimeout = 30;
            options.UseSqlite(csb.ToString(), o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        }
        else
        {
            options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
    }

    public static IServiceCollection AddXunchaDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<Common.DataVersion>();
        services.AddSingleton<Common.DataVersionInterceptor>();
        services.AddSingleton<Common.ReadCache>();
        services.AddSingleton(sp => new Features.Audit.AuditInterceptor(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddDbContextFactory<XunchaDbContext>((sp, o) =>
        {
            Configure(o, settings);
            o.AddInterceptors(sp.GetRequiredService<Features.Audit.AuditInterceptor>(), sp.GetRequiredService<Common.DataVersionInterceptor>());
        });
        return services;
    }
}
