namespace Xuncha.Core.Domain.People;

/// <summary>智囊团: an expert invited to a team or to a single finding.</summary>
public sealed class Expert
{
    public Guid Id { get; init; }
    public required string Name { get; set; }

    /// <summary>One of <see cref="ExpertFields"/>.</summary>
    public required string Field { get; set; }

    public string Unit { get; set; } = "";
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? HomeVillageCode { get; set; }

    /// <summary>The office whose pool he is in.</summary>
    public required string RegionCode { get; set; }

    public bool Available { get; set; } = true;
    public string? UserId { get; set; }
}

public static class ExpertFields
{
    public static readonly IReadOnlyList<string> All = ["乡村公共服务", "规划建设", "财务管理", "工程造价", "法律"];
}
