using Xuncha.Core.Domain.Fieldwork;

namespace Xuncha.Core.Features.Fieldwork;

/// <summary>The person categories a round should reach in each village; the office may extend the lists here.</summary>
public static class PersonCategories
{
    /// <summary>By where the person is (按对象分布).</summary>
    public static readonly IReadOnlyList<string> ByPresence = ["在家群众", "外出人员", "关键对象", "疑难重点"];

    /// <summary>By who the person is (按群体).</summary>
    public static readonly IReadOnlyList<string> ByGroup = ["老党员", "乡贤", "低保户", "困难群众", "上访户", "两代表一委员"];

    public static readonly IReadOnlyList<string> All = [.. ByPresence, .. ByGroup];
}

/// <summary>Chinese text of 走访谈话 and 指导组.</summary>
public static class FieldworkTexts
{
    public const string ViewAction = "查看走访谈话记录";
    public const string WriteAction = "记录走访谈话";
    public const string GuidanceViewAction = "查看指导组工作";
    public const string GuidanceWriteAction = "记录蹲点指导和意见建议";
    public const string GroupEditAction = "设立或调整指导组";

    public static readonly IReadOnlyList<FieldRecordKind> Kinds = Enum.GetValues<FieldRecordKind>();

    public static string KindName(FieldRecordKind kind) => kind switch
    {
        FieldRecordKind.HomeVisit => "登门访",
        FieldRecordKind.PhoneVisit => "电话访",
        FieldRecordKind.RepeatVisit => "反复访",
        FieldRecordKind.FollowUp => "跟踪访",
        FieldRecordKind.Talk => "个别谈话",
        FieldRecordKind.DocumentReview => "查阅资料",
        _ => kind.ToString(),
    };

    public static bool NeedsPrevious(FieldRecordKind kind) => kind is FieldRecordKind.RepeatVisit or FieldRecordKind.FollowUp;

    public static bool HasPerson(FieldRecordKind kind) => kind != FieldRecordKind.DocumentReview;

    public static string StatusName(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Raised => "提出",
        SuggestionStatus.Adopted => "采纳",
        SuggestionStatus.Implemented => "落实",
        _ => status.ToString(),
    };

    public const string RoundRequired = "请选择巡察轮次。";
    public const string VillageRequired = "请选择村（社区）。";
    public const string NotATarget = "所选村（社区）不是该轮次的巡察对象，请重新选择。";
    public const string DateRequired = "请填写日期。";
    public const string DateInFuture = "日期不能晚于今天。";
    public const string PersonRequired = "请填写走访或谈话对象的姓名。";
    public const string CategoryRequired = "请选择人员类别。";
    public const string LearnedRequired = "请填写了解到的情况。";
    public const string PreviousNotFound = "找不到所关联的此前记录，请重新选择。";
    public const string PreviousOtherVillage = "所关联的记录不属于本村（社区），请重新选择。";
    public const string PreviousLater = "所关联的记录晚于本次日期，请选择此前的记录。";
    public const string LeadOtherVillage = "所选疑似问题不属于本村（社区），请重新选择。";
    public const string ItemOtherVillage = "所选检查事项不属于本村（社区）的一村一单，请重新选择。";
    public const string FindingOtherVillage = "所选问题不属于本村（社区），请重新选择。";
    public const string ReportOtherVillage = "关联的群众反映不属于该轮次的这个村（社区）。";
    public const string ChainedCannotDelete = "该记录已被后续的反复访或跟踪访关联，不能删除。";
    public const string GroupNameRequired = "请填写指导组名称。";
    public const string GroupRegionRequired = "请选择指导组负责的地区。";
    public const string GroupVillageOutside = "指导的村（社区）须在指导组负责的地区内。";
    public const string GroupVillageNotAssigned = "该村（社区）不是本指导组的蹲点村（社区）。";
    public const string ContentRequired = "请填写指导工作内容。";
    public const string SuggestionRequired = "请填写意见建议。";

    public static string CategoryUnknown(string value) => $"人员类别「{value}」不在可选范围内（{string.Join("、", PersonCategories.All)}）。";

    public static string PreviousRequired(FieldRecordKind kind) => $"{KindName(kind)}须关联此前的走访记录。";

    public static string RecordNotFound(Guid id) => $"找不到走访谈话记录 {id}，或它不在您的数据范围内。";

    public static string GroupNotFound(Guid id) => $"找不到指导组 {id}，或它不在您的数据范围内。";

    public static string SuggestionNotFound(Guid id) => $"找不到意见建议 {id}，或它不在您的数据范围内。";

    public static string CannotAdvance(SuggestionStatus from, SuggestionStatus to) =>
        $"该意见建议当前为「{StatusName(from)}」，不能直接改为「{StatusName(to)}」（须依次提出、采纳、落实）。";
}
