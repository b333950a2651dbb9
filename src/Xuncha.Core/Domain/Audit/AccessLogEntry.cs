namespace Xuncha.Core.Domain.Audit;

/// <summary>One view of protected data: who saw which record's protected fields, when and why.</summary>
public sealed class AccessLogEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string UserId { get; init; }
    public required string UserName { get; init; }

    /// <summary>What kind of protected data: petition-reporter, public-reporter, clue.</summary>
    public required string Kind { get; init; }

    public required string RecordId { get; init; }
    public string Purpose { get; init; } = "";
}
