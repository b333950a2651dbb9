namespace Xuncha.Core.Domain.Planning;

/// <summary>巡察轮次: a round of inspection with its type, dates, targets and teams.</summary>
public sealed class Round
{
    public Guid Id { get; init; }
    public Guid? PlanId { get; set; }
    public required string Name { get; set; }
    public RoundType Type { get; set; }

    /// <summary>The office that runs the round: the city (4 digits) or a county (6). Targets lie within it.</summary>
    public required string RegionCode { get; init; }

    /// <summary>提级巡察: the township the city inspects directly.</summary>
    public string? TownshipCode { get; set; }

    /// <summary>联动巡察: the 提级 round this county round accompanies.</summary>
    public Guid? LinkedRoundId { get; set; }

    /// <summary>回头看: the earlier round whose targets are looked at again.</summary>
    public Guid? LookBackOfRoundId { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public RoundStatus Status { get; set; }
    public string Notes { get; set; } = "";
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<RoundTarget> Targets { get; } = [];
}

public enum RoundType
{
    Regular = 0,
    Elevated = 1,
    Linked = 2,
    Cross = 3,
    Mobile = 4,
    LookBack = 5,
}

public enum RoundStatus
{
    Preparing = 0,
    InProgress = 1,
    Finished = 2,
}

/// <summary>A village picked as a target of a round, with the score it had and why it was picked or kept.</summary>
public sealed class RoundTarget
{
    public Guid Id { get; init; }
    public Guid RoundId { get; init; }
    public required string VillageCode { get; init; }

    /// <summary>The risk score and rank when the village was picked (kept for the record).</summary>
    public decimal? RiskScore { get; set; }
    public int? RiskRank { get; set; }

    /// <summary>Why the office departed from the ranking (picked below the line, or kept despite a low score).</summary>
    public string? OverrideReason { get; set; }

    public Guid? TeamId { get; set; }
    public required string PickedById { get; init; }
    public DateTimeOffset PickedAt { get; init; }
}
