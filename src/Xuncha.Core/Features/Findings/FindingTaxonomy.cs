namespace Xuncha.Core.Features.Findings;

/// <summary>
/// The problem taxonomy (workflow.md step 9), configurable under <c>Xuncha:Findings:Taxonomy</c>
/// as a map from a top-level category to its second-level categories.
/// </summary>
public sealed class FindingSettings
{
    public Dictionary<string, List<string>> Taxonomy { get; set; } = new();

    public IReadOnlyDictionary<string, List<string>> Effective => Taxonomy.Count > 0 ? Taxonomy : FindingTaxonomy.Default;
}

public static class FindingTaxonomy
{
    public const string Policy = "贯彻落实党的路线方针政策和决策部署";
    public const string Corruption = "群众身边腐败和不正之风";
    public const string PartyBuilding = "基层党组织建设";

    public static readonly IReadOnlyDictionary<string, List<string>> Default = new Dictionary<string, List<string>>
    {
        [Policy] = ["乡村振兴", "生态环保", "安全生产", "惠民政策落实"],
        [Corruption] = ["村级\"三资\"管理", "工程项目", "惠民惠农资金", "\"四议两公开\"", "财务制度", "作风问题"],
        [PartyBuilding] = ["党建基础", "组织生活", "党员发展与管理", "班子建设"],
    };

    public static readonly IReadOnlyList<string> Campaigns =
    [
        "漠视侵害群众利益问题专项治理",
        "群众身边不正之风和腐败问题集中整治",
        "农村集体“三资”管理专项整治",
    ];
}
