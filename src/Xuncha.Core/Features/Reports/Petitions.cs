using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;

namespace Xuncha.Core.Features.Reports;

/// <summary>A petition in a list: no reporter field at all, only whether one was given.</summary>
public sealed record PetitionRow(Guid Id, string VillageCode, string PetitionNo, DateOnly ReceivedDate, string Category, string Summary, string Status, bool Named);

/// <summary>A petition on its own page; the reporter only for <see cref="ReportAccess.ReporterReaders"/>, after the view was logged.</summary>
public sealed record PetitionDetail(PetitionRow Petition, string VillageName, bool ReporterVisible, string? ReporterName, string? ReporterPhone);

public sealed class PetitionsHandler(IDbContextFactory<XunchaDbContext> dbFactory, ProtectedDataCipher cipher, AccessLog accessLog)
{
    public async Task<IReadOnlyList<PetitionRow>> ForVillage(string villageCode, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.PetitionViewers, ReportTexts.PetitionAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var village = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == villageCode, ct)
            ?? throw new NotFoundException("找不到该村（社区）。");
        user.EnsureCovers(village.Code, village.Name);
        var rows = await Rows(db.Petitions.AsNoTracking().Where(p => p.VillageCode == villageCode)).ToListAsync(ct);
        return rows.OrderByDescending(p => p.ReceivedDate).ThenBy(p => p.PetitionNo).ToList();
    }

    public async Task<PetitionDetail> Get(Guid id, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.PetitionViewers, ReportTexts.PetitionAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (
            from p in db.Petitions.AsNoTracking()
            where p.Id == id && p.VillageCode.StartsWith(user.ScopeCode)
            join v in db.Regions on p.VillageCode equals v.Code
            select new { p.ReporterNameProtected, p.ReporterPhoneProtected, p.VillageCode, VillageName = v.Name }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(ReportTexts.PetitionNotFound);
        user.EnsureCovers(found.VillageCode, found.VillageName);
        var row = await Rows(db.Petitions.Where(p => p.Id == id)).SingleAsync(ct);
        if (!ReportAccess.MayReadReporter(user) || !row.Named)
        {
            return new PetitionDetail(row, found.VillageName, false, null, null);
        }

        await accessLog.RecordAsync(user, AccessLog.PetitionReporter, id.ToString(), "查看信访举报详情", ct);
        return new PetitionDetail(row, found.VillageName, true, cipher.Unprotect(found.ReporterNameProtected), cipher.Unprotect(found.ReporterPhoneProtected));
    }

    private static IQueryable<PetitionRow> Rows(IQueryable<Domain.Regions.Petition> petitions) =>
        petitions.Select(p => new PetitionRow(p.Id, p.VillageCode, p.PetitionNo, p.ReceivedDate, p.Category, p.Summary, p.Status,
            p.ReporterNameProtected != null || p.ReporterPhoneProtected != null));
}
