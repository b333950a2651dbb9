using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>工程未按规定招标: a large works contract awarded without open tender.</summary>
public sealed class C01NoPublicTender : Rule
{
    public override RuleCard Card { get; } = new(
        "C01", "工程未按规定招标", Severity.High,
        "《中华人民共和国招标投标法》《必须招标的工程项目规定》（发改委令第16号）：施工单项合同估算价 400 万元以上必须招标；浙江省村级工程项目 40 万元以上应公开招标",
        "合同：工程类合同的金额和采购方式",
        ["contracts"], [new("amount", 400000m, "工程合同金额达到此数应公开招标（元）")],
        "工程合同 HT-2024-007（村道硬化）金额 860,000.00 元，采购方式为直接发包，未公开招标");

    public override string Sql(RuleContext ctx) => $"""
        SELECT village_code, contract_no AS ref, amount, subject, coalesce(procurement, '未填写') AS procurement
        FROM con
        WHERE kind = '工程' AND amount >= {ctx.TS("amount")} AND coalesce(procurement, '') <> '公开招标'
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"工程合同 {r.Ref}{Subject(r)} 金额 {Money.Yuan(r.Amount)}，采购方式为{r.Str("procurement")}，未公开招标（{Money.Number(ctx.T("amount"))} 元以上应公开招标）";

    internal static string Subject(LeadRow r) => r.Str("subject") is { Length: > 0 } s ? $"（{s}）" : "";
}
