using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>大额现金支付: dealings of 1,000 yuan and up go by bank transfer.</summary>
public sealed class R02LargeCashPayment : Rule
{
    public override RuleCard Card { get; } = new(
        "R02", "大额现金支付", Severity.Medium,
        "《现金管理暂行条例》及浙江省村级财务管理规定：千元以上往来原则上通过银行转账结算",
        "记账凭证分录：贷记现金的付款凭证，或结算方式为现金的付款",
        ["entries"], [new("cash_limit", 1000m, "现金支付金额达到此数即提示（元）")],
        "2024-记-0102 号凭证（2024-05-06）以现金向张某支付 8,600.00 元，达到 1,000 元应转账结算的标准");

    public override string Sql(RuleContext ctx) => $"""
        SELECT village_code, voucher_no AS ref, money_out AS amount, vdate, cp_label, cash_out
        FROM payments
        WHERE cash_out >= {ctx.TS("cash_limit")} OR (cash_method AND money_out >= {ctx.TS("cash_limit")})
        """;

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var to = r.Str("cp_label") is { Length: > 0 } cp ? $"向{cp}" : "";
        return $"{r.Ref} 号凭证（{r.Date("vdate")}）以现金{to}支付 {Money.Yuan(r.Amount)}，达到 {Money.Number(ctx.T("cash_limit"))} 元应转账结算的标准";
    }
}
