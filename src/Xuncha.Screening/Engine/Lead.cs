namespace Xuncha.Screening.Engine;

/// <summary>One suspicion: a rule, a village, the evidence key(s), the amount at risk and a sentence.</summary>
public sealed record Lead(
    string RuleCode,
    string RuleName,
    Severity Severity,
    string VillageCode,
    string Ref,
    decimal? Amount,
    string Explanation);
