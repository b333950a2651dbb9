using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>死亡人员领取补贴: benefits still paid well after the recipient died.</summary>
public sealed class S01PaidAfterDeath : Rule
{
    public override RuleCard Card { get; } = new(
        "S01", "死亡人员领取补贴", Severity.High,
        "《社会救助暂行办法》《最低生活保障审核确认办法》：保障对象死亡的应及时停发，冒领的应追回",
        "惠民惠农资金发放、死亡人员：发放日期晚于死亡日期超过宽限天数",
        ["subsidies", "deaths"], [new("grace_days", 31m, "死亡后超过此天数仍发放即提示")],
        "330782194501011234 已于 2023-08-05 死亡，2024-01 期低保仍于 2024-01-20 发放 820.00 元");

    public override string Sql(RuleContext ctx) => $"""
        WITH d AS (SELECT id_number, min(death_date) AS death_date FROM deaths GROUP BY 1)
        SELECT s.village_code, s.recipient_id || '@' || s.period AS ref, sum(s.amount) AS amount,
               any_value(d.death_date) AS death_date, max(s.pay_date) AS pay_date,
               string_agg(DISTINCT s.program, '、') AS programs, any_value(s.recipient_name) AS name, s.period
        FROM sub s JOIN d ON d.id_number = s.recipient_id
        WHERE s.pay_date > d.death_date + CAST({ctx.TS("grace_days")} AS INTEGER)
        GROUP BY s.village_code, s.recipient_id, s.period
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{S02RelativesFavoured.Person(r)}已于 {r.Date("death_date")} 死亡，{r.Str("period")} 期{r.Str("programs")}仍于 {r.Date("pay_date")} 发放 {Money.Yuan(r.Amount)}";
}
