namespace Xuncha.Core.Domain.Screening;

public enum LeadStatus
{
    Open = 0,
    Confirmed = 1,
    Dismissed = 2,
}

/// <summary>
/// A suspicion (疑似问题) raised by a rule: one per (rule, village, ref) however often the data is
/// screened again. Triage confirms it into a finding or dismisses it with a reason.
/// </summary>
public sealed class Lead
{
    public Guid Id { get; init; }
    public required string RuleCode { get; init; }
    public required string RuleName { get; set; }

    /// <summary>高 / 中 / 低.</summary>
    public required string Severity { get; set; }

    public required string VillageCode { get; init; }
    public required string Ref { get; init; }
    public decimal? Amount { get; set; }
    public required string Explanation { get; set; }
    public LeadStatus Status { get; set; }

    /// <summary>Raised by the latest run over its village for the first time.</summary>
    public bool IsNew { get; set; }

    public Guid FirstBatchId { get; init; }
    public Guid LastBatchId { get; set; }
    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string EvidenceJson { get; set; } = "[]";
    public string? TriagedById { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public string? DismissReason { get; set; }
    public Guid? FindingId { get; set; }
}
