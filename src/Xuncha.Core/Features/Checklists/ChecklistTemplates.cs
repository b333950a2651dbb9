using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Screening.Engine;

namespace Xuncha.Core.Features.Checklists;

public sealed record TemplateRow(
    Guid Id,
    string Area,
    string Text,
    ChecklistCondition Condition,
    string ConditionName,
    string? Parameter,
    int SortOrder,
    bool Active);

/// <summary>Add (Id null) or change a template item; <c>Active = false</c> retires it from future generations.</summary>
public sealed record SaveTemplateItem(Guid? Id, string? Area, string? Text, ChecklistCondition Condition, string? Parameter, int SortOrder, bool Active = true);

/// <summary>The office's template items (体检套餐): read by county offices, maintained by the city.</summary>
public sealed class ChecklistTemplatesHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<IReadOnlyList<TemplateRow>> List(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.TemplateReaders, ChecklistTexts.TemplateViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.ChecklistTemplateItems.AsNoTracking().ToListAsync(ct);
        return items
            .OrderByDescending(t => t.Active).ThenBy(t => DefaultChecklist.AreaOrder(t.Area)).ThenBy(t => t.Area, StringComparer.Ordinal)
            .ThenBy(t => t.SortOrder).ThenBy(t => t.Text, StringComparer.Ordinal)
            .Select(t => new TemplateRow(t.Id, t.Area, t.Text, t.Condition, ChecklistTexts.ConditionName(t.Condition), t.Parameter, t.SortOrder, t.Active))
            .ToList();
    }

    public async Task<Guid> Save(SaveTemplateItem cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ChecklistAccess.TemplateEditors, ChecklistTexts.TemplateEditAction);
        var (area, text, parameter) = Validate(cmd);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        ChecklistTemplateItem item;
        if (cmd.Id is { } id)
        {
            item = await db.ChecklistTemplateItems.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException(ChecklistTexts.TemplateNotFound(id));
            item.Area = area;
            item.Text = text;
        }
        else
        {
            item = new ChecklistTemplateItem { Id = Guid.NewGuid(), Area = area, Text = text };
            db.ChecklistTemplateItems.Add(item);
        }

        item.Condition = cmd.Condition;
        item.Parameter = parameter;
        item.SortOrder = cmd.SortOrder;
        item.Active = cmd.Active;
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    private static (string Area, string Text, string? Parameter) Validate(SaveTemplateItem cmd)
    {
        var errors = new ValidationErrors();
        var area = cmd.Area?.Trim() ?? "";
        var text = cmd.Text?.Trim() ?? "";
        var parameter = string.IsNullOrWhiteSpace(cmd.Parameter) ? null : cmd.Parameter.Trim();
        if (area.Length == 0)
        {
            errors.Add("area", ChecklistTexts.AreaRequired);
        }
        else if (area.Length > 30)
        {
            errors.Add("area", ChecklistTexts.AreaTooLong);
        }

        if (text.Length == 0)
        {
            errors.Add("text", ChecklistTexts.TextRequired);
        }
        else if (text.Length > 500)
        {
            errors.Add("text", ChecklistTexts.TextTooLong);
        }

        if (!Enum.IsDefined(cmd.Condition))
        {
            errors.Add("condition", "请选择纳入条件。");
        }

        switch (cmd.Condition)
        {
            case ChecklistCondition.Always or ChecklistCondition.WeakOrganisation:
                parameter = null;
                break;
            case ChecklistCondition.CollectiveIncomeAtLeast or ChecklistCondition.WorksAmountAtLeast or ChecklistCondition.SubsidyRecipientsAtLeast:
                if (parameter is null)
                {
                    errors.Add("parameter", ChecklistTexts.ParameterRequired);
                }
                else if (VillageFacts.Threshold(parameter) is null)
                {
                    errors.Add("parameter", ChecklistTexts.ParameterNotNumber);
                }

                break;
            case ChecklistCondition.LeadRule:
                if (parameter is null || RulePack.Find(parameter) is null)
                {
                    errors.Add("parameter", ChecklistTexts.ParameterNotRule);
                }
                else
                {
                    parameter = parameter.ToUpperInvariant();
                }

                break;
            case ChecklistCondition.PetitionCategory:
                if (parameter is null)
                {
                    errors.Add("parameter", ChecklistTexts.ParameterRequired);
                }

                break;
        }

        if (parameter?.Length > 50)
        {
            errors.Add("parameter", ChecklistTexts.ParameterTooLong);
        }

        errors.ThrowIfAny();
        return (area, text, parameter);
    }
}
