using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>无发票列支（白条）: spending booked without an invoice.</summary>
public sealed class R03NoInvoice : Rule
{
    public override RuleCard Card { get; } = new(
        "R03", "无发票列支（白条）", Severity.Low,
        "《中华人民共和国发票管理办法》第二十一条：不符合规定的发票不得作为财务报销凭证；村级财务严禁白条入账",
        "记账凭证分录：付款凭证中借记支出或在建工程且未填发票号码的分录",
        ["entries"], [new("min_line", 500m, "单条分录金额达到此数且无发票即提示（元）")],
        "2024-记-0077 号凭证列支管理费用 1,200.00 元未附发票（白条入账），付款 1,200.00 元");

    public override string Sql(RuleContext ctx) => $"""
        SELECT p.village_code, p.voucher_no AS ref, any_value(p.money_out) AS amount,
               arg_min(e.account_name, e.lkey) AS account_name, sum(e.dr) AS line_total
        FROM payments p
        JOIN e ON e.village_code = p.village_code AND e.voucher_no = p.voucher_no
        WHERE e.cls IN ('expense', 'construction') AND e.dr >= {ctx.TS("min_line")} AND e.invoice_no IS NULL
        GROUP BY p.village_code, p.voucher_no
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{r.Ref} 号凭证列支{r.Str("account_name")} {Money.Yuan(r.Dec("line_total"))}未附发票（白条入账），付款 {Money.Yuan(r.Amount)}";
}
