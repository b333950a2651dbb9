using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>重复支付: the same amount paid twice to one counterparty, or one invoice used twice.</summary>
public sealed class R05DuplicatePayment : Rule
{
    public override RuleCard Card { get; } = new(
        "R05", "重复支付", Severity.Medium,
        "《会计基础工作规范》：原始凭证不得重复使用；同一事项不得重复报销",
        "记账凭证分录：同一收款方、同一金额、窗口期内的两笔付款（工资和带合同编号的分期款除外）；同一发票号码出现在两张凭证",
        ["entries"],
        [
            new("min_amount", 1000m, "金额达到此数才比较（元）"),
            new("window_days", 90m, "两笔付款相隔不超过此天数"),
        ],
        "2024-记-0045 号与 2024-记-0061 号凭证在 16 天内向某公司各支付 8,000.00 元，疑似重复支付");

    public override string Sql(RuleContext ctx) => $"""
        WITH candidates AS (
            SELECT * FROM payments
            WHERE cp_key IS NOT NULL AND money_out >= {ctx.TS("min_amount")} AND NOT debits_payroll AND NOT has_contract),
        p AS (
            SELECT * FROM candidates SEMI JOIN (
                SELECT village_code, cp_key, money_out FROM candidates GROUP BY 1, 2, 3 HAVING count(*) >= 2
            ) USING (village_code, cp_key, money_out)),
        same_amount AS (
            SELECT a.village_code, a.voucher_no || chr(31) || b.voucher_no AS ref, b.money_out AS amount,
                   'amount' AS kind, a.voucher_no AS first_no, b.voucher_no AS second_no,
                   b.vdate - a.vdate AS days, a.cp_label AS cp_label, NULL AS invoice_no
            FROM p a JOIN p b
              ON a.village_code = b.village_code AND a.cp_key = b.cp_key AND a.money_out = b.money_out
             AND (a.vdate < b.vdate OR (a.vdate = b.vdate AND a.voucher_no < b.voucher_no))
             AND b.vdate - a.vdate <= {ctx.TS("window_days")}),
        shared AS (
            SELECT village_code, invoice_no FROM e WHERE invoice_no IS NOT NULL
            GROUP BY 1, 2 HAVING count(DISTINCT voucher_no) >= 2),
        inv AS (SELECT DISTINCT village_code, invoice_no, voucher_no FROM e SEMI JOIN shared USING (village_code, invoice_no)),
        inv_pairs AS (
            SELECT a.village_code, a.voucher_no AS va, b.voucher_no AS vb, min(a.invoice_no) AS invoice_no
            FROM inv a JOIN inv b ON a.village_code = b.village_code AND a.invoice_no = b.invoice_no AND a.voucher_no < b.voucher_no
            GROUP BY 1, 2, 3),
        shared_invoice AS (
            SELECT ip.village_code, ip.va || chr(31) || ip.vb AS ref,
                   CASE WHEN (x.vdate > y.vdate OR (x.vdate = y.vdate AND x.voucher_no > y.voucher_no)) THEN x.money_out ELSE y.money_out END AS amount,
                   'invoice' AS kind,
                   CASE WHEN (x.vdate > y.vdate OR (x.vdate = y.vdate AND x.voucher_no > y.voucher_no)) THEN y.voucher_no ELSE x.voucher_no END AS first_no,
                   CASE WHEN (x.vdate > y.vdate OR (x.vdate = y.vdate AND x.voucher_no > y.voucher_no)) THEN x.voucher_no ELSE y.voucher_no END AS second_no,
                   NULL AS days, NULL AS cp_label, ip.invoice_no
            FROM inv_pairs ip
            JOIN vouchers x ON x.village_code = ip.village_code AND x.voucher_no = ip.va
            JOIN vouchers y ON y.village_code = ip.village_code AND y.voucher_no = ip.vb)
        SELECT * FROM same_amount
        UNION ALL
        SELECT * FROM shared_invoice
        """;

    public override string Explain(LeadRow r, RuleContext ctx) => r.Str("kind") == "invoice"
        ? $"发票 {r.Str("invoice_no")} 同时用于 {r.Str("first_no")} 号与 {r.Str("second_no")} 号凭证，疑似重复报销，后一凭证付款 {Money.Yuan(r.Amount)}"
        : $"{r.Str("first_no")} 号与 {r.Str("second_no")} 号凭证在 {r.Int("days")} 天内向{r.Str("cp_label")}各支付 {Money.Yuan(r.Amount)}，疑似重复支付";
}
