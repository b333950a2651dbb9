using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>向村干部或其近亲属付款: money to the people who decide on it.</summary>
public sealed class R06PaymentToCadre : Rule
{
    public override RuleCard Card { get; } = new(
        "R06", "向村干部或其近亲属付款", Severity.High,
        "《中国共产党农村基层组织工作条例》《村民委员会组织法》：村干部及其近亲属与村集体的经济往来应回避并公开",
        "记账凭证分录、村干部、亲属关系：付款的收款方证件号在付款日是该村在任干部或其近亲属（干部本人领取工资除外）",
        ["entries", "cadres"], [],
        "2024-记-0088 号凭证（2024-06-18）向 330782199001011234 支付 35,000.00 元，收款人为该村书记王某的配偶");

    public override string Sql(RuleContext ctx) => $"""
        SELECT p.village_code, p.voucher_no AS ref, p.money_out AS amount, p.vdate, p.cp_id, p.cp_label,
               {Preparation.LinkDescription("p.village_code", "p.cp_id", "p.vdate")} AS link
        FROM payments p
        WHERE p.cp_id IS NOT NULL
          AND {Preparation.LinkedAt("p.village_code", "p.cp_id", "p.vdate")}
          AND NOT (p.all_debits_payroll AND EXISTS (
                SELECT 1 FROM links l WHERE l.is_cadre AND l.village_code = p.village_code AND l.person_id = p.cp_id
                  AND (l.from_date IS NULL OR l.from_date <= p.vdate) AND (l.to_date IS NULL OR l.to_date >= p.vdate)))
        """;

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var who = r.Str("cp_label") == r.Str("cp_id") ? r.Str("cp_id") : $"{r.Str("cp_label")}（{r.Str("cp_id")}）";
        return $"{r.Ref} 号凭证（{r.Date("vdate")}）向{who}支付 {Money.Yuan(r.Amount)}，收款人为该村{r.Str("link")}";
    }
}
