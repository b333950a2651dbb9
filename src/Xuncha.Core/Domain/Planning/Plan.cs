namespace Xuncha.Core.Domain.Planning;

/// <summary>
/// 年度计划: the city's plan for a year, or a county's plan refining it (市域统筹). Approval is by
/// the office one level up (the city approves county plans; the city office approves its own).
/// </summary>
public sealed class Plan
{
    public Guid Id { get; init; }
    public int Year { get; set; }

    /// <summary>The region the plan is for: the city (4 digits) or a county (6).</summary>
    public required string RegionCode { get; init; }

    /// <summary>For a county plan: the city plan it refines.</summary>
    public Guid? ParentPlanId { get; set; }

    public required string Title { get; set; }
    public int TargetVillages { get; set; }

    /// <summary>重点: e.g. 基层党组织软弱涣散, 重点工作推进不力, 信访举报易发多发.</summary>
    public List<string> FocusAreas { get; set; } = [];

    /// <summary>轮次安排 in free text (e.g. 第一轮 3–4 月 …).</summary>
    public string Schedule { get; set; } = "";

    /// <summary>督导方案 text.</summary>
    public string SupervisionPlan { get; set; } = "";

    public PlanStatus Status { get; set; }
    public string? ReviewNote { get; set; }
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? ReviewedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public List<PlanAttachment> Attachments { get; } = [];
}

public enum PlanStatus
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>A file attached to a plan (e.g. the signed 督导方案); the bytes live in the file store under their SHA-256.</summary>
public sealed class PlanAttachment
{
    public Guid Id { get; init; }
    public Guid PlanId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}
