using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Features.Audit;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Security.Protection;

/// <summary>Records every view of protected data. Call it before returning the decrypted values.</summary>
public sealed class AccessLog(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public const string PetitionReporter = "petition-reporter";
    public const string PublicReporter = "public-reporter";
    public const string Clue = "clue";

    public async Task RecordAsync(UserScope user, string kind, string recordId, string purpose = "", CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AccessLog.Add(new AccessLogEntry
        {
            At = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            Kind = kind,
            RecordId = recordId,
            Purpose = purpose,
        });
        db.Audit(new AuditEvent
        {
            Action = AuditActions.ViewProtected,
            UserId = user.UserId,
            UserName = user.UserName,
            Entity = AuditLabels.Entity(kind),
            EntityId = recordId,
            Detail = purpose,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AccessLogEntry>> ForRecordAsync(string kind, string recordId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AccessLog.AsNoTracking().Where(a => a.Kind == kind && a.RecordId == recordId).ToListAsync(ct);
        return rows.OrderBy(a => a.Id).ToList();
    }
}
