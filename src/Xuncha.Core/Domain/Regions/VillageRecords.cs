namespace Xuncha.Core.Domain.Regions;

/// <summary>A village cadre as the last package of the village listed him (for 回避).</summary>
public sealed class VillageCadre
{
    public Guid Id { get; init; }
    public required string VillageCode { get; init; }
    public string Name { get; set; } = "";
    public required string IdNumber { get; init; }
    public string Position { get; set; } = "";
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
}

/// <summary>A close relative of a village's cadre, from the package's relatives table.</summary>
public sealed class CadreRelative
{
    public Guid Id { get; init; }
    public required string VillageCode { get; init; }
    public required string CadreIdNumber { get; init; }
    public string RelativeName { get; set; } = "";
    public required string RelativeIdNumber { get; init; }
    public string Relation { get; set; } = "";
}

/// <summary>
/// A petition (信访举报) of a village from its package. The reporter's identity is protected data:
/// kept only as cipher text (ProtectedDataCipher), shown to permitted roles on the petition's own page.
/// </summary>
public sealed class Petition
{
    public Guid Id { get; init; }
    public required string VillageCode { get; init; }
    public required string PetitionNo { get; init; }
    public DateOnly ReceivedDate { get; set; }
    public string Category { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ReporterNameProtected { get; set; }
    public string? ReporterPhoneProtected { get; set; }
}
