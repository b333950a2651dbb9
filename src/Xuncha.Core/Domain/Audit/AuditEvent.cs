namespace Xuncha.Core.Domain.Audit;

/// <summary>
/// One entry of the audit log: a sign-in, a view of protected data, an export or a change.
/// Entries form a hash chain (<see cref="PrevHash"/> → <see cref="Hash"/>), so an edited,
/// deleted or inserted entry is found by <c>xuncha audit verify</c>. Written only through
/// the audit interceptor, which assigns <see cref="Id"/>, <see cref="At"/> and the hashes.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>1, 2, 3… without gaps, assigned under the chain lock.</summary>
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";

    /// <summary>sign-in, sign-in-failed, sign-out, view-protected, export, create, update, delete.</summary>
    public required string Action { get; set; }

    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Detail { get; set; } = "";
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
