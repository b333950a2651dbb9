using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>财务公开不及时: a quarter's accounts not published within the grace period.</summary>
public sealed class G03LateDisclosure : Rule
{
    public override RuleCard Card { get; } = new(
        "G03", "财务公开不及时", Severity.Low,
        "《村务公开目录》及浙江省村务公开规定：财务收支情况至少每季度公开一次，于季度结束后及时公布",
        "记账凭证分录、村务公开：从首笔记账所在季度起，每个已结束的季度是否在期限内公开了财务",
        ["entries", "disclosures"], [new("grace_days", 15m, "季度结束后此天数内应完成财务公开")],
        "该村 2024-Q2 的财务收支未在 2024-07-15 前公开");

    public override string Sql(RuleContext ctx)
    {
        var grace = (int)ctx.T("grace_days");
        var lastQuarter = LastQuarterIndex(ctx.AsOf, grace);
        return $"""
            WITH v AS (SELECT village_code, min(date) AS first_date FROM e GROUP BY 1),
            qs AS (
                SELECT village_code, unnest(range(year(first_date) * 4 + quarter(first_date) - 1, {lastQuarter} + 1)) AS qi
                FROM v),
            qd AS (
                SELECT village_code, qi // 4 AS y, qi % 4 + 1 AS q,
                       make_date(CAST(qi // 4 AS INTEGER), CAST((qi % 4) * 3 + 1 AS INTEGER), 1) AS qstart
                FROM qs),
            qe AS (SELECT *, last_day(qstart + INTERVAL 2 MONTH) AS qend, printf('%d-Q%d', y, q) AS qname FROM qd)
            SELECT qe.village_code, qe.qname AS ref, NULL::DECIMAL(18,2) AS amount,
                   CAST(qe.qend + {grace} AS DATE) AS deadline
            FROM qe
            WHERE NOT EXISTS (
                SELECT 1 FROM disc d
                WHERE d.village_code = qe.village_code AND d.kind = '财务'
                  AND d.published_date <= qe.qend + {grace}
                  AND (d.period = qe.qname
                       OR d.period IN (strftime(qe.qstart, '%Y-%m'),
                                       strftime(qe.qstart + INTERVAL 1 MONTH, '%Y-%m'),
                                       strftime(qe.qstart + INTERVAL 2 MONTH, '%Y-%m'))))
            """;
    }

    /// <summary>Index (year × 4 + quarter − 1) of the last quarter that ended at least grace days before as-of.</summary>
    internal static int LastQuarterIndex(DateOnly asOf, int graceDays)
    {
        var index = asOf.Year * 4 + (asOf.Month - 1) / 3;
        while (true)
        {
            var end = new DateOnly(index / 4, index % 4 * 3 + 3, 1).AddMonths(1).AddDays(-1);
            if (end.AddDays(graceDays) <= asOf)
            {
                return index;
            }

            index--;
        }
    }

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"该村 {r.Ref} 的财务收支未在 {r.Date("deadline")} 前公开（季度结束后 {Money.Number(ctx.T("grace_days"))} 天内）";
}
