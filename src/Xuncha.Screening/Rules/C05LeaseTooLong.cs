using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>租期超法定上限: a lease longer than the Civil Code allows.</summary>
public sealed class C05LeaseTooLong : Rule
{
    public override RuleCard Card { get; } = new(
        "C05", "租期超法定上限", Severity.Low,
        "《中华人民共和国民法典》第七百零五条：租赁期限不得超过二十年，超过部分无效",
        "合同：租赁合同的起始日期和终止日期",
        ["contracts"], [new("max_years", 20m, "租期超过此年数即提示")],
        "租赁合同 ZL-2010-001 租期自 2010-01-01 至 2040-12-31，超过 20 年的法定上限，合同金额 600,000.00 元");

    public override string Sql(RuleContext ctx) => $"""
        SELECT village_code, contract_no AS ref, amount, start_date, end_date
        FROM con
        WHERE kind = '租赁' AND start_date IS NOT NULL AND end_date IS NOT NULL
          AND end_date > start_date + INTERVAL ({ctx.TS("max_years")}) YEAR
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"租赁合同 {r.Ref} 租期自 {r.Date("start_date")} 至 {r.Date("end_date")}，超过 {Money.Number(ctx.T("max_years"))} 年的法定上限" +
        (r.Amount is null ? "" : $"，合同金额 {Money.Yuan(r.Amount)}");
}
