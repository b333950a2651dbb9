using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Findings;

/// <summary>A loss recovered (挽回经济损失) on a finding.</summary>
public sealed record AddRecovery(Guid FindingId, DateOnly? Date, decimal? Amount, string? Note);

public sealed class RecoveriesHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Guid> Add(AddRecovery cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Editors, FindingTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindingAccess.Load(db, cmd.FindingId, user, ct);
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (cmd.Date is not { } date)
        {
            errors.Add("date", "请填写挽回损失的日期。");
        }
        else if (date > today)
        {
            errors.Add("date", "挽回损失的日期不能晚于今天。");
        }

        if (cmd.Amount is not > 0)
        {
            errors.Add("amount", "请填写挽回的金额（大于 0 元）。");
        }
        else if (cmd.Amount > 1_000_000_000_000m)
        {
            errors.Add("amount", "金额过大，请核对。");
        }

        errors.ThrowIfAny();
        var recovery = new Recovery
        {
            Id = Guid.NewGuid(), FindingId = cmd.FindingId, Date = cmd.Date!.Value, Amount = decimal.Round(cmd.Amount!.Value, 2),
            Note = cmd.Note?.Trim() ?? "", CreatedById = user.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.Recoveries.Add(recovery);
        await db.SaveChangesAsync(ct);
        return recovery.Id;
    }

    public async Task Delete(Guid findingId, Guid recoveryId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Editors, FindingTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindingAccess.Load(db, findingId, user, ct);
        var recovery = await db.Recoveries.SingleOrDefaultAsync(r => r.Id == recoveryId && r.FindingId == findingId, ct)
            ?? throw new NotFoundException("找不到该挽回损失记录。");
        db.Recoveries.Remove(recovery);
        await db.SaveChangesAsync(ct);
    }
}
