using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Screening.Engine;

namespace Xuncha.Core.Features.Screening;

public sealed record RuleFigures(
    RuleCard Card,
    int Fired,
    int Open,
    int Confirmed,
    int Dismissed,
    int VillagesFired,
    int VillagesScreened,
    double? Precision,
    string? Warning);

/// <summary>
/// Per rule, in the user's scope: leads raised, confirmed, dismissed (precision = confirmed ÷
/// triaged), and a warning when the rule fires on an unusual share of the screened villages —
/// a rule that flags most villages is more likely mis-tuned than revealing.
/// </summary>
public sealed class RuleStatisticsHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public const double UnusualShare = 0.3;

    public async Task<IReadOnlyList<RuleFigures>> Handle(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ScreeningAccess.Viewers, ScreeningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.ScopeCode;
        var leads = db.Leads.AsNoTracking().Where(l => l.VillageCode.StartsWith(scope));
        var counts = await leads.GroupBy(l => new { l.RuleCode, l.Status }).Select(g => new { g.Key.RuleCode, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        var villages = await leads.GroupBy(l => l.RuleCode).Select(g => new { Rule = g.Key, N = g.Select(l => l.VillageCode).Distinct().Count() }).ToListAsync(ct);
        var screened = await db.VillageProfiles.CountAsync(p => p.VillageCode.StartsWith(scope) && p.LastScreenedAt != null, ct);

        return RulePack.Rules.Select(rule =>
        {
            int N(LeadStatus s) => counts.Where(c => c.RuleCode == rule.Card.Code && c.Status == s).Sum(c => c.N);
            var open = N(LeadStatus.Open);
            var confirmed = N(LeadStatus.Confirmed);
            var dismissed = N(LeadStatus.Dismissed);
            var fired = villages.FirstOrDefault(v => v.Rule == rule.Card.Code)?.N ?? 0;
            double? precision = confirmed + dismissed > 0 ? (double)confirmed / (confirmed + dismissed) : null;
            var warning = screened >= 20 && fired > screened * UnusualShare
                ? $"该规则在 {fired} 个村社（占已筛查 {screened} 个的 {(double)fired / screened:P0}）触发，比例异常，请检查阈值或数据"
                : null;
            return new RuleFigures(rule.Card, open + confirmed + dismissed, open, confirmed, dismissed, fired, screened, precision, warning);
        }).ToList();
    }
}
