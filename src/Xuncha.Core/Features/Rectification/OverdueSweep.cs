using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.Notifications;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Rectification;

public sealed record SweepResult(DateOnly Today, int NewlyOverdue, int Escalated, int Cleared, int Notifications);

/// <summary>
/// The daily 逾期 check (workflow.md step 12): a task not closed by its deadline becomes overdue
/// and climbs the escalation ladder by days overdue. Each level is recorded and notified once, so
/// running it twice a day changes nothing the second time.
/// </summary>
public sealed class OverdueSweep(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<RectificationSettings> settings, TimeProvider clock)
{
    public async Task<SweepResult> RunAsync(CancellationToken ct = default)
    {
        var today = SavePersonHandler.ChinaToday(clock);
        var now = clock.GetUtcNow();
        var steps = settings.Value.EffectiveEscalation;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.RectificationTasks.Where(t => t.Status != RectificationStatus.Closed && (t.Deadline < today || t.OverdueSince != null)).ToListAsync(ct);
        var stale = await db.RectificationTasks.Where(t => t.Status == RectificationStatus.Closed && t.OverdueSince != null).ToListAsync(ct);
        var codes = open.Select(t => t.VillageCode).Distinct().ToList();
        var villages = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        int newly = 0, escalated = 0, cleared = 0, sent = 0;
        foreach (var t in stale)
        {
            t.OverdueSince = null;
            cleared++;
        }

        foreach (var t in open)
        {
            if (t.Deadline >= today)
            {
                // The deadline was moved: no longer overdue, and the ladder starts again.
                t.OverdueSince = null;
                t.EscalationLevel = 0;
                db.TaskEvents.Add(RectificationAccess.Event(t.Id, "overdue-cleared", null, null, $"整改期限调整为 {t.Deadline:yyyy-MM-dd}，解除逾期", null, now));
                cleared++;
                continue;
            }

            var days = today.DayNumber - t.Deadline.DayNumber;
            var village = villages.GetValueOrDefault(t.VillageCode, t.VillageCode);
            if (t.OverdueSince is null)
            {
                t.OverdueSince = t.Deadline.AddDays(1);
                db.TaskEvents.Add(RectificationAccess.Event(t.Id, "overdue", null, null, $"整改期限 {t.Deadline:yyyy-MM-dd} 已过，任务逾期", null, now));
                newly++;
            }

            var level = steps.Count(s => s.AfterDays <= days);
            for (var l = t.EscalationLevel + 1; l <= level; l++)
            {
                var step = steps[l - 1];
                db.TaskEvents.Add(RectificationAccess.Event(t.Id, "escalation", null, null, $"逾期 {days} 天，升级为「{step.Name}」（第 {l} 级）", null, now));
                var first = l == 1;
                sent += await Notifier.ToAudienceAsync(db, step.Notify, [t.VillageCode],
                    first ? NotificationKinds.Overdue : NotificationKinds.Escalation,
                    first ? $"整改任务逾期：{t.Title}" : $"{step.Name}：{t.Title}",
                    $"{village}的整改任务已逾期 {days} 天（整改期限 {t.Deadline:yyyy-MM-dd}），请督促责任单位尽快完成整改。",
                    $"/rectification/{t.Id}", now, ct);
                escalated++;
            }

            t.EscalationLevel = Math.Max(t.EscalationLevel, level);
        }

        await db.SaveChangesAsync(ct);
        return new SweepResult(today, newly, escalated, cleared, sent);
    }
}
