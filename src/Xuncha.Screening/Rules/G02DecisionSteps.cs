using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>四议两公开程序缺失: a decision that skipped a step or took them out of order.</summary>
public sealed class G02DecisionSteps : Rule
{
    private static readonly (string Column, string Name)[] Steps =
    [
        ("proposed", "党组织提议"),
        ("discussed", "两委商议"),
        ("reviewed", "党员大会审议"),
        ("resolved", "村民代表会议决议"),
        ("resolution_published", "决议公开"),
        ("result_published", "实施结果公开"),
    ];

    public override RuleCard Card { get; } = new(
        "G02", "四议两公开程序缺失", Severity.Low,
        "《中国共产党农村基层组织工作条例》第十九条：“四议两公开”——党组织提议、两委商议、党员大会审议、村民代表会议决议，决议公开、实施结果公开",
        "民主决策：六个步骤的日期是否齐全、先后是否正确",
        ["decisions"], [],
        "决策 JC-2024-05（村道改造）缺少“党员大会审议”“实施结果公开”的日期");

    public override string Sql(RuleContext ctx)
    {
        var cols = string.Join(", ", Steps.Select(s => s.Column));
        var missing = string.Join(" OR ", Steps.Select(s => $"{s.Column} IS NULL"));
        var order = string.Join(" OR ", Steps.Zip(Steps.Skip(1)).Select(p => $"{p.First.Column} > {p.Second.Column}"));
        return $"""
            SELECT village_code, decision_no AS ref, NULL::DECIMAL(18,2) AS amount, subject, {cols}
            FROM dec WHERE {missing} OR {order}
            """;
    }

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var subject = r.Str("subject") is { Length: > 0 } s ? $"（{s}）" : "";
        var missing = Steps.Where(s => r.Date(s.Column).Length == 0).Select(s => $"“{s.Name}”").ToList();
        if (missing.Count > 0)
        {
            return $"决策 {r.Ref}{subject}缺少{string.Join("", missing)}的日期";
        }

        var wrong = Steps.Zip(Steps.Skip(1)).First(p => string.CompareOrdinal(r.Date(p.First.Column), r.Date(p.Second.Column)) > 0);
        return $"决策 {r.Ref}{subject}程序顺序颠倒：“{wrong.Second.Name}”（{r.Date(wrong.Second.Column)}）早于“{wrong.First.Name}”（{r.Date(wrong.First.Column)}）";
    }
}
