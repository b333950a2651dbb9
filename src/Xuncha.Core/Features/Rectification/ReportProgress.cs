using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Rectification;

public sealed record UploadedFile(string? FileName, Stream Content);

/// <summary>报告进展: a dated account of what was done, with evidence files (same limits as findings' evidence).</summary>
public sealed record ReportProgress(Guid TaskId, DateOnly? Date, string? Text, IReadOnlyList<UploadedFile> Files);

public sealed class ReportProgressHandler(IDbContextFactory<XunchaDbContext> dbFactory, FileStore files, TimeProvider clock)
{
    public const int MaxFiles = 10;

    public async Task<Guid> Handle(ReportProgress cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Reporters, RectificationTexts.ReportAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await RectificationAccess.Load(db, cmd.TaskId, user, ct);
        var next = RectificationFlow.Next(task.Status, RectificationAction.Report);
        var today = SavePersonHandler.ChinaToday(clock);
        var errors = new ValidationErrors();
        if (cmd.Date is not { } date)
        {
            errors.Add("date", "请填写进展日期。");
        }
        else if (date > today)
        {
            errors.Add("date", "进展日期不能晚于今天。");
        }

        if (string.IsNullOrWhiteSpace(cmd.Text))
        {
            errors.Add("text", "请填写整改进展情况。");
        }
        else if (cmd.Text.Trim().Length > 4000)
        {
            errors.Add("text", "进展情况不能超过 4000 个字。");
        }

        if (cmd.Files.Count > MaxFiles)
        {
            errors.Add("file", $"一次最多上传 {MaxFiles} 个佐证材料。");
        }

        var types = new List<(string Name, string Type)>();
        foreach (var f in cmd.Files)
        {
            var name = Path.GetFileName(f.FileName ?? "").Trim();
            if (name.Length is 0 or > 200 || !EvidenceRules.Types.TryGetValue(Path.GetExtension(name).ToLowerInvariant(), out var type))
            {
                errors.Add("file", $"「{name}」的文件类型不支持：{EvidenceRules.LimitText}");
                continue;
            }

            types.Add((name, type));
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var report = new ProgressReport
        {
            Id = Guid.NewGuid(), TaskId = task.Id, Date = cmd.Date!.Value, Text = cmd.Text!.Trim(), ReportedById = user.UserId,
            ReportedByName = user.DisplayName, ReportedAt = now,
        };
        db.ProgressReports.Add(report);
        for (var i = 0; i < cmd.Files.Count; i++)
        {
            // Stored by hash before the row: an unreferenced file is harmless, a row without bytes is not.
            var (sha, size) = await files.SaveAsync(cmd.Files[i].Content, EvidenceRules.MaxBytes, ct);
            if (size == 0)
            {
                throw new ValidationException("file", $"「{types[i].Name}」是空文件，请重新选择。");
            }

            db.ProgressEvidence.Add(new ProgressEvidence
            {
                Id = Guid.NewGuid(), TaskId = task.Id, ReportId = report.Id, FileName = types[i].Name, ContentType = types[i].Type, Size = size, Sha256 = sha, UploadedAt = now,
            });
        }

        var summary = report.Text.Length > 60 ? report.Text[..60] + "…" : report.Text;
        db.TaskEvents.Add(RectificationAccess.Event(task.Id, "progress", task.Status == next ? null : task.Status, task.Status == next ? null : next,
            cmd.Files.Count > 0 ? $"{summary}（佐证材料 {cmd.Files.Count} 份）" : summary, user, now));
        task.Status = next;
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    public async Task<(ProgressEvidence File, Stream Content)> Open(Guid taskId, Guid evidenceId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(RectificationAccess.Readers, RectificationTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RectificationAccess.Load(db, taskId, user, ct);
        var file = await db.ProgressEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.TaskId == taskId, ct)
            ?? throw new NotFoundException("找不到该佐证材料。");
        return (file, files.Open(file.Sha256));
    }
}
