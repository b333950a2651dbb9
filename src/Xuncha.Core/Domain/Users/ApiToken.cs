namespace Xuncha.Core.Domain.Users;

/// <summary>
/// A bearer token for scripts. Only the SHA-256 of the secret is stored; the secret is shown
/// once, when created.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; set; }
    public required string TokenHash { get; init; }

    /// <summary>The first characters of the secret, to recognise a token in lists.</summary>
    public required string Prefix { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
