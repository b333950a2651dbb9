namespace Xuncha.Core.Domain.Rectification;

/// <summary>
/// A rectification task (整改任务) raised from a finding: owners of the four kinds, measures, a
/// deadline, progress with evidence, and the 待整改 → 整改中 → 申请销号 → 已销号 lifecycle
/// (<see cref="RectificationFlow"/>). Overdue and escalation are set by the daily sweep.
/// </summary>
public sealed class RectificationTask
{
    public Guid Id { get; init; }
    public Guid FindingId { get; init; }
    public required string VillageCode { get; init; }
    public Guid? RoundId { get; set; }
    public required string Title { get; set; }

    /// <summary>整改措施.</summary>
    public string Measures { get; set; } = "";

    public DateOnly Deadline { get; set; }
    public RectificationStatus Status { get; set; } = RectificationStatus.Pending;

    /// <summary>The first day the task was overdue; null while on time or once closed.</summary>
    public DateOnly? OverdueSince { get; set; }

    /// <summary>0 = not escalated; 1.. = the escalation thresholds reached (Xuncha:Rectification:Escalation).</summary>
    public int EscalationLevel { get; set; }

    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int ReopenCount { get; set; }

    /// <summary>成效评估 before 销号: score 0–100.</summary>
    public int? EffectScore { get; set; }

    /// <summary>实地核查 / 群众测评 / 资料审核 …</summary>
    public string? EvaluationMethod { get; set; }

    /// <summary>群众满意度, percent 0–100.</summary>
    public int? SatisfactionPercent { get; set; }

    public string EvaluationNote { get; set; } = "";

    /// <summary>建章立制: institutions built as a result.</summary>
    public int InstitutionsBuilt { get; set; }

    /// <summary>People dealt with: 党纪政务处分, 组织处理, 诫勉谈话.</summary>
    public int PeoplePunished { get; set; }

    public int PeopleOrganisational { get; set; }
    public int PeopleAdmonished { get; set; }

    public List<TaskOwner> Owners { get; set; } = [];
}

public enum RectificationStatus
{
    Pending,
    InProgress,
    AwaitingClose,
    Closed,
}

/// <summary>One of the 四方 owners: Kind is a key of Xuncha:Rectification:OwnerKinds.</summary>
public sealed class TaskOwner
{
    public Guid Id { get; init; }
    public Guid TaskId { get; init; }
    public required string Kind { get; init; }
    public required string UnitName { get; init; }
    public string? RegionCode { get; init; }
}

/// <summary>进展报告: what was done, on which day, with evidence files.</summary>
public sealed class ProgressReport
{
    public Guid Id { get; init; }
    public Guid TaskId { get; init; }
    public DateOnly Date { get; init; }
    public required string Text { get; init; }
    public required string ReportedById { get; init; }
    public required string ReportedByName { get; init; }
    public DateTimeOffset ReportedAt { get; init; }
}

/// <summary>An evidence file of a progress report; the bytes live in the file store under their SHA-256.</summary>
public sealed class ProgressEvidence
{
    public Guid Id { get; init; }
    public Guid TaskId { get; init; }
    public Guid ReportId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>What happened to a task: every state change, reopen and escalation, kept for ever.</summary>
public sealed class TaskEvent
{
    public Guid Id { get; init; }
    public Guid TaskId { get; init; }
    public required string Kind { get; init; }
    public RectificationStatus? From { get; init; }
    public RectificationStatus? To { get; init; }
    public string Note { get; init; } = "";

    /// <summary>Null for the system (the overdue sweep).</summary>
    public string? ById { get; init; }

    public required string ByName { get; init; }
    public DateTimeOffset At { get; init; }
}
