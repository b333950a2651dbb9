using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>与村干部或其近亲属签约: the village contracting with its own cadres or their family.</summary>
public sealed class C06ContractWithCadre : Rule
{
    public override RuleCard Card { get; } = new(
        "C06", "与村干部或其近亲属签约", Severity.High,
        "《村民委员会组织法》及浙江省村级小微权力清单：村干部及其近亲属承包集体资产或承揽工程应回避并公开",
        "合同、村干部、亲属关系：相对方证件号在签订日是该村在任干部或其近亲属",
        ["contracts", "cadres"], [],
        "合同 HT-2023-011（鱼塘承包）于 2023-02-10 与 330782198505051234 签订，金额 80,000.00 元，相对方为该村主任李某的兄弟姐妹");

    public override string Sql(RuleContext ctx) => $"""
        SELECT c.village_code, c.contract_no AS ref, c.amount, c.subject, c.signed_date, c.counterparty_id,
               coalesce(c.counterparty, c.counterparty_id) AS cp_label,
               {Preparation.LinkDescription("c.village_code", "c.counterparty_id", "c.signed_date")} AS link
        FROM con c
        WHERE c.counterparty_id IS NOT NULL AND c.signed_date IS NOT NULL
          AND {Preparation.LinkedAt("c.village_code", "c.counterparty_id", "c.signed_date")}
        """;

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var amount = r.Amount is null ? "" : $"，金额 {Money.Yuan(r.Amount)}";
        return $"合同 {r.Ref}{C01NoPublicTender.Subject(r)}于 {r.Date("signed_date")} 与{r.Str("cp_label")}签订{amount}，相对方为该村{r.Str("link")}";
    }
}
