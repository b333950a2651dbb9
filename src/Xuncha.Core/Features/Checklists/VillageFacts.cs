using System.Globalization;
using Xuncha.Core.Domain.Checklists;

namespace Xuncha.Core.Features.Checklists;

/// <summary>What generation knows of a village: its profile, petition categories of the window, lead counts per rule.</summary>
public sealed record VillageFacts(
    decimal? CollectiveIncome,
    decimal? WorksAmount,
    int? SubsidyRecipients,
    bool WeakOrg,
    IReadOnlyList<string> PetitionCategories,
    IReadOnlyDictionary<string, int> LeadsByRule)
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Why the template item applies to the village, in Chinese with the numbers; null when it does not.</summary>
    public string? ReasonFor(ChecklistTemplateItem t)
    {
        var p = t.Parameter?.Trim() ?? "";
        switch (t.Condition)
        {
            case ChecklistCondition.Always:
                return ChecklistTexts.AlwaysReason;
            case ChecklistCondition.WeakOrganisation:
                return WeakOrg ? ChecklistTexts.WeakOrgReason : null;
            case ChecklistCondition.CollectiveIncomeAtLeast:
                return Threshold(p) is { } income && CollectiveIncome >= income
                    ? $"集体经济收入 {Wan(CollectiveIncome.Value)} 万元 ≥ {Wan(income)} 万元" : null;
            case ChecklistCondition.WorksAmountAtLeast:
                return Threshold(p) is { } works && WorksAmount >= works
                    ? $"工程合同金额 {Wan(WorksAmount.Value)} 万元 ≥ {Wan(works)} 万元" : null;
            case ChecklistCondition.SubsidyRecipientsAtLeast:
                return Threshold(p) is { } people && SubsidyRecipients >= people
                    ? $"补贴发放对象 {SubsidyRecipients} 人 ≥ {people:0.##} 人" : null;
            case ChecklistCondition.PetitionCategory:
                var n = p.Length == 0 ? 0 : PetitionCategories.Count(c => c.Contains(p, StringComparison.Ordinal));
                return n > 0 ? $"近 12 个月信访 {n} 件（{p}）" : null;
            case ChecklistCondition.LeadRule:
                return LeadsByRule.TryGetValue(p.ToUpperInvariant(), out var leads) && leads > 0 ? $"疑似问题 {p.ToUpperInvariant()} {leads} 条" : null;
            default:
                return null;
        }
    }

    /// <summary>Yuan in 万元: two decimals, or none when the figure is whole (a threshold like 100 万元).</summary>
    public static string Wan(decimal yuan)
    {
        var wan = yuan / 10000m;
        return wan == decimal.Truncate(wan) ? wan.ToString("N0", Zh) : wan.ToString("N2", Zh);
    }

    internal static decimal? Threshold(string parameter) =>
        decimal.TryParse(parameter, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;
}
