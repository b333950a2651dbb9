using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Checklists;

/// <summary>Add an item of the inspector's own to a village's checklist.</summary>
public sealed record AddChecklistItem(Guid TargetId, string? Area, string? Text);

/// <summary>
/// Change an item. Null fields stay as they are. Text and area are the office's to change;
/// status, note and the linked finding are the checker's. The finding goes with the status: when a
/// status is given the link becomes <see cref="FindingId"/> (none clears it); only 发现问题 may have one.
/// </summary>
public sealed record UpdateChecklistItem(Guid ItemId, string? Area = null, string? Text = null, ChecklistItemStatus? Status = null, string? Note = null, Guid? FindingId = null);

public sealed class EditChecklistItemsHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Guid> Add(AddChecklistItem cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Checkers, ChecklistTexts.CheckAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await ChecklistAccess.LoadTargetAsync(db, cmd.TargetId, user, ct);
        var errors = new ValidationErrors();
        var area = Required(errors, "area", cmd.Area, 30, ChecklistTexts.AreaRequired, ChecklistTexts.AreaTooLong);
        var text = Required(errors, "text", cmd.Text, 500, ChecklistTexts.TextRequired, ChecklistTexts.TextTooLong);
        errors.ThrowIfAny();
        var last = await db.ChecklistItems.Where(i => i.RoundTargetId == target.Id).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
        var item = new ChecklistItem
        {
            Id = Guid.NewGuid(),
            RoundTargetId = target.Id,
            Area = area,
            Text = text,
            Reason = ChecklistTexts.CustomReason,
            SortOrder = Math.Max(last, 9000) + 1,
            UpdatedById = user.UserId,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.ChecklistItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task Update(UpdateChecklistItem cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Checkers, ChecklistTexts.CheckAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, village) = await LoadAsync(db, cmd.ItemId, user, ct);
        var errors = new ValidationErrors();
        var area = cmd.Area is null ? item.Area : Required(errors, "area", cmd.Area, 30, ChecklistTexts.AreaRequired, ChecklistTexts.AreaTooLong);
        var text = cmd.Text is null ? item.Text : Required(errors, "text", cmd.Text, 500, ChecklistTexts.TextRequired, ChecklistTexts.TextTooLong);
        if ((area != item.Area || text != item.Text) && !user.IsInAnyRole(ChecklistAccess.Editors))
        {
            throw new ForbiddenException($"您的角色（{user.RoleNames}）无权{ChecklistTexts.EditAction}。");
        }

        var status = cmd.Status ?? item.Status;
        var note = cmd.Note?.Trim() ?? item.Note;
        if (note.Length > 2000)
        {
            errors.Add("note", ChecklistTexts.NoteTooLong);
        }

        var finding = status == ChecklistItemStatus.Problem ? cmd.FindingId ?? (cmd.Status is null ? item.FindingId : null) : null;
        if (cmd.FindingId is { } f)
        {
            if (status != ChecklistItemStatus.Problem)
            {
                errors.Add("findingId", ChecklistTexts.FindingOnlyForProblem);
            }
            else if (!await db.Findings.AnyAsync(x => x.Id == f && x.VillageCode == village, ct))
            {
                errors.Add("findingId", ChecklistTexts.FindingOfOtherVillage);
            }
        }

        errors.ThrowIfAny();
        item.Area = area;
        item.Text = text;
        item.Status = status;
        item.Note = note;
        item.FindingId = finding;
        item.UpdatedById = user.UserId;
        item.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task Remove(Guid itemId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.Editors, ChecklistTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, _) = await LoadAsync(db, itemId, user, ct);
        if (item.Status != ChecklistItemStatus.Unchecked)
        {
            throw new ValidationException("status", ChecklistTexts.CheckedCannotBeRemoved);
        }

        db.ChecklistItems.Remove(item);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<(ChecklistItem Item, string VillageCode)> LoadAsync(XunchaDbContext db, Guid id, UserScope user, CancellationToken ct)
    {
        var item = await db.ChecklistItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException(ChecklistTexts.ItemNotFound(id));
        var village = await db.RoundTargets.Where(t => t.Id == item.RoundTargetId).Select(t => t.VillageCode).SingleAsync(ct);
        await ChecklistAccess.EnsureVillageAsync(db, village, user, ct);
        return (item, village);
    }

    private static string Required(ValidationErrors errors, string field, string? value, int max, string missing, string tooLong)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0)
        {
            errors.Add(field, missing);
        }
        else if (v.Length > max)
        {
            errors.Add(field, tooLong);
        }

        return v;
    }
}
