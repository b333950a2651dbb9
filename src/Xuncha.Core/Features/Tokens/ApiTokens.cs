using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Tokens;

public sealed record CreateApiToken(string? Name, int? ValidDays);

public sealed record CreatedApiToken(Guid Id, string Name, string Token, DateTimeOffset? ExpiresAt);

public sealed record ApiTokenRow(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool Revoked);

/// <summary>Bearer tokens for scripts: create (secret shown once), list own, revoke, validate.</summary>
public sealed class ApiTokenHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public const string SecretPrefix = "xct_";

    public async Task<CreatedApiToken> Create(CreateApiToken cmd, string userId, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var name = cmd.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", "请输入令牌名称（不超过 100 个字），例如「数据同步脚本」。");
        }

        if (cmd.ValidDays is < 1 or > 3650)
        {
            errors.Add("validDays", "有效天数应在 1–3650 之间；留空表示长期有效。");
        }

        errors.ThrowIfAny();

        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            TokenHash = Hash(secret),
            Prefix = secret[..12],
            CreatedAt = now,
            ExpiresAt = cmd.ValidDays is { } d ? now.AddDays(d) : null,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(token.Id, token.Name, secret, token.ExpiresAt);
    }

    public async Task<IReadOnlyList<ApiTokenRow>> List(UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.UserId)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt != null))
            .ToListAsync(ct);
        return rows.OrderByDescending(t => t.CreatedAt).ToList();
    }

    public async Task Revoke(Guid id, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || token.UserId != user.UserId)
        {
            throw new NotFoundException("找不到该令牌，或它不属于您。");
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The user id a valid, unexpired, unrevoked token belongs to; null otherwise.</summary>
    public async Task<string?> Validate(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        // Recording every use would write on every request; a minute's precision is enough.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return token.UserId;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
