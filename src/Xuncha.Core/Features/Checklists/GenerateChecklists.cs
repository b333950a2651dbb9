using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Screening;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Checklists;

/// <summary>
/// Builds or refreshes the 一村一单 of a round's villages (or of one target) from the active
/// templates. Idempotent: items already there keep their status, note and edits; newly applicable
/// items are added; generated items that no longer apply are removed only while untouched.
/// </summary>
public sealed record GenerateChecklists(Guid RoundId, Guid? TargetId = null);

public sealed record GenerateResult(int Villages, int Added, int Removed, int Total);

public sealed class GenerateChecklistsHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<GenerateResult> Handle(GenerateChecklists cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Editors, ChecklistTexts.GenerateAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await ChecklistAccess.LoadRoundAsync(db, cmd.RoundId, user, ct);
        List<RoundTarget> targets;
        if (cmd.TargetId is { } id)
        {
            var target = await ChecklistAccess.LoadTargetAsync(db, id, user, ct);
            targets = target.RoundId == round.Id ? [target] : throw new NotFoundException(ChecklistTexts.TargetNotFound(id));
        }
        else
        {
            targets = await db.RoundTargets.AsNoTracking()
                .Where(t => t.RoundId == round.Id && t.VillageCode.StartsWith(user.ScopeCode)).ToListAsync(ct);
            if (targets.Count == 0)
            {
                throw new ValidationException("round", ChecklistTexts.NoTargetsInScope);
            }
        }

        var templates = await db.ChecklistTemplateItems.AsNoTracking().Where(t => t.Active).ToListAsync(ct);
        var facts = await FactsAsync(db, round, targets.Select(t => t.VillageCode).ToList(), ct);
        var targetIds = targets.Select(t => t.Id).ToList();
        var existing = await db.ChecklistItems.Where(i => targetIds.Contains(i.RoundTargetId)).ToListAsync(ct);
        var templateText = await db.ChecklistTemplateItems.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Text, ct);
        int added = 0, removed = 0;
        foreach (var target in targets)
        {
            var village = facts[target.VillageCode];
            var items = existing.Where(i => i.RoundTargetId == target.Id).ToList();
            var applicable = templates.Select(t => (Template: t, Reason: village.ReasonFor(t))).Where(x => x.Reason is not null).ToList();
            foreach (var (template, reason) in applicable)
            {
                if (items.FirstOrDefault(i => i.TemplateItemId == template.Id) is { } item)
                {
                    // The numbers may have moved since the last generation.
                    item.Reason = reason!;
                    continue;
                }

                db.ChecklistItems.Add(new ChecklistItem
                {
                    Id = Guid.NewGuid(),
                    RoundTargetId = target.Id,
                    TemplateItemId = template.Id,
                    Area = template.Area,
                    Text = template.Text,
                    Reason = reason!,
                    SortOrder = template.SortOrder,
                });
                added++;
            }

            var stillApplies = applicable.Select(a => a.Template.Id).ToHashSet();
            foreach (var stale in items.Where(i => i.TemplateItemId is { } t && !stillApplies.Contains(t) && Untouched(i, templateText)))
            {
                db.ChecklistItems.Remove(stale);
                removed++;
            }
        }

        await db.SaveChangesAsync(ct);
        var total = await db.ChecklistItems.CountAsync(i => targetIds.Contains(i.RoundTargetId), ct);
        return new GenerateResult(targets.Count, added, removed, total);
    }

    private static bool Untouched(ChecklistItem i, IReadOnlyDictionary<Guid, string> templateText) =>
        i.Status == ChecklistItemStatus.Unchecked && i.Note.Length == 0 && i.FindingId is null
        && templateText.TryGetValue(i.TemplateItemId!.Value, out var text) && text == i.Text;

    /// <summary>Profiles, petitions of the 12 months up to the round's start, and open or confirmed leads per rule.</summary>
    internal static async Task<Dictionary<string, VillageFacts>> FactsAsync(XunchaDbContext db, Round round, IReadOnlyList<string> villages, CancellationToken ct)
    {
        var profiles = await db.VillageProfiles.AsNoTracking().Where(p => villages.Contains(p.VillageCode)).ToDictionaryAsync(p => p.VillageCode, ct);
        var from = round.StartDate.AddYears(-1);
        var petitions = await db.Petitions.AsNoTracking()
            .Where(p => villages.Contains(p.VillageCode) && p.ReceivedDate > from && p.ReceivedDate <= round.StartDate)
            .Select(p => new { p.VillageCode, p.Category }).ToListAsync(ct);
        var leads = await db.Leads.AsNoTracking()
            .Where(l => villages.Contains(l.VillageCode) && (l.Status == LeadStatus.Open || l.Status == LeadStatus.Confirmed))
            .GroupBy(l => new { l.VillageCode, l.RuleCode })
            .Select(g => new { g.Key.VillageCode, g.Key.RuleCode, Count = g.Count() }).ToListAsync(ct);
        return villages.Distinct().ToDictionary(v => v, v =>
        {
            var p = profiles.GetValueOrDefault(v);
            return new VillageFacts(
                p?.CollectiveIncome,
                p?.WorksAmount,
                p?.SubsidyRecipients,
                p?.WeakOrg == true,
                petitions.Where(x => x.VillageCode == v).Select(x => x.Category).ToList(),
                leads.Where(x => x.VillageCode == v).ToDictionary(x => x.RuleCode, x => x.Count));
        });
    }
}
