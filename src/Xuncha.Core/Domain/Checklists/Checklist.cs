namespace Xuncha.Core.Domain.Checklists;

/// <summary>
/// A check item of the templates (一村一单 "体检套餐"): common to every village or chosen by a
/// condition on the village's profile or leads. Templates are data the office edits.
/// </summary>
public sealed class ChecklistTemplateItem
{
    public Guid Id { get; init; }

    /// <summary>三资管理, 工程项目, 惠民惠农资金, 四议两公开, 党建, 作风 …</summary>
    public required string Area { get; set; }

    public required string Text { get; set; }
    public ChecklistCondition Condition { get; set; }

    /// <summary>The condition's parameter: a threshold, a petition category or a rule code.</summary>
    public string? Parameter { get; set; }

    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

public enum ChecklistCondition
{
    /// <summary>Every village.</summary>
    Always = 0,

    /// <summary>集体经济收入 ≥ parameter (yuan).</summary>
    CollectiveIncomeAtLeast = 1,

    /// <summary>Works contracts (工程) totalling ≥ parameter (yuan).</summary>
    WorksAmountAtLeast = 2,

    /// <summary>Distinct subsidy recipients ≥ parameter.</summary>
    SubsidyRecipientsAtLeast = 3,

    /// <summary>A petition in the last 12 months whose category contains the parameter.</summary>
    PetitionCategory = 4,

    /// <summary>An open or confirmed lead of the rule named by the parameter (e.g. R01).</summary>
    LeadRule = 5,

    /// <summary>The party organisation is rated weak and lax (软弱涣散).</summary>
    WeakOrganisation = 6,
}

/// <summary>An item of one village's checklist in a round.</summary>
public sealed class ChecklistItem
{
    public Guid Id { get; init; }
    public Guid RoundTargetId { get; init; }
    public Guid? TemplateItemId { get; init; }
    public required string Area { get; set; }
    public required string Text { get; set; }

    /// <summary>Why the item is on this village's list (e.g. "疑似问题 R01 2 条").</summary>
    public string Reason { get; set; } = "";

    public ChecklistItemStatus Status { get; set; }
    public string Note { get; set; } = "";
    public Guid? FindingId { get; set; }
    public int SortOrder { get; set; }
    public string? UpdatedById { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

public enum ChecklistItemStatus
{
    /// <summary>未查</summary>
    Unchecked = 0,

    /// <summary>已查无问题</summary>
    Clear = 1,

    /// <summary>发现问题</summary>
    Problem = 2,
}
