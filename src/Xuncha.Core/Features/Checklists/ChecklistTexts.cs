using Xuncha.Core.Domain.Checklists;

namespace Xuncha.Core.Features.Checklists;

/// <summary>The Chinese of the 一村一单 area: status and condition names, messages.</summary>
public static class ChecklistTexts
{
    public const string ViewAction = "查看一村一单";
    public const string GenerateAction = "生成一村一单";
    public const string CheckAction = "填写检查情况";
    public const string EditAction = "修改或删除检查事项";
    public const string TemplateViewAction = "查看清单模板";
    public const string TemplateEditAction = "维护清单模板";
    public const string AlwaysReason = "通用检查事项";
    public const string WeakOrgReason = "村党组织被列为软弱涣散";
    public const string CustomReason = "手工添加";
    public const string TextRequired = "请填写检查事项。";
    public const string AreaRequired = "请选择或填写类别。";
    public const string TextTooLong = "检查事项不能超过 500 字。";
    public const string AreaTooLong = "类别不能超过 30 字。";
    public const string NoteTooLong = "备注不能超过 2000 字。";
    public const string CheckedCannotBeRemoved = "该事项已检查，不能删除；如需调整请修改检查情况。";
    public const string FindingOnlyForProblem = "只有“发现问题”的事项才能关联问题。";
    public const string FindingOfOtherVillage = "所选问题不属于本村（社区），请重新选择。";
    public const string ParameterRequired = "该条件需要填写参数。";
    public const string ParameterNotNumber = "参数应为不小于 0 的数字（金额以元计，人数以人计）。";
    public const string ParameterNotRule = "参数应为规则库中的规则编号，例如 R01。";
    public const string ParameterTooLong = "参数不能超过 50 字。";
    public const string NoTargetsInScope = "该轮次没有您数据范围内的巡察对象。";

    public static string RoundNotFound(Guid id) => $"找不到巡察轮次「{id}」。";
    public static string TargetNotFound(Guid id) => $"找不到巡察对象「{id}」。";
    public static string ItemNotFound(Guid id) => $"找不到检查事项「{id}」。";
    public static string TemplateNotFound(Guid id) => $"找不到模板事项「{id}」。";
    public static string RoundOutOfScope(string name, string scope) => $"无权查看轮次「{name}」：其巡察对象不在您的数据范围（{scope}）内。";

    public static string StatusName(ChecklistItemStatus s) => s switch
    {
        ChecklistItemStatus.Clear => "已查无问题",
        ChecklistItemStatus.Problem => "发现问题",
        _ => "未查",
    };

    public static string ConditionName(ChecklistCondition c) => c switch
    {
        ChecklistCondition.Always => "所有村社",
        ChecklistCondition.CollectiveIncomeAtLeast => "集体经济收入不低于（元）",
        ChecklistCondition.WorksAmountAtLeast => "工程合同金额不低于（元）",
        ChecklistCondition.SubsidyRecipientsAtLeast => "补贴发放对象不少于（人）",
        ChecklistCondition.PetitionCategory => "近 12 个月有该类信访",
        ChecklistCondition.LeadRule => "有该规则的疑似问题",
        ChecklistCondition.WeakOrganisation => "软弱涣散村党组织",
        _ => c.ToString(),
    };
}
