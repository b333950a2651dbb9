using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Audit;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security.Protection;
using Xuncha.Screening.Engine;

namespace Xuncha.Core.Features.Screening;

/// <summary>
/// Keeps the cadres, their relatives and the petitions of the package's villages: a table the
/// package carries replaces what was kept for those villages; a table it lacks leaves it alone.
/// Petition reporters are encrypted here, before anything is kept.
/// </summary>
internal static class RosterStore
{
    public static async Task Replace(XunchaDbContext db, ScreeningRun run, ProtectedDataCipher cipher, CancellationToken ct)
    {
        if (run.Roster is not { } roster)
        {
            return;
        }

        var villages = run.Villages.Select(v => v.Code).ToList();

        // The old rows go in one statement, past the audit interceptor: one audit entry says how many.
        async Task ClearAsync<T>(IQueryable<T> old, string entity)
        {
            var removed = await old.ExecuteDeleteAsync(ct);
            db.Audit(AuditTrail.Bulk(AuditActions.Delete, entity, removed, $"重新导入名册，替换 {villages.Count} 个村社的旧记录"));
        }

        if (run.RowsPerTable.ContainsKey("cadres"))
        {
            await ClearAsync(db.VillageCadres.Where(c => villages.Contains(c.VillageCode)), nameof(VillageCadre));
            db.VillageCadres.AddRange(roster.Cadres.Select(c => new VillageCadre
            {
                Id = Guid.NewGuid(),
                VillageCode = c.VillageCode,
                Name = c.Name ?? "",
                IdNumber = c.IdNumber,
                Position = c.Position ?? "",
                TermStart = c.TermStart,
                TermEnd = c.TermEnd,
            }));
        }

        if (run.RowsPerTable.ContainsKey("relatives"))
        {
            await ClearAsync(db.CadreRelatives.Where(c => villages.Contains(c.VillageCode)), nameof(CadreRelative));
            db.CadreRelatives.AddRange(roster.Relatives.Select(r => new CadreRelative
            {
                Id = Guid.NewGuid(),
                VillageCode = r.VillageCode,
                CadreIdNumber = r.CadreIdNumber,
                RelativeName = r.RelativeName ?? "",
                RelativeIdNumber = r.RelativeIdNumber,
                Relation = r.Relation ?? "",
            }));
        }

        if (run.RowsPerTable.ContainsKey("petitions"))
        {
            await ClearAsync(db.Petitions.Where(p => villages.Contains(p.VillageCode)), nameof(Petition));
            db.Petitions.AddRange(roster.Petitions
                .DistinctBy(p => (p.VillageCode, p.PetitionNo))
                .Select(p => new Petition
                {
                    Id = Guid.NewGuid(),
                    VillageCode = p.VillageCode,
                    PetitionNo = p.PetitionNo,
                    ReceivedDate = p.ReceivedDate,
                    Category = p.Category ?? "",
                    Summary = p.Summary ?? "",
                    Status = p.Status ?? "",
                    ReporterNameProtected = cipher.Protect(p.ReporterName?.Trim()),
                    ReporterPhoneProtected = cipher.Protect(p.ReporterPhone?.Trim()),
                }));
        }
    }
}
