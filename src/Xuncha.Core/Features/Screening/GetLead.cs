using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Screening.Engine;
using Xuncha.Screening.Evidence;

namespace Xuncha.Core.Features.Screening;

public sealed record GetLead(Guid Id);

public sealed record LeadDetail(
    LeadRow Lead,
    RuleCard Rule,
    IReadOnlyList<EvidenceTable> Evidence,
    DateTimeOffset LastSeenAt,
    string? TriagedBy,
    DateTimeOffset? TriagedAt,
    string? DismissReason,
    Guid? FindingId);

public sealed class GetLeadHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<LeadDetail> Handle(GetLead q, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ScreeningAccess.Viewers, ScreeningTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == q.Id, ct)
            ?? throw new NotFoundException(ScreeningTexts.LeadNotFound(q.Id));
        var village = await db.Regions.AsNoTracking().Where(r => r.Code == lead.VillageCode)
            .Select(r => new { r.Name, Township = r.Parent!.Name, County = r.Parent.Parent!.Name }).SingleAsync(ct);
        user.EnsureCovers(lead.VillageCode, village.Name);
        var triagedBy = lead.TriagedById is null ? null
            : await db.Users.Where(u => u.Id == lead.TriagedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var row = new LeadRow(lead.Id, lead.RuleCode, lead.RuleName, lead.Severity, lead.VillageCode, village.Name, village.Township, village.County,
            lead.Ref, lead.Amount, lead.Explanation, lead.Status, lead.IsNew, lead.FirstSeenAt);
        var evidence = JsonSerializer.Deserialize<List<EvidenceTable>>(lead.EvidenceJson, RunScreeningHandler.Json) ?? [];
        var card = RulePack.Find(lead.RuleCode)?.Card
            ?? (lead.RuleCode == Reports.ReportLeads.RuleCode ? Reports.ReportLeads.Card : throw new NotFoundException(lead.RuleCode));
        return new LeadDetail(row, card, evidence, lead.LastSeenAt, triagedBy, lead.TriagedAt, lead.DismissReason, lead.FindingId);
    }
}
