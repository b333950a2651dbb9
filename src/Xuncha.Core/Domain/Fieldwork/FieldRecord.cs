namespace Xuncha.Core.Domain.Fieldwork;

/// <summary>
/// One piece of fieldwork in a village of a round: a visit (走访) of one of four kinds, a talk
/// (个别谈话) or a review of documents (查阅资料). Repeated and follow-up visits chain to the
/// earlier record of the same village.
/// </summary>
public sealed class FieldRecord
{
    public Guid Id { get; init; }
    public FieldRecordKind Kind { get; set; }
    public Guid RoundId { get; init; }
    public required string VillageCode { get; init; }
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";

    /// <summary>The person visited or talked to; empty for a document review.</summary>
    public string PersonName { get; set; } = "";

    /// <summary>One of <c>PersonCategories.All</c>; empty for a document review.</summary>
    public string PersonCategory { get; set; } = "";

    /// <summary>The inspectors present, by name.</summary>
    public List<string> Inspectors { get; set; } = [];

    public required string Learned { get; set; }
    public Guid? PreviousRecordId { get; set; }
    public List<Guid> LeadIds { get; set; } = [];
    public List<Guid> ChecklistItemIds { get; set; } = [];
    public List<Guid> FindingIds { get; set; } = [];

    /// <summary>The public report (群众反映) this visit follows up.</summary>
    public Guid? PublicReportId { get; set; }
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

public enum FieldRecordKind
{
    /// <summary>登门访</summary>
    HomeVisit = 0,

    /// <summary>电话访: people working away.</summary>
    PhoneVisit = 1,

    /// <summary>反复访: key persons, again.</summary>
    RepeatVisit = 2,

    /// <summary>跟踪访: follow-up on a hard issue.</summary>
    FollowUp = 3,

    /// <summary>个别谈话</summary>
    Talk = 4,

    /// <summary>查阅资料</summary>
    DocumentReview = 5,
}
