using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Fieldwork;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Rectification;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Documents;

/// <summary>Which documents: a round, and one of its villages or (null) all of them within the user's scope.</summary>
public sealed record DocumentRequest(Guid RoundId, string? VillageCode = null);

public sealed record DocumentVillage(
    string Code, string Name, string TownshipName, VillageProfile? Profile, string? TeamName, string? Leader, IReadOnlyList<string> Members);

public sealed record DocumentFinding(Finding Finding, string VillageName, string TownshipName, decimal Recovered, ClueTransfer? Clue);

/// <summary>Everything the report and the lists are made of, already filtered to what the user may see.</summary>
public sealed record DocumentData(
    Round Round, string RoundRegionName, IReadOnlyList<DocumentVillage> Villages, IReadOnlyList<DocumentFinding> Findings,
    IReadOnlyDictionary<FieldRecordKind, int> FieldWork, DateOnly Today)
{
    public DocumentVillage? Village => Villages.Count == 1 && IsVillage ? Villages[0] : null;

    public bool IsVillage { get; init; }

    /// <summary>The rectification tasks raised from these findings, with their owners; empty before rectification starts.</summary>
    public IReadOnlyList<RectificationTask> Tasks { get; init; } = [];
}

internal static class DocumentSource
{
    public static async Task<DocumentData> LoadAsync(XunchaDbContext db, DocumentRequest request, UserScope user, DateOnly today, CancellationToken ct)
    {
        string? village = null;
        if (request.VillageCode is { } raw)
        {
            village = RegionCode.Normalize(raw) ?? throw new NotFoundException("找不到该村（社区）。");
            var name = await db.Regions.Where(r => r.Code == village).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("找不到该村（社区）。");
            // Scope before the round: a village outside the scope is refused, whatever round is asked for.
            user.EnsureCovers(village, name);
        }

        var round = await RoundQueries.Load(db, request.RoundId, user, ct);
        var targets = await db.RoundTargets.AsNoTracking()
            .Where(t => t.RoundId == round.Id && t.VillageCode.StartsWith(user.ScopeCode) && (village == null || t.VillageCode == village)).InOwnVillages(user, t => t.VillageCode)
            .ToListAsync(ct);
        if (targets.Count == 0)
        {
            throw new NotFoundException(village is null ? DocumentTexts.NoVillages : DocumentTexts.NotTarget);
        }

        var codes = targets.Select(t => t.VillageCode).ToList();
        var regions = await db.Regions.AsNoTracking().Include(r => r.Profile).Include(r => r.Parent)
            .Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var teamIds = targets.Where(t => t.TeamId != null).Select(t => t.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var members = await (
            from m in db.TeamMembers.AsNoTracking()
            join p in db.People on m.PersonId equals p.Id
            where teamIds.Contains(m.TeamId)
            select new { m.TeamId, m.IsLeader, p.Name }).ToListAsync(ct);

        var villages = targets.OrderBy(t => t.VillageCode).Select(t =>
        {
            var region = regions[t.VillageCode];
            var team = t.TeamId is { } id ? members.Where(m => m.TeamId == id).OrderByDescending(m => m.IsLeader).ThenBy(m => m.Name).ToList() : [];
            return new DocumentVillage(t.VillageCode, DocumentTexts.VillageName(region.Name), region.Parent?.Name ?? "", region.Profile, t.TeamId is { } tid ? teams.GetValueOrDefault(tid) : null,
                team.FirstOrDefault(m => m.IsLeader)?.Name, team.Select(m => m.Name).ToList());
        }).ToList();

        var findings = await db.Findings.AsNoTracking().Where(f => f.RoundId == round.Id && codes.Contains(f.VillageCode)).ToListAsync(ct);
        var ids = findings.Select(f => f.Id).ToList();
        // Summed here because SQLite cannot sum decimals.
        var recovered = (await db.Recoveries.AsNoTracking().Where(r => ids.Contains(r.FindingId)).Select(r => new { r.FindingId, r.Amount }).ToListAsync(ct))
            .GroupBy(r => r.FindingId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var clues = await db.ClueTransfers.AsNoTracking().Where(c => ids.Contains(c.FindingId)).ToDictionaryAsync(c => c.FindingId, ct);
        var rows = findings
            .OrderBy(f => f.VillageCode).ThenBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .Select(f => new DocumentFinding(f, DocumentTexts.VillageName(regions[f.VillageCode].Name), regions[f.VillageCode].Parent?.Name ?? "", recovered.GetValueOrDefault(f.Id), clues.GetValueOrDefault(f.Id)))
            .ToList();

        var tasks = await db.RectificationTasks.AsNoTracking().Include(t => t.Owners).Where(t => ids.Contains(t.FindingId)).ToListAsync(ct);
        var kinds = await db.FieldRecords.AsNoTracking().Where(r => r.RoundId == round.Id && codes.Contains(r.VillageCode)).Select(r => r.Kind).ToListAsync(ct);
        var regionName = await db.Regions.Where(r => r.Code == round.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? "";
        return new DocumentData(round, regionName, villages, rows, kinds.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count()), today)
        {
            IsVillage = village is not null,
            Tasks = tasks.OrderBy(t => t.Deadline).ThenBy(t => t.Title).ToList(),
        };
    }
}
