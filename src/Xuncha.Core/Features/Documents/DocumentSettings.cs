namespace Xuncha.Core.Features.Documents;

/// <summary>
/// Configuration section "Xuncha:Documents": which lists go with the report (一报告四清单) and their
/// columns, chosen by key from <see cref="DocumentColumns"/>. Empty means the four default lists.
/// </summary>
public sealed class DocumentSettings
{
    public const string Section = "Xuncha:Documents";

    public List<ListSetting> Lists { get; set; } = [];

    /// <summary>Words in 责任人/单位 that make it a leading (领导) rather than a direct (直接) responsibility.</summary>
    public List<string> LeaderWords { get; set; } = [];

    public IReadOnlyList<ListSetting> EffectiveLists => Lists.Count > 0 ? Lists : Defaults;

    public IReadOnlyList<string> EffectiveLeaderWords => LeaderWords.Count > 0 ? LeaderWords : ["书记", "主任", "社长", "班子", "两委", "党组织", "党委", "政府"];

    public ListSetting? Find(string key) => EffectiveLists.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.OrdinalIgnoreCase));

    public static readonly IReadOnlyList<ListSetting> Defaults =
    [
        new() { Key = DocumentColumns.Problems, Title = "问题清单", Columns = ["no", "category", "description", "amount", "recovered", "source", "onTheSpot"] },
        new() { Key = DocumentColumns.Responsibilities, Title = "责任清单", Columns = ["no", "problem", "responsible", "responsibilityType"] },
        new() { Key = DocumentColumns.Tasks, Title = "整改任务清单", Columns = ["no", "problem", "measures", "owner", "deadline"] },
        new() { Key = DocumentColumns.Clues, Title = "问题线索移交清单", Columns = ["no", "problem", "transferredOn", "toUnit", "status", "content", "persons"] },
    ];
}

/// <summary>One list: its kind (problems / responsibilities / tasks / clues), title and column keys in order.</summary>
public sealed class ListSetting
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Columns { get; set; } = [];
}
