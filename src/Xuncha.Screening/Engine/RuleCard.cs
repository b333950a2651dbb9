namespace Xuncha.Screening.Engine;

public enum Severity
{
    High,
    Medium,
    Low,
}

public static class SeverityNames
{
    public static string ToChinese(this Severity s) => s switch
    {
        Severity.High => "高",
        Severity.Medium => "中",
        _ => "低",
    };
}

/// <summary>A threshold a deployment may override in its rules file.</summary>
public sealed record ThresholdSpec(string Key, decimal Default, string Description);

/// <summary>What a rule is, for the rule library page and the run record.</summary>
public sealed record RuleCard(
    string Code,
    string Name,
    Severity Severity,
    string Basis,
    string Reads,
    IReadOnlyList<string> Tables,
    IReadOnlyList<ThresholdSpec> Thresholds,
    string Example);
