using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.Notifications;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

public sealed record OwnerInput(string? Kind, string? UnitName, string? RegionCode = null);

/// <summary>Create a task from a finding (Id null) or edit one that is not yet closed.</summary>
public sealed record SaveRectificationTask(
    Guid? Id, Guid? FindingId, string? Title, string? Measures, DateOnly? Deadline, IReadOnlyList<OwnerInput>? Owners,
    int InstitutionsBuilt = 0, int PeoplePunished = 0, int PeopleOrganisational = 0, int PeopleAdmonished = 0);

public sealed class SaveRectificationTaskHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RectificationSettings> settings, TimeProvider clock)
{
    public async Task<Guid> Handle(SaveRectificationTask cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Offices, RectificationTexts.ManageAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var today = SavePersonHandler.ChinaToday(clock);
        RectificationTask? task = null;
        Finding finding;
        if (cmd.Id is { } id)
        {
            task = await RectificationAccess.Load(db, id, user, ct);
            if (task.Status == RectificationStatus.Closed)
            {
                throw new ValidationException("status", "已销号的任务不能修改；如需复查，请使用「回头看」重新打开。");
            }

            finding = await db.Findings.SingleAsync(f => f.Id == task.FindingId, ct);
        }
        else
        {
            finding = cmd.FindingId is { } fid ? await FindingAccess.Load(db, fid, user, ct) : throw new ValidationException("findingId", "请选择要整改的问题。");
        }

        var owners = Validate(cmd, task is null, today);
        if (task is null)
        {
            task = new RectificationTask
            {
                Id = Guid.NewGuid(), FindingId = finding.Id, VillageCode = finding.VillageCode, RoundId = finding.RoundId, Title = "",
                CreatedById = user.UserId, CreatedAt = now,
            };
            db.RectificationTasks.Add(task);
            db.TaskEvents.Add(RectificationAccess.Event(task.Id, "created", null, RectificationStatus.Pending, $"整改期限 {cmd.Deadline:yyyy-MM-dd}", user, now));
            if (finding.Status == FindingStatus.Open)
            {
                finding.Status = FindingStatus.Rectifying;
            }

            var village = await db.Regions.Where(r => r.Code == finding.VillageCode).Select(r => r.Name).SingleAsync(ct);
            await Notifier.ToAudienceAsync(db, [Roles.RectificationOwner], [finding.VillageCode], NotificationKinds.TaskAssigned,
                $"新的整改任务：{cmd.Title!.Trim()}", $"{village}，整改期限 {cmd.Deadline:yyyy-MM-dd}。请按期报告整改进展并上传佐证材料。",
                $"/rectification/{task.Id}", now, ct);
        }
        else
        {
            var changes = new List<string>();
            if (task.Deadline != cmd.Deadline)
            {
                changes.Add($"整改期限 {task.Deadline:yyyy-MM-dd} → {cmd.Deadline:yyyy-MM-dd}");
            }

            db.TaskEvents.Add(RectificationAccess.Event(task.Id, "edited", null, null, changes.Count > 0 ? string.Join("；", changes) : "修改任务内容", user, now));
            db.TaskOwners.RemoveRange(task.Owners);
        }

        task.Title = cmd.Title!.Trim();
        task.Measures = cmd.Measures!.Trim();
        task.Deadline = cmd.Deadline!.Value;
        task.InstitutionsBuilt = cmd.InstitutionsBuilt;
        task.PeoplePunished = cmd.PeoplePunished;
        task.PeopleOrganisational = cmd.PeopleOrganisational;
        task.PeopleAdmonished = cmd.PeopleAdmonished;
        foreach (var o in owners)
        {
            db.TaskOwners.Add(new TaskOwner { Id = Guid.NewGuid(), TaskId = task.Id, Kind = o.Kind!, UnitName = o.UnitName!.Trim(), RegionCode = o.RegionCode });
        }

        await db.SaveChangesAsync(ct);
        return task.Id;
    }

    private List<OwnerInput> Validate(SaveRectificationTask cmd, bool creating, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(cmd.Title))
        {
            errors.Add("title", "请填写整改任务名称。");
        }
        else if (cmd.Title.Trim().Length > 200)
        {
            errors.Add("title", "任务名称不能超过 200 个字。");
        }

        if (string.IsNullOrWhiteSpace(cmd.Measures))
        {
            errors.Add("measures", "请填写整改措施。");
        }
        else if (cmd.Measures.Trim().Length > 4000)
        {
            errors.Add("measures", "整改措施不能超过 4000 个字。");
        }

        if (cmd.Deadline is not { } deadline)
        {
            errors.Add("deadline", "请填写整改期限。");
        }
        else if (creating && deadline < today)
        {
            errors.Add("deadline", $"整改期限不能早于今天（{today:yyyy-MM-dd}）。");
        }

        var kinds = settings.Value.EffectiveOwnerKinds;
        var owners = (cmd.Owners ?? []).Where(o => !string.IsNullOrWhiteSpace(o.UnitName) || !string.IsNullOrWhiteSpace(o.Kind)).ToList();
        if (owners.Count == 0)
        {
            errors.Add("owners", "请至少填写一个整改责任单位。");
        }

        foreach (var o in owners)
        {
            if (kinds.All(k => k.Key != o.Kind))
            {
                errors.Add("owners", $"责任类型「{o.Kind}」无效，可选：{string.Join("、", kinds.Select(k => k.Name))}。");
            }
            else if (string.IsNullOrWhiteSpace(o.UnitName) || o.UnitName.Trim().Length > 200)
            {
                errors.Add("owners", $"请填写「{settings.Value.OwnerKindName(o.Kind!)}」的单位名称（不超过 200 个字）。");
            }
        }

        if (new[] { cmd.InstitutionsBuilt, cmd.PeoplePunished, cmd.PeopleOrganisational, cmd.PeopleAdmonished }.Any(n => n is < 0 or > 10_000))
        {
            errors.Add("counts", "建章立制和处理人数须为 0 到 10000 之间的整数。");
        }

        errors.ThrowIfAny();
        return owners;
    }
}
