using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>拆分合同规避招标: one contractor given several contracts each under the tender threshold.</summary>
public sealed class C02SplitContracts : Rule
{
    public override RuleCard Card { get; } = new(
        "C02", "拆分合同规避招标", Severity.Medium,
        "《中华人民共和国招标投标法》第四条：任何单位和个人不得将依法必须进行招标的项目化整为零规避招标",
        "合同：同一村、同一相对方的工程/采购合同，按签订日期排序，相邻间隔超过窗口即分组",
        ["contracts"],
        [
            new("gap_days", 90m, "相邻两份合同签订间隔超过此天数即分为不同组"),
            new("each_below", 400000m, "组内每份合同均低于此数（元）"),
            new("total_at_least", 400000m, "组内合计达到此数即提示（元）"),
        ],
        "2024-03-01 至 2024-04-15 与某建设公司签订 2 份工程/采购合同，单份均低于 400,000 元，合计 700,000.00 元，疑似拆分规避招标");

    public override string Sql(RuleContext ctx) => $"""
        WITH c AS (
            SELECT village_code, coalesce(counterparty_id, counterparty) AS cp, coalesce(counterparty, counterparty_id) AS cp_label,
                   contract_no, signed_date, amount,
                   lag(signed_date) OVER (PARTITION BY village_code, coalesce(counterparty_id, counterparty) ORDER BY signed_date, contract_no) AS prev
            FROM con
            WHERE kind IN ('工程', '采购') AND coalesce(counterparty_id, counterparty) IS NOT NULL
              AND signed_date IS NOT NULL AND amount IS NOT NULL),
        g AS (
            SELECT *, sum(CASE WHEN prev IS NULL OR signed_date - prev > {ctx.TS("gap_days")} THEN 1 ELSE 0 END)
                      OVER (PARTITION BY village_code, cp ORDER BY signed_date, contract_no ROWS UNBOUNDED PRECEDING) AS grp
            FROM c)
        SELECT village_code, string_agg(contract_no, chr(31)) AS ref, sum(amount) AS amount, count(*) AS n,
               min(signed_date) AS first_date, max(signed_date) AS last_date, any_value(cp_label) AS cp_label
        FROM g
        GROUP BY village_code, cp, grp
        HAVING count(*) >= 2 AND max(amount) < {ctx.TS("each_below")} AND sum(amount) >= {ctx.TS("total_at_least")}
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{r.Date("first_date")} 至 {r.Date("last_date")} 与{r.Str("cp_label")}签订 {r.Int("n")} 份工程/采购合同，单份均低于 {Money.Number(ctx.T("each_below"))} 元，合计 {Money.Yuan(r.Amount)}，疑似拆分规避招标";
}
