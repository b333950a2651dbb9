namespace Xuncha.Core.Domain.Findings;

/// <summary>
/// A confirmed problem (问题). Created here from a confirmed lead; the fieldwork issue adds
/// categories, recoveries, evidence files and clue transfer.
/// </summary>
public sealed class Finding
{
    public Guid Id { get; init; }
    public required string VillageCode { get; init; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public decimal? Amount { get; set; }

    /// <summary>lead / visit / report / petition / review.</summary>
    public required string Source { get; init; }

    public Guid? LeadId { get; init; }
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
