using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Fieldwork;

public sealed record AddGuidanceRecord(Guid GroupId, string? VillageCode, DateOnly? Date, string? Content);

public sealed record RaiseSuggestion(Guid GroupId, string? VillageCode, Guid? RoundId, string? Text, DateOnly? Date = null);

public sealed record GuidanceRecordRow(Guid Id, Guid GroupId, string GroupName, string VillageCode, string VillageName, DateOnly Date, string Content);

public sealed record SuggestionRow(
    Guid Id, Guid GroupId, string GroupName, string VillageCode, string VillageName, Guid? RoundId, string Text,
    SuggestionStatus Status, string StatusName, DateOnly RaisedOn, DateOnly? AdoptedOn, DateOnly? ImplementedOn);

public sealed record GuidanceVillageCount(string VillageCode, string VillageName, int Records, int Raised, int Adopted, int Implemented);

/// <summary>蹲点指导 records and 意见建议 (提出 → 采纳 → 落实) of the groups, in villages the group guides and the user covers.</summary>
public sealed class GuidanceWorkHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Guid> AddRecord(AddGuidanceRecord cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.GuidanceWriters, FieldworkTexts.GuidanceWriteAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (village, date) = await CheckAsync(db, cmd.GroupId, cmd.VillageCode, cmd.Date, user, ct);
        var content = cmd.Content?.Trim() ?? "";
        if (content.Length == 0)
        {
            throw new ValidationException("content", FieldworkTexts.ContentRequired);
        }

        var record = new GuidanceRecord { Id = Guid.NewGuid(), GroupId = cmd.GroupId, VillageCode = village, Date = date, Content = content, CreatedById = user.UserId, CreatedAt = clock.GetUtcNow() };
        db.GuidanceRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    public async Task<Guid> Raise(RaiseSuggestion cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.GuidanceWriters, FieldworkTexts.GuidanceWriteAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (village, date) = await CheckAsync(db, cmd.GroupId, cmd.VillageCode, cmd.Date, user, ct);
        var text = cmd.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ValidationException("text", FieldworkTexts.SuggestionRequired);
        }

        var suggestion = new GuidanceSuggestion { Id = Guid.NewGuid(), GroupId = cmd.GroupId, VillageCode = village, RoundId = cmd.RoundId, Text = text, RaisedOn = date, RaisedById = user.UserId };
        db.GuidanceSuggestions.Add(suggestion);
        await db.SaveChangesAsync(ct);
        return suggestion.Id;
    }

    /// <summary>采纳 after 提出, 落实 after 采纳; never backwards or skipping.</summary>
    public async Task Advance(Guid id, SuggestionStatus to, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.GuidanceWriters, FieldworkTexts.GuidanceWriteAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.GuidanceSuggestions.SingleOrDefaultAsync(x => x.Id == id && x.VillageCode.StartsWith(user.ScopeCode), ct)
            ?? throw new NotFoundException(FieldworkTexts.SuggestionNotFound(id));
        if ((int)to != (int)s.Status + 1)
        {
            throw new ValidationException("status", FieldworkTexts.CannotAdvance(s.Status, to));
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (to == SuggestionStatus.Adopted)
        {
            (s.AdoptedOn, s.AdoptedById) = (today, user.UserId);
        }
        else
        {
            (s.ImplementedOn, s.ImplementedById) = (today, user.UserId);
        }

        s.Status = to;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<GuidanceRecordRow>> Records(Guid? groupId, string? villageCode, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.GuidanceViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = from r in db.GuidanceRecords.AsNoTracking()
                    join g in FieldworkAccess.VisibleGroups(db, user) on r.GroupId equals g.Id
                    join v in db.Regions on r.VillageCode equals v.Code
                    where r.VillageCode.StartsWith(user.ScopeCode) && (groupId == null || r.GroupId == groupId)
                        && (villageCode == null || r.VillageCode == villageCode)
                    orderby r.Date descending, r.VillageCode
                    select new GuidanceRecordRow(r.Id, g.Id, g.Name, r.VillageCode, v.Name, r.Date, r.Content);
        return await query.ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SuggestionRow>> Suggestions(Guid? groupId, string? villageCode, SuggestionStatus? status, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FieldworkAccess.Readers, FieldworkTexts.GuidanceViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = from s in db.GuidanceSuggestions.AsNoTracking()
                    join g in FieldworkAccess.VisibleGroups(db, user) on s.GroupId equals g.Id
                    join v in db.Regions on s.VillageCode equals v.Code
                    where s.VillageCode.StartsWith(user.ScopeCode) && (groupId == null || s.GroupId == groupId)
                        && (villageCode == null || s.VillageCode == villageCode) && (status == null || s.Status == status)
                    orderby s.RaisedOn descending
                    select new SuggestionRow(s.Id, g.Id, g.Name, s.VillageCode, v.Name, s.RoundId, s.Text, s.Status, FieldworkTexts.StatusName(s.Status),
                        s.RaisedOn, s.AdoptedOn, s.ImplementedOn);
        return await query.ToListAsync(ct);
    }

    /// <summary>Per village: 蹲点指导 records and suggestions by status.</summary>
    public async Task<IReadOnlyList<GuidanceVillageCount>> VillageCounts(Guid? groupId, UserScope user, CancellationToken ct = default)
    {
        var records = await Records(groupId, null, user, ct);
        var suggestions = await Suggestions(groupId, null, null, user, ct);
        return records.Select(r => (r.VillageCode, r.VillageName)).Concat(suggestions.Select(s => (s.VillageCode, s.VillageName))).Distinct()
            .OrderBy(v => v.VillageCode)
            .Select(v => new GuidanceVillageCount(v.VillageCode, v.VillageName, records.Count(r => r.VillageCode == v.VillageCode),
                suggestions.Count(s => s.VillageCode == v.VillageCode && s.Status == SuggestionStatus.Raised),
                suggestions.Count(s => s.VillageCode == v.VillageCode && s.Status == SuggestionStatus.Adopted),
                suggestions.Count(s => s.VillageCode == v.VillageCode && s.Status == SuggestionStatus.Implemented))).ToList();
    }

    private async Task<(string Village, DateOnly Date)> CheckAsync(XunchaDbContext db, Guid groupId, string? villageCode, DateOnly? date, UserScope user, CancellationToken ct)
    {
        var group = await FieldworkAccess.GroupAsync(db, groupId, user, ct);
        var village = villageCode?.Trim() ?? "";
        var errors = new ValidationErrors();
        if (village.Length == 0)
        {
            errors.Add("villageCode", FieldworkTexts.VillageRequired);
        }
        else if (!group.VillageCodes.Contains(village))
        {
            errors.Add("villageCode", FieldworkTexts.GroupVillageNotAssigned);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (date > today)
        {
            errors.Add("date", FieldworkTexts.DateInFuture);
        }

        errors.ThrowIfAny();
        await Checklists.ChecklistAccess.EnsureVillageAsync(db, village, user, ct);
        return (village, date ?? today);
    }
}
