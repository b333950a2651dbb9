namespace Xuncha.Core.Domain.Reports;

/// <summary>
/// The public reporting channel of one village in one round: the QR code on the notice leads to
/// <c>/r/{Token}</c>. The token is random and unguessable; it is never shown back to a reporter.
/// </summary>
public sealed class ReportChannel
{
    public Guid Id { get; init; }
    public Guid RoundId { get; init; }
    public required string VillageCode { get; init; }
    public required string Token { get; init; }

    /// <summary>巡察组联系方式 as printed on the notice and the public page.</summary>
    public string TeamContact { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// A report (群众反映) sent through a channel. The reporter's name and phone are cipher text
/// (<see cref="Security.Protection.ProtectedDataCipher"/>), null when anonymous; the sender's IP
/// is kept only as a keyed hash.
/// </summary>
public sealed class PublicReport
{
    public Guid Id { get; init; }
    public Guid ChannelId { get; init; }
    public Guid RoundId { get; init; }
    public required string VillageCode { get; init; }

    /// <summary>The receipt number the reporter sees (not the channel token).</summary>
    public required string ReceiptNo { get; init; }

    public required string Category { get; init; }
    public required string Content { get; init; }
    public bool Anonymous { get; init; }
    public string? ReporterNameProtected { get; init; }
    public string? ReporterPhoneProtected { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string SourceIpHash { get; init; } = "";
    public string Status { get; set; } = ReportStatus.Pending;
    public string? HandledBy { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandlingNote { get; set; }

    /// <summary>The lead (疑似问题) it was turned into.</summary>
    public Guid? LeadId { get; set; }

    /// <summary>The finding (问题) it was turned into.</summary>
    public Guid? FindingId { get; set; }
}

public static class ReportStatus
{
    public const string Pending = "待处理";
    public const string ToVisit = "已转走访";
    public const string ToLead = "已转疑似问题";
    public const string ToFinding = "已转问题";
    public const string Declined = "不予处理";

    public static readonly IReadOnlyList<string> All = [Pending, ToVisit, ToLead, ToFinding, Declined];
}

public static class ReportCategory
{
    public static readonly IReadOnlyList<string> All = ["财务", "工程", "惠民资金", "干部作风", "其他"];
}
