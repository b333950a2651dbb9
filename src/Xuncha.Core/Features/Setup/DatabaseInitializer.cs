using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Setup;

public sealed record InitializationResult(IReadOnlyList<string> AppliedMigrations, int RegionsLoaded);

/// <summary>
/// Brings a database to the current schema and reference data: migrations only (the schema is never created another way),
/// the region tree, the roles, the default checklist templates. Idempotent; run at start-up and by <c>xuncha db migrate</c>.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<XunchaDbContext> dbFactory,
    RoleManager<IdentityRole> roles,
    ILogger<DatabaseInitializer> log)
{
    public async Task<InitializationResult> InitializeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets the web server read while a CLI command writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var loaded = await ReferenceData.EnsureLoadedAsync(db, ct);
        if (loaded > 0)
        {
            log.LogInformation("Loaded {Count} regions of the reference tree", loaded);
        }

        var templates = await Checklists.DefaultChecklist.EnsureSeededAsync(db, ct);
        if (templates > 0)
        {
            log.LogInformation("Loaded {Count} default checklist template items", templates);
        }

        foreach (var (key, _) in Roles.All)
        {
            if (!await roles.RoleExistsAsync(key))
            {
                await roles.CreateAsync(new IdentityRole(key));
            }
        }

        return new InitializationResult(pending, loaded);
    }

    public async Task<bool> HasUsersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(ct);
    }
}

/// <summary>
/// The first administrator: user name and password from configuration (Xuncha:Admin:UserName,
/// XUNCHA_ADMIN_PASSWORD), otherwise a generated password that is printed once and never stored in clear.
/// </summary>
public sealed class AdminBootstrap(UserManager<XunchaUser> users, IConfiguration config, TimeProvider clock)
{
    public async Task<(string UserName, string? GeneratedPassword)?> EnsureAdminAsync(CancellationToken ct = default)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return null;
        }

        var userName = config["XUNCHA_ADMIN_USER"] ?? config["Xuncha:Admin:UserName"] ?? "admin";
        var configured = config["XUNCHA_ADMIN_PASSWORD"] ?? config["Xuncha:Admin:Password"];
        var password = configured ?? Generate();
        var user = new XunchaUser
        {
            UserName = userName,
            DisplayName = "系统管理员",
            Organization = "市委巡察办",
            ScopeCode = RegionCode.City,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("无法创建管理员：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        return (userName, configured is null ? password : null);
    }

    private static string Generate()
    {
        // Meets the password policy: upper, lower, digit, symbol, length 16.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 12).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return "Xc" + new string(chars.ToArray()) + "@7";
    }
}
