using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>租金未收: a lease in force all year whose rent did not come in that year.</summary>
public sealed class C04RentNotCollected : Rule
{
    public override RuleCard Card { get; } = new(
        "C04", "租金未收", Severity.Medium,
        "《农村集体经济组织财务制度》：集体资产承包、租赁收入应按合同及时足额收取入账",
        "合同、记账凭证分录：全年有效的租赁/发包合同，当年带该合同编号贷记收入的金额与年租金比较",
        ["contracts", "entries"], [],
        "租赁合同 ZL-2019-002 在 2023 年全年有效，年租金 30,000.00 元，当年仅收到 10,000.00 元，少收 20,000.00 元");

    public override string Sql(RuleContext ctx) => $"""
        WITH years AS (SELECT DISTINCT village_code, year(date) AS y FROM e),
        cy AS (
            SELECT c.village_code, c.contract_no, c.kind, c.annual_rent, y.y
            FROM con c JOIN years y ON y.village_code = c.village_code
            WHERE c.kind IN ('租赁', '发包') AND c.annual_rent IS NOT NULL
              AND make_date(y.y, 12, 31) < {ctx.AsOfSql}
              AND c.start_date <= make_date(y.y, 1, 1) AND c.end_date >= make_date(y.y, 12, 31)),
        rec AS (
            SELECT village_code, contract_no, year(date) AS y, sum(cr) AS received
            FROM e WHERE cls = 'income' AND contract_no IS NOT NULL GROUP BY 1, 2, 3)
        SELECT cy.village_code, cy.contract_no || '@' || cy.y AS ref,
               cy.annual_rent - coalesce(rec.received, 0) AS amount,
               cy.kind, cy.y, cy.annual_rent, coalesce(rec.received, 0) AS received
        FROM cy LEFT JOIN rec ON rec.village_code = cy.village_code AND rec.contract_no = cy.contract_no AND rec.y = cy.y
        WHERE coalesce(rec.received, 0) < cy.annual_rent
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{r.Str("kind")}合同 {r.Ref.Split('@')[0]} 在 {r.Int("y")} 年全年有效，年租金 {Money.Yuan(r.Dec("annual_rent"))}，当年仅收到 {Money.Yuan(r.Dec("received"))}，少收 {Money.Yuan(r.Amount)}";
}
