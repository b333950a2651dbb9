using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Fieldwork;

/// <summary>A new record (Id null) or changes to one; the round and village of a record never change.</summary>
public sealed record SaveFieldRecord(
    Guid? Id, FieldRecordKind Kind, Guid? RoundId, string? VillageCode, DateOnly? Date, string? Place, string? PersonName,
    string? PersonCategory, IReadOnlyList<string>? Inspectors, string? Learned, Guid? PreviousRecordId,
    IReadOnlyList<Guid>? LeadIds = null, IReadOnlyList<Guid>? ChecklistItemIds = null, IReadOnlyList<Guid>? FindingIds = null,
    Guid? PublicReportId = null);

public sealed class SaveFieldRecordHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Guid> Handle(SaveFieldRecord cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Writers, FieldworkTexts.WriteAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        FieldRecord? record = null;
        if (cmd.Id is { } id)
        {
            record = await db.FieldRecords.SingleOrDefaultAsync(f => f.Id == id && f.VillageCode.StartsWith(user.ScopeCode), ct)
                ?? throw new NotFoundException(FieldworkTexts.RecordNotFound(id));
        }

        var roundId = record?.RoundId ?? cmd.RoundId;
        var village = record?.VillageCode ?? cmd.VillageCode?.Trim();
        var errors = new ValidationErrors();
        if (roundId is null)
        {
            errors.Add("roundId", FieldworkTexts.RoundRequired);
        }

        if (string.IsNullOrEmpty(village))
        {
            errors.Add("villageCode", FieldworkTexts.VillageRequired);
        }

        errors.ThrowIfAny();
        var target = await FieldworkAccess.TargetAsync(db, roundId!.Value, village!, user, ct);
        if (target is null)
        {
            throw new ValidationException("villageCode", FieldworkTexts.NotATarget);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (cmd.Date is not { } date)
        {
            errors.Add("date", FieldworkTexts.DateRequired);
            date = today;
        }
        else if (date > today)
        {
            errors.Add("date", FieldworkTexts.DateInFuture);
        }

        var person = cmd.PersonName?.Trim() ?? "";
        var category = cmd.PersonCategory?.Trim() ?? "";
        if (FieldworkTexts.HasPerson(cmd.Kind))
        {
            if (person.Length == 0)
            {
                errors.Add("personName", FieldworkTexts.PersonRequired);
            }

            if (category.Length == 0)
            {
                errors.Add("personCategory", FieldworkTexts.CategoryRequired);
            }
        }

        if (category.Length > 0 && !PersonCategories.All.Contains(category))
        {
            errors.Add("personCategory", FieldworkTexts.CategoryUnknown(category));
        }

        var learned = cmd.Learned?.Trim() ?? "";
        if (learned.Length == 0)
        {
            errors.Add("learned", FieldworkTexts.LearnedRequired);
        }

        await CheckPreviousAsync(db, cmd, village!, date, errors, ct);
        var leads = cmd.LeadIds?.Distinct().ToList() ?? [];
        if (leads.Count > 0 && await db.Leads.CountAsync(l => leads.Contains(l.Id) && l.VillageCode == village, ct) != leads.Count)
        {
            errors.Add("leadIds", FieldworkTexts.LeadOtherVillage);
        }

        var items = cmd.ChecklistItemIds?.Distinct().ToList() ?? [];
        if (items.Count > 0 && await db.ChecklistItems.CountAsync(i => items.Contains(i.Id) && i.RoundTargetId == target.Id, ct) != items.Count)
        {
            errors.Add("checklistItemIds", FieldworkTexts.ItemOtherVillage);
        }

        var findings = cmd.FindingIds?.Distinct().ToList() ?? [];
        if (findings.Count > 0 && await db.Findings.CountAsync(f => findings.Contains(f.Id) && f.VillageCode == village, ct) != findings.Count)
        {
            errors.Add("findingIds", FieldworkTexts.FindingOtherVillage);
        }

        var report = cmd.PublicReportId is { } reportId
            ? await db.PublicReports.SingleOrDefaultAsync(r => r.Id == reportId && r.RoundId == roundId && r.VillageCode == village, ct)
            : null;
        if (cmd.PublicReportId is not null && report is null)
        {
            errors.Add("publicReportId", FieldworkTexts.ReportOtherVillage);
        }

        errors.ThrowIfAny();
        if (report is { Status: ReportStatus.Pending })
        {
            // Recording the follow-up visit is handling the report.
            report.Status = ReportStatus.ToVisit;
            report.HandledBy = user.DisplayName;
            report.HandledAt = clock.GetUtcNow();
        }

        if (record is null)
        {
            record = new FieldRecord { Id = Guid.NewGuid(), RoundId = roundId.Value, VillageCode = village!, Learned = learned, CreatedById = user.UserId, CreatedAt = clock.GetUtcNow() };
            db.FieldRecords.Add(record);
        }
        else
        {
            record.UpdatedAt = clock.GetUtcNow();
        }

        var inspectors = cmd.Inspectors?.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().ToList() ?? [];
        record.Kind = cmd.Kind;
        record.Date = date;
        record.Place = cmd.Place?.Trim() ?? "";
        record.PersonName = person;
        record.PersonCategory = category;
        record.Inspectors = inspectors.Count > 0 ? inspectors : [user.DisplayName];
        record.Learned = learned;
        record.PreviousRecordId = FieldworkTexts.NeedsPrevious(cmd.Kind) ? cmd.PreviousRecordId : null;
        record.LeadIds = leads;
        record.ChecklistItemIds = items;
        record.FindingIds = findings;
        record.PublicReportId = report?.Id ?? record.PublicReportId;
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    public async Task Delete(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Writers, FieldworkTexts.WriteAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.FieldRecords.SingleOrDefaultAsync(f => f.Id == id && f.VillageCode.StartsWith(user.ScopeCode), ct)
            ?? throw new NotFoundException(FieldworkTexts.RecordNotFound(id));
        if (await db.FieldRecords.AnyAsync(f => f.PreviousRecordId == id, ct))
        {
            throw new ValidationException("id", FieldworkTexts.ChainedCannotDelete);
        }

        db.FieldRecords.Remove(record);
        await db.SaveChangesAsync(ct);
    }

    private static async Task CheckPreviousAsync(XunchaDbContext db, SaveFieldRecord cmd, string village, DateOnly date, ValidationErrors errors, CancellationToken ct)
    {
        if (!FieldworkTexts.NeedsPrevious(cmd.Kind))
        {
            return;
        }

        if (cmd.PreviousRecordId is not { } previousId || previousId == cmd.Id)
        {
            errors.Add("previousRecordId", FieldworkTexts.PreviousRequired(cmd.Kind));
            return;
        }

        var previous = await db.FieldRecords.AsNoTracking().Where(f => f.Id == previousId).Select(f => new { f.VillageCode, f.Date }).SingleOrDefaultAsync(ct);
        if (previous is null)
        {
            errors.Add("previousRecordId", FieldworkTexts.PreviousNotFound);
        }
        else if (previous.VillageCode != village)
        {
            errors.Add("previousRecordId", FieldworkTexts.PreviousOtherVillage);
        }
        else if (previous.Date > date)
        {
            errors.Add("previousRecordId", FieldworkTexts.PreviousLater);
        }
    }
}
