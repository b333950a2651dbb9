using Xuncha.Screening.Checks;
using Xuncha.Screening.Engine;

namespace Xuncha.Screening.Rules;

/// <summary>身份证号无效: a subsidy paid against an ID number that cannot exist.</summary>
public sealed class S04InvalidIdNumber : Rule
{
    public override RuleCard Card { get; } = new(
        "S04", "身份证号无效", Severity.Low,
        "GB 11643-1999《公民身份号码》：18 位，前 17 位数字加校验码（0–9 或 X），第 7–14 位为出生日期",
        "惠民惠农资金发放：领取人身份证号的格式、出生日期和校验码",
        ["subsidies"], [],
        "领取人张某的身份证号 330782195001010010 校验码错误：应为 8，该号码不可能存在");

    public override string Sql(RuleContext ctx) => """
        SELECT village_code, recipient_id AS ref, NULL::DECIMAL(18,2) AS amount,
               any_value(recipient_name) AS name, count(*) AS payments, string_agg(DISTINCT program, '、') AS programs
        FROM sub GROUP BY village_code, recipient_id
        """;

    /// <summary>Check digits are not SQL: validate each distinct ID in C#.</summary>
    public override IEnumerable<LeadRow> Run(RuleContext ctx) =>
        ctx.Query(Sql(ctx)).Where(r => !ResidentId.IsValid(r.Ref, ctx.AsOf));

    public override string Explain(LeadRow r, RuleContext ctx)
    {
        var who = r.Str("name") is { Length: > 0 } n ? $"领取人{n}的" : "领取人";
        return $"{who}身份证号 {r.Ref} {ResidentId.Validate(r.Ref, ctx.AsOf).Description}，该村以此号码发放{r.Str("programs")} {r.Int("payments")} 笔";
    }
}
