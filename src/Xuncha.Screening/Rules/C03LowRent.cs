using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>低价发包: collective land or ponds let far below what the township's other contracts fetch.</summary>
public sealed class C03LowRent : Rule
{
    public override RuleCard Card { get; } = new(
        "C03", "低价发包", Severity.Medium,
        "《农村集体经济组织财务制度》：集体资产发包、租赁应公开协商或招标，防止低价发包造成集体资产流失",
        "合同：租赁/发包合同的年租金与面积，与同乡镇同类合同每亩租金的中位数比较",
        ["contracts"],
        [
            new("ratio", 0.5m, "每亩年租金低于同乡镇同类中位数的此比例即提示"),
            new("min_peers", 5m, "同乡镇同类合同（不含本合同）至少此数才比较"),
        ],
        "发包合同 FB-2021-003 每亩年租金 180.00 元，不到同乡镇 12 份同类合同中位数 520.00 元的 50%，年租金 9,000.00 元");

    public override string Sql(RuleContext ctx) => $"""
        WITH l AS (
            SELECT village_code, left(village_code, 9) AS township, contract_no, kind, annual_rent, area_mu,
                   CAST(annual_rent AS DOUBLE) / area_mu AS unit
            FROM con WHERE kind IN ('租赁', '发包') AND area_mu > 0 AND annual_rent IS NOT NULL)
        SELECT a.village_code, a.contract_no AS ref, a.annual_rent AS amount, any_value(a.kind) AS kind,
               any_value(a.unit) AS unit, median(b.unit) AS median_unit, count(*) AS peers
        FROM l a JOIN l b ON b.township = a.township AND b.kind = a.kind
                          AND NOT (b.village_code = a.village_code AND b.contract_no = a.contract_no)
        GROUP BY a.village_code, a.contract_no, a.annual_rent
        HAVING count(*) >= {ctx.TS("min_peers")} AND any_value(a.unit) < {ctx.TS("ratio")} * median(b.unit)
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{r.Str("kind")}合同 {r.Ref} 每亩年租金 {r.Dbl("unit"):#,##0.00} 元，低于同乡镇 {r.Int("peers")} 份同类合同中位数 {r.Dbl("median_unit"):#,##0.00} 元的 {ctx.T("ratio"):0%}，年租金 {Money.Yuan(r.Amount)}";
}
