using Xuncha.Core.Domain.Users;

namespace Xuncha.Core.Features.Feedback;

/// <summary>
/// The offices record feedback meetings; teams, guidance groups and rectification owners read
/// those held for regions within their scope (a township sees its own and its villages').
/// </summary>
public static class FeedbackAccess
{
    public static readonly IReadOnlySet<string> Editors = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };

    public static readonly IReadOnlySet<string> Readers = new HashSet<string>
        { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup, Roles.RectificationOwner };

    /// <summary>面上共性问题 and 突出问题: the offices that write the letters.</summary>
    public static readonly IReadOnlySet<string> ProblemAnalysts = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice };
}

public static class FeedbackTexts
{
    public const string ViewAction = "查看反馈记录";
    public const string EditAction = "登记反馈记录";
    public const string AnalyseAction = "分析共性问题";
    public const string NotFound = "找不到该反馈记录，或它不在您的数据范围内。";
    public const string RoundRequired = "请选择巡察轮次。";
    public const string RoundNotFound = "找不到该巡察轮次，或它不在您的数据范围内。";
    public const string LevelUnknown = "请选择反馈层级。";
    public const string DateRequired = "请填写反馈日期。";
    public const string DateInFuture = "反馈日期不能晚于今天。";
    public const string AttendeesRequired = "请填写参加人员。";
    public const string AttendeesTooLong = "参加人员不能超过 1000 字。";
    public const string NotesTooLong = "备注不能超过 2000 字。";
    public const string PeriodRequired = "请选择巡察轮次或年度。";

    public static string DateBeforeRound(DateOnly start) => $"反馈日期不能早于本轮巡察开始日期（{start:yyyy-MM-dd}）。";

    public static string RegionWrongLevel(string levelName, string receiver) => $"「{levelName}」的接收方是{receiver}，请选择本轮巡察涉及的相应地区。";

    public static string Duplicate(string levelName, string region) => $"{region}的「{levelName}」已登记，请修改原记录。";
}
