namespace Xuncha.Core.Domain.Regions;

/// <summary>
/// A node of the region tree. Codes are NBS statistical division codes with trailing zero
/// groups removed (city 3307, county 330782, township 330782001, village 330782001201), so a
/// node's descendants are exactly the codes that start with its code: scope checks are prefix checks.
/// </summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
    public Region? Parent { get; init; }

    /// <summary>村 / 社区 / 其他 for villages; 街道 / 镇 / 乡 for townships.</summary>
    public string? Kind { get; set; }

    public VillageProfile? Profile { get; set; }
}
