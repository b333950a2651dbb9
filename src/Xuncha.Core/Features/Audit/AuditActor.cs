namespace Xuncha.Core.Features.Audit;

/// <summary>Who an audit entry is attributed to.</summary>
public sealed record AuditUser(string UserId, string? UserName)
{
    public static readonly AuditUser System = new("system", "system");
}

/// <summary>
/// The ambient user of the current request or Blazor circuit event, set by the web host (from the
/// signed-in principal) and read by the audit interceptor. Nothing set means "system": CLI,
/// background services, demo seed.
/// </summary>
public static class AuditActor
{
    private static readonly AsyncLocal<AuditUser?> CurrentUser = new();

    public static AuditUser Current => CurrentUser.Value ?? AuditUser.System;

    /// <summary>Sets the actor for the rest of this async flow; dispose to restore the previous one.</summary>
    public static IDisposable Use(AuditUser? user)
    {
        var previous = CurrentUser.Value;
        CurrentUser.Value = user;
        return new Restore(previous);
    }

    private sealed class Restore(AuditUser? previous) : IDisposable
    {
        public void Dispose() => CurrentUser.Value = previous;
    }
}
