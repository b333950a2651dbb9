using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Screening;

/// <summary>Confirm a lead: it becomes a finding (问题) with the amount the inspector settles on.</summary>
public sealed record ConfirmLead(Guid Id, string? Title, string? Description, decimal? Amount);

/// <summary>Dismiss a lead: a reason is required, so the rule's precision can be judged later.</summary>
public sealed record DismissLead(Guid Id, string? Reason);

public sealed class TriageLeadHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Guid> Confirm(ConfirmLead cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await Load(db, cmd.Id, user, ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(cmd.Title))
        {
            errors.Add("title", ScreeningTexts.TitleRequired);
        }

        if (cmd.Amount < 0)
        {
            errors.Add("amount", ScreeningTexts.AmountNegative);
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        // The round under way in the village is the one whose team confirmed the lead.
        var roundId = await RoundQueries.InProgressIn(db, lead.VillageCode, ct);
        var finding = new Finding
        {
            Id = Guid.NewGuid(),
            RoundId = roundId,
            VillageCode = lead.VillageCode,
            Title = cmd.Title!.Trim(),
            Description = cmd.Description?.Trim() ?? lead.Explanation,
            Amount = cmd.Amount,
            Source = "lead",
            LeadId = lead.Id,
            CreatedById = user.UserId,
            CreatedAt = now,
        };
        db.Findings.Add(finding);
        lead.Status = LeadStatus.Confirmed;
        lead.FindingId = finding.Id;
        lead.TriagedById = user.UserId;
        lead.TriagedAt = now;
        await db.SaveChangesAsync(ct);
        return finding.Id;
    }

    public async Task Dismiss(DismissLead cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await Load(db, cmd.Id, user, ct);
        if (string.IsNullOrWhiteSpace(cmd.Reason))
        {
            throw new ValidationException("reason", ScreeningTexts.DismissReasonRequired);
        }

        lead.Status = LeadStatus.Dismissed;
        lead.DismissReason = cmd.Reason.Trim();
        lead.TriagedById = user.UserId;
        lead.TriagedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Lead> Load(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct)
    {
        user.EnsureRole(ScreeningAccess.Operators, ScreeningTexts.TriageAction);
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException(ScreeningTexts.LeadNotFound(id));
        var name = await db.Regions.Where(r => r.Code == lead.VillageCode).Select(r => r.Name).SingleAsync(ct);
        user.EnsureCovers(lead.VillageCode, name);
        if (lead.Status != LeadStatus.Open)
        {
            throw new ValidationException("status", ScreeningTexts.AlreadyTriaged);
        }

        return lead;
    }
}
