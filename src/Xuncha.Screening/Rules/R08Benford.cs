using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>金额分布异常（本福特）: first digits of a village's payments far from Benford's law.</summary>
public sealed class R08Benford : Rule
{
    public override RuleCard Card { get; } = new(
        "R08", "金额分布异常（本福特）", Severity.Low,
        "审计数据分析方法（Nigrini, Benford's Law, 2012）：首位数字平均绝对偏差 MAD 超过 0.015 为不符合",
        "记账凭证分录：借记支出或在建工程的付款金额首位数字分布",
        ["entries"],
        [
            new("min_payments", 300m, "付款笔数达到此数才分析"),
            new("min_amount", 10m, "只分析金额达到此数的付款（元）"),
            new("mad_above", 0.015m, "首位数字 MAD 超过此值即提示"),
        ],
        "该村 412 笔支出付款的首位数字分布与本福特定律偏离（MAD = 0.0213，超过 0.015），数字 5 出现 21.4%（应为 7.9%）");

    public override string Sql(RuleContext ctx) => $"""
        WITH p AS (
            SELECT village_code, CAST(left(CAST(CAST(floor(money_out) AS BIGINT) AS VARCHAR), 1) AS INTEGER) AS digit
            FROM payments WHERE debits_exp_con AND money_out >= {ctx.TS("min_amount")}),
        n AS (SELECT village_code, count(*) AS n FROM p GROUP BY 1 HAVING count(*) >= {ctx.TS("min_payments")}),
        c AS (SELECT village_code, digit, count(*) AS cnt FROM p GROUP BY 1, 2),
        f AS (
            SELECT n.village_code, n.n, d.digit, coalesce(c.cnt, 0) AS cnt,
                   coalesce(c.cnt, 0) / n.n AS observed, log10(1 + 1 / d.digit) AS expected
            FROM n CROSS JOIN (SELECT unnest(range(1, 10)) AS digit) d
            LEFT JOIN c ON c.village_code = n.village_code AND c.digit = d.digit)
        SELECT village_code, village_code AS ref, NULL::DECIMAL(18,2) AS amount, any_value(n) AS n,
               avg(abs(observed - expected)) AS mad,
               arg_max(digit, abs(observed - expected)) AS worst_digit,
               arg_max(observed, abs(observed - expected)) AS worst_observed,
               arg_max(expected, abs(observed - expected)) AS worst_expected
        FROM f GROUP BY village_code
        HAVING avg(abs(observed - expected)) > {ctx.TS("mad_above")}
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"该村 {r.Int("n")} 笔支出付款的首位数字分布与本福特定律偏离（MAD = {r.Dbl("mad"):0.0000}，超过 {ctx.T("mad_above")}），数字 {r.Int("worst_digit")} 出现 {r.Dbl("worst_observed"):0.0%}（应为 {r.Dbl("worst_expected"):0.0%}）";
}
