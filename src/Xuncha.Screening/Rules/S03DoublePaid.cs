using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>重复领取: one person paid twice for the same programme and period.</summary>
public sealed class S03DoublePaid : Rule
{
    public override RuleCard Card { get; } = new(
        "S03", "重复领取", Severity.Medium,
        "惠民惠农财政补贴资金“一卡通”管理规定：同一补贴同一期间不得重复发放",
        "惠民惠农资金发放：同一身份证号、同一项目、同一期间发放多于一次（可跨村）",
        ["subsidies"], [],
        "330782195511111234 的 2024-02 期高龄补贴共发放 2 次（本村 2 次），本村发放 400.00 元");

    public override string Sql(RuleContext ctx) => """
        WITH dup AS (
            SELECT recipient_id, program, period, count(*) AS times, count(DISTINCT village_code) AS villages
            FROM sub GROUP BY 1, 2, 3 HAVING count(*) > 1)
        SELECT s.village_code, s.recipient_id || '@' || s.period AS ref, sum(s.amount) AS amount,
               s.program AS programs, s.period, any_value(s.recipient_name) AS name,
               any_value(dup.times) AS times, any_value(dup.villages) AS villages, count(*) AS here
        FROM sub s JOIN dup ON dup.recipient_id = s.recipient_id AND dup.program = s.program AND dup.period = s.period
        GROUP BY s.village_code, s.recipient_id, s.period, s.program
        """;

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var where = r.Int("villages") > 1 ? $"涉及 {r.Int("villages")} 个村社，本村 {r.Int("here")} 次" : $"本村 {r.Int("here")} 次";
        return $"{S02RelativesFavoured.Person(r)}的 {r.Str("period")} 期{r.Str("programs")}共发放 {r.Int("times")} 次（{where}），本村发放 {Money.Yuan(r.Amount)}";
    }
}
