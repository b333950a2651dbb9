using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>合同未经民主决策: a large contract with no recorded village decision.</summary>
public sealed class C07NoDecisionForContract : Rule
{
    public override RuleCard Card { get; } = new(
        "C07", "合同未经民主决策", Severity.Medium,
        "《中国共产党农村基层组织工作条例》第十九条：村级重大事项决策实行“四议两公开”",
        "合同、民主决策：合同金额达到标准但决策编号为空或在该村决策记录中找不到",
        ["contracts", "decisions"], [new("amount", 50000m, "合同金额达到此数须有民主决策（元）")],
        "合同 HT-2024-003（办公楼维修）金额 150,000.00 元，未填写决策编号，未经民主决策");

    public override string Sql(RuleContext ctx) => $"""
        SELECT c.village_code, c.contract_no AS ref, c.amount, c.subject, c.decision_no
        FROM con c
        WHERE c.amount >= {ctx.TS("amount")}
          AND (c.decision_no IS NULL
               OR NOT EXISTS (SELECT 1 FROM dec d WHERE d.village_code = c.village_code AND d.decision_no = c.decision_no))
        """;

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var why = r.Str("decision_no") is { Length: > 0 } no ? $"决策编号 {no} 在该村民主决策记录中不存在" : "未填写决策编号";
        return $"合同 {r.Ref}{C01NoPublicTender.Subject(r)}金额 {Money.Yuan(r.Amount)}，{why}，未经民主决策";
    }
}
