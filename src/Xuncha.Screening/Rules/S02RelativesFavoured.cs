using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>优亲厚友: minimum-living or extreme-poverty support paid to the cadres' own circle.</summary>
public sealed class S02RelativesFavoured : Rule
{
    public override RuleCard Card { get; } = new(
        "S02", "优亲厚友", Severity.High,
        "《最低生活保障审核确认办法》第十三条：村干部近亲属申请低保的应单独登记备案；严禁优亲厚友",
        "惠民惠农资金发放、村干部、亲属关系：低保、特困供养的领取人在发放日是发放村在任干部或其近亲属",
        ["subsidies", "cadres"], [],
        "330782196003031234 是该村委员赵某的父母，2024-03 期领取低保 820.00 元");

    public override string Sql(RuleContext ctx) => $"""
        SELECT s.village_code, s.recipient_id || '@' || s.period AS ref, sum(s.amount) AS amount,
               any_value(s.recipient_name) AS name, s.period, string_agg(DISTINCT s.program, '、') AS programs,
               any_value({Preparation.LinkDescription("s.village_code", "s.recipient_id", "s.pay_date")}) AS link
        FROM sub s
        WHERE s.program IN ('低保', '特困供养')
          AND {Preparation.LinkedAt("s.village_code", "s.recipient_id", "s.pay_date")}
        GROUP BY s.village_code, s.recipient_id, s.period
        """;

    public override string Explain(LeadRow r, RuleContext ctx) =>
        $"{Person(r)}是该村{r.Str("link")}，{r.Str("period")} 期领取{r.Str("programs")} {Money.Yuan(r.Amount)}";

    internal static string Person(LeadRow r)
    {
        var id = r.Ref.Split('@')[0];
        return r.Str("name") is { Length: > 0 } name ? $"{name}（{id}）" : id;
    }
}
