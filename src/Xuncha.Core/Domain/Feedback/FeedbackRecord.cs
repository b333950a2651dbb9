namespace Xuncha.Core.Domain.Feedback;

/// <summary>
/// One feedback meeting of 四级反馈: the results of a round handed down one level — the city to a
/// county committee, a county committee to a township committee, a township committee to a
/// village party organisation, and the village organisation to its party members and residents.
/// </summary>
public sealed class FeedbackRecord
{
    public Guid Id { get; init; }
    public Guid RoundId { get; init; }

    /// <summary>1–4, the key of a <c>FeedbackSettings.Levels</c> entry.</summary>
    public int Level { get; init; }

    /// <summary>The region whose organisation received the feedback (county, township or village).</summary>
    public required string RegionCode { get; init; }

    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";

    /// <summary>Who gave the feedback (e.g. 市委巡察第三组组长).</summary>
    public string GivenBy { get; set; } = "";

    /// <summary>Who attended, as written in the meeting record.</summary>
    public required string Attendees { get; set; }

    /// <summary>What was handed over (反馈意见、问题清单、整改任务清单 …).</summary>
    public List<string> DocumentsHandedOver { get; set; } = [];

    public string Notes { get; set; } = "";
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
