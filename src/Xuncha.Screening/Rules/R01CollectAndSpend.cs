using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>坐收坐支: income spent straight away without passing through the cash or bank account.</summary>
public sealed class R01CollectAndSpend : Rule
{
    public override RuleCard Card { get; } = new(
        "R01", "坐收坐支", Severity.High,
        "《农村集体经济组织财务制度》（财农〔2021〕121号）：集体经济组织的各项收入应及时足额入账，严禁坐收坐支",
        "记账凭证分录：同一凭证贷记收入类科目、借记支出/在建工程/应付款，且没有现金或银行存款分录",
        ["entries"], [],
        "2024-记-0031 号凭证以其他收入（卫生费）12,000.00 元直接列支在建工程，未经银行或现金账户");

    public override string Sql(RuleContext ctx) => """
        WITH v AS (SELECT village_code, voucher_no FROM vouchers WHERE credits_income AND debits_ecp AND NOT has_money_line)
        SELECT village_code, voucher_no AS ref,
               sum(CASE WHEN cls = 'income' THEN cr ELSE 0 END) AS amount,
               arg_min(account_name, lkey) FILTER (WHERE cls = 'income' AND cr > 0) AS income_account,
               arg_min(summary, lkey) FILTER (WHERE cls = 'income' AND cr > 0) AS income_summary,
               string_agg(DISTINCT account_name, '、') FILTER (WHERE cls IN ('expense', 'construction', 'payable') AND dr > 0) AS debit_accounts
        FROM e SEMI JOIN v USING (village_code, voucher_no)
        GROUP BY village_code, voucher_no
        """;

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var summary = r.Str("income_summary");
        var income = r.Str("income_account") + (summary.Length > 0 ? $"（{summary}）" : "");
        return $"{r.Ref} 号凭证以{income}{Money.Yuan(r.Amount)}直接列支{r.Str("debit_accounts")}，未经银行或现金账户";
    }
}
