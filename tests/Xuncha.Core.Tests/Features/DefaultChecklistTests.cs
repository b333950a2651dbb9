using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Features.Checklists;
using Xuncha.Screening.Engine;

namespace Xuncha.Core.Tests.Features;

public sealed class DefaultChecklistTests
{
    [Fact]
    public void Templates_HaveOneFieldCheckPerRuleOfThePack()
    {
        var ruleItems = DefaultChecklist.Items.Where(i => i.Condition == ChecklistCondition.LeadRule).Select(i => i.Parameter!).ToList();
        Assert.Equal(RulePack.Rules.Select(r => r.Card.Code).Order(StringComparer.Ordinal), ruleItems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Templates_CoverEveryAreaWithCommonItems_AndFitTheColumns()
    {
        Assert.All(DefaultChecklist.Areas, a => Assert.Contains(DefaultChecklist.Items, i => i.Area == a && i.Condition == ChecklistCondition.Always));
        Assert.All(DefaultChecklist.Items, i => Assert.InRange(i.Text.Length, 10, 500));
        Assert.Equal(DefaultChecklist.Items.Count, DefaultChecklist.Items.Select(i => i.Text).Distinct().Count());
        var sortOrders = DefaultChecklist.Templates().Select(t => t.SortOrder).ToList();
        Assert.Equal(sortOrders.Count, sortOrders.Distinct().Count());
    }

    [Fact]
    public void Reason_StatesTheNumbersBehindEachCondition()
    {
        var facts = new VillageFacts(2_563_000m, 499_999.99m, 200, true, ["土地征收", "土地流转", "低保"], new Dictionary<string, int> { ["R01"] = 2 });
        string? Reason(ChecklistCondition c, string? p) => facts.ReasonFor(new ChecklistTemplateItem { Area = "x", Text = "x", Condition = c, Parameter = p });

        Assert.Equal("集体经济收入 256.30 万元 ≥ 100 万元", Reason(ChecklistCondition.CollectiveIncomeAtLeast, "1000000"));
        Assert.Null(Reason(ChecklistCondition.CollectiveIncomeAtLeast, "3000000"));
        Assert.Null(Reason(ChecklistCondition.WorksAmountAtLeast, "500000"));
        Assert.Equal("补贴发放对象 200 人 ≥ 200 人", Reason(ChecklistCondition.SubsidyRecipientsAtLeast, "200"));
        Assert.Equal("近 12 个月信访 2 件（土地）", Reason(ChecklistCondition.PetitionCategory, "土地"));
        Assert.Null(Reason(ChecklistCondition.PetitionCategory, "工程"));
        Assert.Equal("疑似问题 R01 2 条", Reason(ChecklistCondition.LeadRule, "r01"));
        Assert.Null(Reason(ChecklistCondition.LeadRule, "R02"));
        Assert.Equal("村党组织被列为软弱涣散", Reason(ChecklistCondition.WeakOrganisation, null));
        Assert.Null(Reason(ChecklistCondition.CollectiveIncomeAtLeast, "一百万"));
    }
}
