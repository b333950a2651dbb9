using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>拆分支付规避决策: one counterparty paid in pieces, each under the decision threshold.</summary>
public sealed class R04SplitPayments : Rule
{
    public override RuleCard Card { get; } = new(
        "R04", "拆分支付规避决策", Severity.Medium,
        "浙江省村级小微权力清单：重大支出须经“五议两公开”/“四议两公开”决策，不得化整为零规避",
        "记账凭证分录：同一收款方的付款按日期排序，相邻间隔超过窗口即分组",
        ["entries"],
        [
            new("gap_days", 30m, "相邻两笔付款间隔超过此天数即分为不同组"),
            new("each_below", 50000m, "组内每笔均低于此数（元）"),
            new("total_at_least", 50000m, "组内合计达到此数即提示（元）"),
        ],
        "2024 年 3 月 2 日至 3 月 20 日向某建筑队分 3 笔付款，单笔均低于 50,000 元，合计 120,000.00 元");

    public override string Sql(RuleContext ctx) => $"""
        WITH repeated AS (
            SELECT village_code, cp_key FROM payments WHERE cp_key IS NOT NULL GROUP BY 1, 2 HAVING count(*) >= 2),
        p AS (
            SELECT village_code, cp_key, cp_label, voucher_no, vdate, money_out,
                   lag(vdate) OVER (PARTITION BY village_code, cp_key ORDER BY vdate, voucher_no) AS prev
            FROM payments SEMI JOIN repeated USING (village_code, cp_key)),
        g AS (
            SELECT *, sum(CASE WHEN prev IS NULL OR vdate - prev > {ctx.TS("gap_days")} THEN 1 ELSE 0 END)
                      OVER (PARTITION BY village_code, cp_key ORDER BY vdate, voucher_no ROWS UNBOUNDED PRECEDING) AS grp
            FROM p)
        SELECT village_code, string_agg(voucher_no, chr(31)) AS ref, sum(money_out) AS amount,
               count(*) AS n, min(vdate) AS first_date, max(vdate) AS last_date, any_value(cp_label) AS cp_label
        FROM g
        GROUP BY village_code, cp_key, grp
        HAVING count(*) >= 2 AND max(money_out) < {ctx.TS("each_below")} AND sum(money_out) >= {ctx.TS("total_at_least")}
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{r.Date("first_date")} 至 {r.Date("last_date")} 向{r.Str("cp_label")}分 {r.Int("n")} 笔付款，单笔均低于 {Money.Number(ctx.T("each_below"))} 元，合计 {Money.Yuan(r.Amount)}，疑似拆分支付规避民主决策";
}
