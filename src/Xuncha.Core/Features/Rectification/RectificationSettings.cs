namespace Xuncha.Core.Features.Rectification;

/// <summary>
/// 四方整改 owner kinds and the escalation ladder, configurable under <c>Xuncha:Rectification</c>.
/// The defaults follow workflow.md step 12.
/// </summary>
public sealed class RectificationSettings
{
    public List<OwnerKind> OwnerKinds { get; set; } = [];

    public List<EscalationStep> Escalation { get; set; } = [];

    public IReadOnlyList<OwnerKind> EffectiveOwnerKinds => OwnerKinds.Count > 0 ? OwnerKinds : DefaultOwnerKinds;

    /// <summary>Steps ordered by days overdue; level N is the N-th step.</summary>
    public IReadOnlyList<EscalationStep> EffectiveEscalation => (Escalation.Count > 0 ? Escalation : DefaultEscalation).OrderBy(s => s.AfterDays).ToList();

    public string OwnerKindName(string key) => EffectiveOwnerKinds.FirstOrDefault(k => k.Key == key)?.Name ?? key;

    public static readonly IReadOnlyList<OwnerKind> DefaultOwnerKinds =
    [
        new() { Key = "village-org", Name = "村党组织", Responsibility = "直接责任" },
        new() { Key = "township", Name = "乡镇党委", Responsibility = "领导责任" },
        new() { Key = "department", Name = "县级主管部门", Responsibility = "监管责任" },
        new() { Key = "oversight", Name = "巡察机构、纪检监察机关", Responsibility = "监督责任" },
    ];

    public static readonly IReadOnlyList<EscalationStep> DefaultEscalation =
    [
        new() { AfterDays = 1, Name = "逾期提醒", Notify = ["rectification-owner", "county-office"] },
        new() { AfterDays = 7, Name = "县级督办", Notify = ["county-office"] },
        new() { AfterDays = 15, Name = "市级督办", Notify = ["city-office"] },
    ];
}

public sealed class OwnerKind
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Responsibility { get; set; } = "";
}

/// <summary>Reached when a task is <see cref="AfterDays"/> days overdue; <see cref="Notify"/> lists role keys told about it.</summary>
public sealed class EscalationStep
{
    public int AfterDays { get; set; }
    public string Name { get; set; } = "";
    public List<string> Notify { get; set; } = [];
}
