using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Findings;

public sealed record RecoveryRow(Guid Id, DateOnly Date, decimal Amount, string Note);

public sealed record EvidenceRow(Guid Id, string FileName, string ContentType, long Size, string Sha256, bool Previewable, DateTimeOffset UploadedAt);

/// <summary>A clue as anyone allowed to see the finding sees it: that it was transferred, when and to whom.</summary>
public sealed record ClueSummary(Guid Id, DateOnly TransferredOn, string ToUnit, ClueStatus Status, string StatusName, bool CanReadDetails);

public sealed record FindingDetail(
    FindingRow Row, string Description, string ResponsiblePeople, Guid? RoundId, string? RoundName, Guid? LeadId, string CaseWriteUp,
    IReadOnlyList<RecoveryRow> Recoveries, IReadOnlyList<EvidenceRow> Evidence, ClueSummary? Clue, bool CanEdit);

public sealed class GetFindingHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<FindingDetail> Handle(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Readers, FindingTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var f = await FindingAccess.Load(db, id, user, ct);
        var row = (await ListFindingsHandler.Rows(db, db.Findings.AsNoTracking().Where(x => x.Id == id), ct)).Single();
        var round = f.RoundId is { } r ? await db.Rounds.Where(x => x.Id == r).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var recoveries = (await db.Recoveries.AsNoTracking().Where(x => x.FindingId == id).ToListAsync(ct))
            .OrderBy(x => x.Date).ThenBy(x => x.CreatedAt).Select(x => new RecoveryRow(x.Id, x.Date, x.Amount, x.Note)).ToList();
        var evidence = (await db.EvidenceFiles.AsNoTracking().Where(x => x.FindingId == id).ToListAsync(ct))
            .OrderBy(x => x.UploadedAt).Select(x => new EvidenceRow(x.Id, x.FileName, x.ContentType, x.Size, x.Sha256, EvidenceRules.Previewable(x.ContentType), x.UploadedAt)).ToList();
        var clue = await db.ClueTransfers.AsNoTracking().SingleOrDefaultAsync(c => c.FindingId == id, ct);
        return new FindingDetail(row, f.Description, f.ResponsiblePeople, f.RoundId, round, f.LeadId, f.CaseWriteUp, recoveries, evidence,
            clue is null ? null : new ClueSummary(clue.Id, clue.TransferredOn, clue.ToUnit, clue.Status, FindingTexts.ClueStatusName(clue.Status), FindingAccess.CanReadClues(user)),
            user.IsInAnyRole(FindingAccess.Editors));
    }
}
