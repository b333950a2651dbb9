using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>应收款长期挂账: money owed to the village for years, never collected.</summary>
public sealed class R07OldReceivable : Rule
{
    public override RuleCard Card { get; } = new(
        "R07", "应收款长期挂账", Severity.Low,
        "《农村集体经济组织会计制度》：应收款项应及时清理催收，长期挂账的应查明原因",
        "记账凭证分录：应收款科目按往来方先进先出核销，截至基准日仍未核销且已超过年限的借方发生额",
        ["entries"], [new("years", 3m, "借方发生额早于基准日此年数仍未收回即提示")],
        "2020-记-0015 号凭证（2020-04-01）应收李某 20,000.00 元，截至 2024-06-30 仍有 15,000.00 元未收回，挂账超过 3 年");

    public override string Sql(RuleContext ctx)
    {
        var limit = RuleContext.Sql(ctx.AsOf.AddYears(-(int)ctx.T("years")));
        return $"""
            WITH r AS (
                SELECT village_code, coalesce(counterparty_id, counterparty) AS cp, counterparty,
                       voucher_no, date, lkey, dr, cr
                FROM e WHERE cls = 'receivable' AND coalesce(counterparty_id, counterparty) IS NOT NULL),
            credits AS (SELECT village_code, cp, sum(cr) AS total FROM r GROUP BY 1, 2),
            debits AS (
                SELECT *, sum(dr) OVER (PARTITION BY village_code, cp ORDER BY date, voucher_no, lkey ROWS UNBOUNDED PRECEDING) AS cum
                FROM r WHERE dr > 0)
            SELECT d.village_code, d.voucher_no AS ref,
                   sum(least(d.dr, greatest(0, d.cum - coalesce(c.total, 0)))) AS amount,
                   min(d.date) AS debit_date, sum(d.dr) AS debit_total,
                   coalesce(any_value(d.counterparty), any_value(d.cp)) AS cp_label
            FROM debits d LEFT JOIN credits c ON c.village_code = d.village_code AND c.cp = d.cp
            WHERE d.date < {limit} AND d.cum - coalesce(c.total, 0) > 0
            GROUP BY d.village_code, d.voucher_no
            """;
    }

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{r.Ref} 号凭证（{r.Date("debit_date")}）应收{r.Str("cp_label")} {Money.Yuan(r.Dec("debit_total"))}，截至 {ctx.AsOf:yyyy-MM-dd} 仍有 {Money.Yuan(r.Amount)}未收回，挂账超过 {Money.Number(ctx.T("years"))} 年";
}
