using Xuncha.Core.Domain.Regions;

namespace Xuncha.Core.Features.Feedback;

/// <summary>
/// 四级反馈 and common-problem letters as configuration (workflow.md: every list is data with
/// defaults), bound from <c>Xuncha:Feedback</c>.
/// </summary>
public sealed class FeedbackSettings
{
    /// <summary>The levels in order; each names who gives and who receives, and which region level receives.</summary>
    public List<FeedbackLevel> Levels { get; set; } = [];

    /// <summary>What may be handed over at a feedback meeting.</summary>
    public List<string> Documents { get; set; } = [];

    /// <summary>A category found in at least this share of the villages inspected is 面上共性问题.</summary>
    public decimal CommonShare { get; set; } = 0.2m;

    /// <summary>… and in at least this many villages.</summary>
    public int CommonMinVillages { get; set; } = 3;

    /// <summary>A county's 突出问题: its categories with at least this many findings.</summary>
    public int ProminentMinFindings { get; set; } = 2;

    /// <summary>Second-level category → the city department a 面上共性问题 letter goes to.</summary>
    public Dictionary<string, string> Departments { get; set; } = [];

    public IReadOnlyList<FeedbackLevel> EffectiveLevels => Levels.Count > 0 ? Levels : DefaultLevels;

    public IReadOnlyList<string> EffectiveDocuments => Documents.Count > 0 ? Documents : DefaultDocuments;

    public string DepartmentFor(string? categoryL2, string? categoryL1) =>
        categoryL2 is not null && Departments.TryGetValue(categoryL2, out var d) ? d
        : categoryL2 is not null && DefaultDepartments.TryGetValue(categoryL2, out var def) ? def
        : categoryL1 is not null && DefaultDepartments.TryGetValue(categoryL1, out var top) ? top
        : "市委组织部";

    public static readonly IReadOnlyList<FeedbackLevel> DefaultLevels =
    [
        new() { Level = 1, Name = "市级反馈", Giver = "市委巡察机构", Receiver = "县（市、区）委", ReceiverLevel = RegionLevel.County },
        new() { Level = 2, Name = "县级反馈", Giver = "县（市、区）委", Receiver = "乡镇（街道）党（工）委", ReceiverLevel = RegionLevel.Township },
        new() { Level = 3, Name = "乡镇反馈", Giver = "乡镇（街道）党（工）委", Receiver = "村（社区）党组织", ReceiverLevel = RegionLevel.Village },
        new() { Level = 4, Name = "村级反馈", Giver = "村（社区）党组织", Receiver = "党员和群众", ReceiverLevel = RegionLevel.Village },
    ];

    public static readonly IReadOnlyList<string> DefaultDocuments = ["巡察反馈意见", "问题清单", "责任清单", "整改任务清单", "问题线索移交清单", "整改通知书"];

    private static readonly Dictionary<string, string> DefaultDepartments = new()
    {
        ["村级\"三资\"管理"] = "市农业农村局",
        ["工程项目"] = "市住房和城乡建设局",
        ["惠民惠农资金"] = "市民政局",
        ["\"四议两公开\""] = "市委组织部",
        ["财务制度"] = "市财政局",
        ["作风问题"] = "市纪委市监委",
        ["乡村振兴"] = "市农业农村局",
        ["生态环保"] = "市生态环境局",
        ["安全生产"] = "市应急管理局",
        ["惠民政策落实"] = "市民政局",
        ["基层党组织建设"] = "市委组织部",
    };
}

public sealed class FeedbackLevel
{
    public int Level { get; set; }
    public string Name { get; set; } = "";
    public string Giver { get; set; } = "";
    public string Receiver { get; set; } = "";

    /// <summary>The region level whose organisation receives: county, township or village.</summary>
    public RegionLevel ReceiverLevel { get; set; } = RegionLevel.Village;

    public string Label => $"{Name}（{Giver}→{Receiver}）";
}
