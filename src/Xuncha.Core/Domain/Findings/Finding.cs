namespace Xuncha.Core.Domain.Findings;

/// <summary>
/// A confirmed problem (问题): created from a confirmed lead, a visit, a report, a petition or a
/// review; carries its category, the losses recovered, evidence and, when transferred, a clue.
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

    /// <summary>The round whose team found it.</summary>
    public Guid? RoundId { get; set; }

    public string? CategoryL1 { get; set; }
    public string? CategoryL2 { get; set; }
    public string ResponsiblePeople { get; set; } = "";

    /// <summary>立行立改: put right while the team was still there.</summary>
    public bool RectifiedOnTheSpot { get; set; }

    /// <summary>Special campaigns (专项治理) the finding counts towards.</summary>
    public List<string> CampaignTags { get; set; } = [];

    /// <summary>Kept in the typical-case library for warning education (剖析警示).</summary>
    public bool IsTypicalCase { get; set; }

    public string CaseWriteUp { get; set; } = "";
    public FindingStatus Status { get; set; } = FindingStatus.Open;
}

public enum FindingStatus
{
    Open,
    Rectifying,
    Closed,
}

/// <summary>A sum of money recovered (挽回经济损失) on a finding, on a date.</summary>
public sealed class Recovery
{
    public Guid Id { get; init; }
    public Guid FindingId { get; init; }
    public DateOnly Date { get; init; }
    public decimal Amount { get; init; }
    public string Note { get; init; } = "";
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An evidence file; the bytes are kept once under their SHA-256 in the file store.</summary>
public sealed class EvidenceFile
{
    public Guid Id { get; init; }
    public Guid FindingId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedById { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>
/// A clue transferred to discipline inspection (问题线索移交). The content and the persons
/// involved are protected: stored encrypted, shown only to 纪检监察 and the city office, and
/// every view is written to the access log.
/// </summary>
public sealed class ClueTransfer
{
    public Guid Id { get; init; }
    public Guid FindingId { get; init; }
    public DateOnly TransferredOn { get; set; }
    public required string ToUnit { get; set; }

    /// <summary>线索内容, encrypted (ProtectedDataCipher).</summary>
    public required string ContentProtected { get; set; }

    /// <summary>涉及人员, encrypted.</summary>
    public string? PersonsProtected { get; set; }

    public ClueStatus Status { get; set; } = ClueStatus.Transferred;
    public required string CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public enum ClueStatus
{
    Transferred,
    Accepted,
    Concluded,
}
