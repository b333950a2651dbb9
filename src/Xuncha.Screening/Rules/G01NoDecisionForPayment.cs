using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>大额支出未经民主决策: a large payment with no decision behind it.</summary>
public sealed class G01NoDecisionForPayment : Rule
{
    public override RuleCard Card { get; } = new(
        "G01", "大额支出未经民主决策", Severity.High,
        "《中国共产党农村基层组织工作条例》第十九条：村级重大事项决策实行“四议两公开”",
        "记账凭证分录、民主决策：付款金额达到标准，凭证各分录的决策编号均不在该村决策记录中",
        ["entries", "decisions"], [new("amount", 50000m, "付款达到此数须有民主决策（元）")],
        "2024-记-0120 号凭证（2024-07-02）向某公司支付 180,000.00 元，未关联任何民主决策记录");

    public override string Sql(RuleContext ctx) => $"""
        SELECT p.village_code, p.voucher_no AS ref, p.money_out AS amount, p.vdate, p.cp_label
        FROM payments p
        WHERE p.money_out >= {ctx.TS("amount")}
          AND NOT EXISTS (
              SELECT 1 FROM e JOIN dec d ON d.village_code = e.village_code AND d.decision_no = e.decision_no
              WHERE e.village_code = p.village_code AND e.voucher_no = p.voucher_no)
        """;

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var to = r.Str("cp_label") is { Length: > 0 } cp ? $"向{cp}" : "";
        return $"{r.Ref} 号凭证（{r.Date("vdate")}）{to}支付 {Money.Yuan(r.Amount)}，未关联任何民主决策记录（{Money.Number(ctx.T("amount"))} 元以上须经民主决策）";
    }
}
