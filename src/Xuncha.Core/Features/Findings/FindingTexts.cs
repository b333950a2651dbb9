using Xuncha.Core.Domain.Findings;

namespace Xuncha.Core.Features.Findings;

/// <summary>The findings area's user-facing text.</summary>
public static class FindingTexts
{
    public const string ViewAction = "查看问题台账";
    public const string EditAction = "登记或修改问题";
    public const string ClueListAction = "查看线索移交清单";
    public const string ClueReadAction = "查看问题线索内容（仅纪检监察和市巡察办可查看）";
    public const string NotFound = "找不到该问题。";
    public const string TransferredLabel = "已移交纪检监察";

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["lead"] = "数据筛查线索",
        ["visit"] = "走访谈话",
        ["report"] = "群众举报",
        ["petition"] = "信访件",
        ["review"] = "查阅资料",
    };

    public static string SourceName(string source) => Sources.GetValueOrDefault(source, source);

    public static string StatusName(FindingStatus s) => s switch
    {
        FindingStatus.Open => "待整改",
        FindingStatus.Rectifying => "整改中",
        _ => "已整改",
    };

    public static string ClueStatusName(ClueStatus s) => s switch
    {
        ClueStatus.Transferred => "已移交",
        ClueStatus.Accepted => "已受理",
        _ => "已办结",
    };
}
