namespace Xuncha.Core.Domain.Screening;

public enum BatchStatus
{
    Completed = 0,
    Invalid = 1,
    Failed = 2,
}

/// <summary>
/// The record of one screening run over a package: who, what, with which rule pack and
/// thresholds, what came out. Invalid packages are recorded too (with every bad row), but
/// nothing of them is stored.
/// </summary>
public sealed class ScreeningBatch
{
    public Guid Id { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The region the package was uploaded for (village, county or city).</summary>
    public required string ScopeCode { get; init; }

    public string? UserId { get; init; }

    /// <summary>File or folder name as the user knows it.</summary>
    public required string Source { get; init; }

    /// <summary>upload / folder / schedule / seed.</summary>
    public required string Trigger { get; init; }

    public BatchStatus Status { get; set; }
    public DateOnly? AsOf { get; set; }
    public string RulePackVersion { get; set; } = "";
    public int LeadCount { get; set; }
    public int NewLeadCount { get; set; }
    public int VillageCount { get; set; }
    public long ElapsedMs { get; set; }
    public int ErrorCount { get; set; }

    /// <summary>Rows per table, rule outcomes with thresholds, notes: JSON of <c>BatchRecord</c>.</summary>
    public string RecordJson { get; set; } = "{}";

    /// <summary>Every bad row of an invalid package, JSON.</summary>
    public string? ErrorsJson { get; set; }

    /// <summary>Where the package is kept, for re-screening (relative to the data directory).</summary>
    public string? PackagePath { get; set; }
}
