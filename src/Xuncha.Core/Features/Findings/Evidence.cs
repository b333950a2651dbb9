using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Findings;

public sealed record UploadEvidence(Guid FindingId, string? FileName, Stream Content);

/// <summary>Evidence limits: the type is taken from the extension, never from what the browser claims.</summary>
public static class EvidenceRules
{
    public const long MaxBytes = 20L << 20;

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".mp3"] = "audio/mpeg",
        [".mp4"] = "video/mp4",
    };

    public const string LimitText = "支持 jpg、png、pdf、docx、xlsx、mp3、mp4 文件，单个不超过 20 MB；图片和 PDF 可在线预览。";

    public static bool Previewable(string contentType) => contentType is "image/jpeg" or "image/png" or "application/pdf";
}

public sealed class EvidenceHandler(IDbContextFactory<XunchaDbContext> dbFactory, FileStore files, TimeProvider clock)
{
    public async Task<Guid> Upload(UploadEvidence cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Editors, FindingTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindingAccess.Load(db, cmd.FindingId, user, ct);
        var name = Path.GetFileName(cmd.FileName ?? "").Trim();
        if (name.Length is 0 or > 200 || !EvidenceRules.Types.TryGetValue(Path.GetExtension(name).ToLowerInvariant(), out var type))
        {
            throw new ValidationException("file", "证据文件类型不支持：" + EvidenceRules.LimitText);
        }

        var (sha, size) = await files.SaveAsync(cmd.Content, EvidenceRules.MaxBytes, ct);
        if (size == 0)
        {
            throw new ValidationException("file", "证据文件是空的，请重新选择。");
        }

        var evidence = new EvidenceFile
        {
            Id = Guid.NewGuid(), FindingId = cmd.FindingId, FileName = name, ContentType = type, Size = size, Sha256 = sha,
            UploadedById = user.UserId, UploadedAt = clock.GetUtcNow(),
        };
        db.EvidenceFiles.Add(evidence);
        await db.SaveChangesAsync(ct);
        return evidence.Id;
    }

    public async Task<(EvidenceFile File, Stream Content)> Open(Guid findingId, Guid evidenceId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Readers, FindingTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindingAccess.Load(db, findingId, user, ct);
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.FindingId == findingId, ct)
            ?? throw new NotFoundException("找不到该证据文件。");
        return (file, files.Open(file.Sha256));
    }
}
