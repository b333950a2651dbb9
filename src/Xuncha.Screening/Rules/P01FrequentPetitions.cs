using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>信访举报多发: many petitions about one village within a year.</summary>
public sealed class P01FrequentPetitions : Rule
{
    public override RuleCard Card { get; } = new(
        "P01", "信访举报多发", Severity.Low,
        "《信访工作条例》；巡察工作将信访举报易发多发列为重点关注对象",
        "信访举报：基准日前 12 个月内（不含 12 个月前的当日）受理的件数",
        ["petitions"], [new("min_count", 3m, "12 个月内达到此件数即提示")],
        "该村 2023-07-01 至 2024-06-30 受理信访举报 5 件（村务公开 2 件、土地征收 3 件）");

    public override string Sql(RuleContext ctx)
    {
        var from = RuleContext.Sql(ctx.AsOf.AddYears(-1));
        return $"""
            WITH p AS (SELECT * FROM pet WHERE received_date > {from}),
            cats AS (SELECT village_code, coalesce(category, '未分类') AS category, count(*) AS n FROM p GROUP BY 1, 2)
            SELECT p.village_code, p.village_code AS ref, NULL::DECIMAL(18,2) AS amount, count(*) AS n,
                   (SELECT string_agg(c.category || ' ' || c.n || ' 件', '、' ORDER BY c.n DESC, c.category) FROM cats c WHERE c.village_code = p.village_code) AS categories
            FROM p GROUP BY p.village_code
            HAVING count(*) >= {ctx.TS("min_count")}
            """;
    }

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"该村 {ctx.AsOf.AddYears(-1).AddDays(1):yyyy-MM-dd} 至 {ctx.AsOf:yyyy-MM-dd} 受理信访举报 {r.Int("n")} 件（{r.Str("categories")}）";
}
