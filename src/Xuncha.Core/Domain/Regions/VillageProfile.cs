namespace Xuncha.Core.Domain.Regions;

/// <summary>
/// The profile of a village as in the data package's <c>villages</c> table
/// (shared spec data-package.md). Empty until a package or the demo seed fills it.
/// </summary>
public sealed class VillageProfile
{
    public required string VillageCode { get; init; }

    /// <summary>户籍人口</summary>
    public int? Population { get; set; }

    /// <summary>集体经济收入, last full year, yuan.</summary>
    public decimal? CollectiveIncome { get; set; }

    /// <summary>软弱涣散: party organisation rated weak and lax.</summary>
    public bool? WeakOrg { get; set; }

    /// <summary>重点工作推进评分 0–100, lower = worse progress.</summary>
    public decimal? KeyWorkScore { get; set; }

    /// <summary>上次巡察日期</summary>
    public DateOnly? LastInspected { get; set; }

    /// <summary>会计制度: "2004" or "2023".</summary>
    public string? Chart { get; set; }

    /// <summary>Contracts in the last package (choose checklist items).</summary>
    public int? Contracts { get; set; }

    /// <summary>Total of works (工程) contracts in the last package, yuan.</summary>
    public decimal? WorksAmount { get; set; }

    /// <summary>Distinct subsidy recipients in the last package.</summary>
    public int? SubsidyRecipients { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When a data package of this village was last screened.</summary>
    public DateTimeOffset? LastScreenedAt { get; set; }
}
