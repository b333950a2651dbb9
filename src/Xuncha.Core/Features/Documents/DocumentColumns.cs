using Xuncha.Documents;

namespace Xuncha.Core.Features.Documents;

/// <summary>The columns each kind of list can show: key → header and relative width.</summary>
public static class DocumentColumns
{
    public const string Problems = "problems";
    public const string Responsibilities = "responsibilities";
    public const string Tasks = "tasks";
    public const string Clues = "clues";

    /// <summary>Columns of the clue list that carry protected text: only <c>FindingAccess.ClueReaders</c> get them.</summary>
    public static readonly IReadOnlySet<string> Protected = new HashSet<string> { "content", "persons" };

    private static readonly ListColumn No = new("no", "序号", 0.6);
    private static readonly ListColumn Village = new("village", "村（社区）", 1.4);
    private static readonly ListColumn Problem = new("problem", "问题", 3);

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<ListColumn>> Known = new Dictionary<string, IReadOnlyList<ListColumn>>
    {
        [Problems] =
        [
            No, Village, new("category", "问题类别", 1.6), Problem, new("description", "问题描述", 4), new("amount", "涉及金额（元）", 1.3),
            new("recovered", "挽回损失（元）", 1.3), new("source", "来源", 1.2), new("onTheSpot", "立行立改", 0.9), new("status", "整改状态", 1),
        ],
        [Responsibilities] = [No, Village, Problem, new("category", "问题类别", 1.6), new("responsible", "责任人/单位", 2.2), new("responsibilityType", "责任类型", 1.2)],
        [Tasks] = [No, Village, Problem, new("measures", "整改措施", 3), new("owner", "责任单位", 1.8), new("deadline", "整改时限", 1.2)],
        [Clues] =
        [
            No, Village, Problem, new("transferredOn", "移交日期", 1.3), new("toUnit", "移交单位", 2), new("status", "状态", 1),
            new("content", "线索内容", 3.5), new("persons", "涉及人员", 1.8),
        ],
    };

    /// <summary>The columns of a configured list that exist for its kind, in the configured order.</summary>
    public static IReadOnlyList<ListColumn> Resolve(ListSetting list) =>
        Known.TryGetValue(list.Key, out var known)
            ? list.Columns.Select(k => known.FirstOrDefault(c => c.Key == k)).OfType<ListColumn>().ToList()
            : throw new InvalidOperationException($"未知的清单「{list.Key}」：可选 {string.Join("、", Known.Keys)}。");
}
