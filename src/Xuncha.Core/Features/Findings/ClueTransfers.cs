using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Common;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;

namespace Xuncha.Core.Features.Findings;

public sealed record TransferClue(Guid FindingId, DateOnly? TransferredOn, string? ToUnit, string? Content, string? Persons);

public sealed record SetClueStatus(Guid Id, ClueStatus Status);

/// <summary>A row of the clue list: no content, no persons — those are only in <see cref="ClueDetails"/>.</summary>
public sealed record ClueRow(
    Guid Id, Guid FindingId, string FindingTitle, string VillageCode, string VillageName, DateOnly TransferredOn, string ToUnit,
    ClueStatus Status, string StatusName, string Label);

public sealed record ClueDetails(ClueRow Row, string Content, string Persons);

/// <summary>
/// 问题线索移交. The content and the persons involved are encrypted at rest, readable only by
/// <see cref="FindingAccess.ClueReaders"/>, and every reading is written to the access log
/// before the text leaves this handler. Nothing here logs the text.
/// </summary>
public sealed class ClueTransferHandler(IDbContextFactory<XunchaDbContext> dbFactory, ProtectedDataCipher cipher, AccessLog accessLog, TimeProvider clock)
{
    public async Task<Guid> Transfer(TransferClue cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Editors, "移交问题线索");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindingAccess.Load(db, cmd.FindingId, user, ct);
        var errors = new ValidationErrors();
        if (cmd.TransferredOn is not { } on)
        {
            errors.Add("transferredOn", "请填写移交日期。");
        }
        else if (on > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
        {
            errors.Add("transferredOn", "移交日期不能晚于今天。");
        }

        if (string.IsNullOrWhiteSpace(cmd.ToUnit))
        {
            errors.Add("toUnit", "请填写接收线索的纪检监察机关。");
        }

        if (string.IsNullOrWhiteSpace(cmd.Content))
        {
            errors.Add("content", "请填写线索内容。");
        }

        if (await db.ClueTransfers.AnyAsync(c => c.FindingId == cmd.FindingId, ct))
        {
            errors.Add("findingId", "该问题的线索已经移交。");
        }

        errors.ThrowIfAny();
        var clue = new ClueTransfer
        {
            Id = Guid.NewGuid(), FindingId = cmd.FindingId, TransferredOn = cmd.TransferredOn!.Value, ToUnit = cmd.ToUnit!.Trim(),
            ContentProtected = cipher.Protect(cmd.Content!.Trim())!, PersonsProtected = cipher.Protect(cmd.Persons?.Trim()),
            CreatedById = user.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.ClueTransfers.Add(clue);
        await db.SaveChangesAsync(ct);
        return clue.Id;
    }

    public async Task<Paged<ClueRow>> List(int? page, int? pageSize, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.ClueListers, FindingTexts.ClueListAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Joined(db, user);
        var (p, size) = Paging.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(j => j.Clue.TransferredOn).ThenBy(j => j.Finding.VillageCode).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<ClueRow>(rows.Select(Row).ToList(), total, p, size);
    }

    public async Task<ClueDetails> Details(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.ClueReaders, FindingTexts.ClueReadAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var joined = await Joined(db, user).SingleOrDefaultAsync(j => j.Clue.Id == id, ct) ?? throw new NotFoundException("找不到该线索，或不在您的数据范围内。");
        await accessLog.RecordAsync(user, AccessLog.Clue, id.ToString(), "查看问题线索内容", ct);
        return new ClueDetails(Row(joined), cipher.Unprotect(joined.Clue.ContentProtected) ?? "", cipher.Unprotect(joined.Clue.PersonsProtected) ?? "");
    }

    public async Task SetStatus(SetClueStatus cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.ClueReaders, "更新线索办理状态");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        _ = await Joined(db, user).SingleOrDefaultAsync(j => j.Clue.Id == cmd.Id, ct) ?? throw new NotFoundException("找不到该线索，或不在您的数据范围内。");
        var clue = await db.ClueTransfers.SingleAsync(c => c.Id == cmd.Id, ct);

        // 已移交 → 已受理 → 已办结, one step at a time.
        if ((int)cmd.Status != (int)clue.Status + 1)
        {
            throw new ValidationException("status", $"线索当前为「{FindingTexts.ClueStatusName(clue.Status)}」，不能改为「{FindingTexts.ClueStatusName(cmd.Status)}」。");
        }

        clue.Status = cmd.Status;
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<ClueJoin> Joined(XunchaDbContext db, UserScope user) =>
        from c in db.ClueTransfers.AsNoTracking()
        join f in db.Findings on c.FindingId equals f.Id
        join v in db.Regions on f.VillageCode equals v.Code
        where f.VillageCode.StartsWith(user.ScopeCode)
        select new ClueJoin { Clue = c, Finding = f, VillageName = v.Name };

    private static ClueRow Row(ClueJoin j) => new(j.Clue.Id, j.Finding.Id, j.Finding.Title, j.Finding.VillageCode, j.VillageName, j.Clue.TransferredOn,
        j.Clue.ToUnit, j.Clue.Status, FindingTexts.ClueStatusName(j.Clue.Status), FindingTexts.TransferredLabel);

    private sealed class ClueJoin
    {
        public required ClueTransfer Clue { get; init; }
        public required Finding Finding { get; init; }
        public required string VillageName { get; init; }
    }
}
