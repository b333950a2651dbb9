namespace Xuncha.Core.Domain.Fieldwork;

/// <summary>指导组: a guidance group working within a region, with its members and the villages it guides (蹲点).</summary>
public sealed class GuidanceGroup
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string RegionCode { get; init; }

    /// <summary>Members by name (or user name).</summary>
    public List<string> Members { get; set; } = [];

    public List<string> VillageCodes { get; set; } = [];
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>蹲点指导: what a group did in a village on a day.</summary>
public sealed class GuidanceRecord
{
    public Guid Id { get; init; }
    public Guid GroupId { get; init; }
    public required string VillageCode { get; init; }
    public DateOnly Date { get; set; }
    public required string Content { get; set; }
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>意见建议 of a group to a village, followed from 提出 to 采纳 to 落实.</summary>
public sealed class GuidanceSuggestion
{
    public Guid Id { get; init; }
    public Guid GroupId { get; init; }
    public required string VillageCode { get; init; }
    public Guid? RoundId { get; init; }
    public required string Text { get; set; }
    public SuggestionStatus Status { get; set; }
    public DateOnly RaisedOn { get; init; }
    public required string RaisedById { get; init; }
    public DateOnly? AdoptedOn { get; set; }
    public string? AdoptedById { get; set; }
    public DateOnly? ImplementedOn { get; set; }
    public string? ImplementedById { get; set; }
}

public enum SuggestionStatus
{
    /// <summary>提出</summary>
    Raised = 0,

    /// <summary>采纳</summary>
    Adopted = 1,

    /// <summary>落实</summary>
    Implemented = 2,
}
