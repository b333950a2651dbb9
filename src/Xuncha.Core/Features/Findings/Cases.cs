using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Findings;

public sealed record CaseRow(Guid FindingId, string Title, string VillageName, string TownshipName, string? CategoryL1, string? CategoryL2,
    decimal? Amount, decimal Recovered, IReadOnlyList<string> CampaignTags, string WriteUp);

/// <summary>The typical-case library (典型案例) for warning education (剖析警示).</summary>
public sealed class CasesHandler(IDbContextFactory<XunchaDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CaseRow>> List(string? category, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FindingAccess.Readers, "查看典型案例库");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = FindingAccess.Visible(db, user).Where(f => f.IsTypicalCase);
        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(f => f.CategoryL1 == category || f.CategoryL2 == category);
        }

        var rows = await ListFindingsHandler.Rows(db, query.OrderBy(f => f.CategoryL1).ThenBy(f => f.VillageCode).ThenBy(f => f.Title), ct);
        var writeUps = await query.Select(f => new { f.Id, f.CaseWriteUp }).ToDictionaryAsync(f => f.Id, f => f.CaseWriteUp, ct);
        return rows.Select(r => new CaseRow(r.Id, r.Title, r.VillageName, r.TownshipName, r.CategoryL1, r.CategoryL2, r.Amount, r.Recovered,
            r.CampaignTags, writeUps[r.Id])).ToList();
    }
}
