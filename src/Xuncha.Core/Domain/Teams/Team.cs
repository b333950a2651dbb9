namespace Xuncha.Core.Domain.Teams;

/// <summary>巡察组 of a round: a leader and members from the pool, and the round's villages it inspects.</summary>
public sealed class Team
{
    public Guid Id { get; init; }
    public Guid RoundId { get; init; }
    public required string Name { get; set; }
    public List<TeamMember> Members { get; } = [];
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>"auto" when made by the assignment, "manual" after an edit.</summary>
    public string Origin { get; set; } = "manual";
}

public sealed class TeamMember
{
    public Guid Id { get; init; }
    public Guid TeamId { get; init; }
    public Guid PersonId { get; init; }
    public bool IsLeader { get; set; }
}

/// <summary>An expert invited to a team, or to one finding only.</summary>
public sealed class ExpertInvitation
{
    public Guid Id { get; init; }
    public Guid ExpertId { get; init; }
    public Guid? TeamId { get; init; }
    public Guid? FindingId { get; init; }
    public string Note { get; set; } = "";
    public required string InvitedById { get; init; }
    public DateTimeOffset InvitedAt { get; init; }
}
