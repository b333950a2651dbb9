using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Teams;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Teams;

public sealed record InviteExpert(Guid ExpertId, string? Note);

public sealed record ExpertOption(Guid Id, string Name, string Field, string Unit, string Title, string? HomeVillageCode);

/// <summary>
/// 智囊团: an expert is invited to a team of a round, or to a single finding. An expert from one of
/// the villages concerned is not refused (experts are few) but the invitation carries a warning.
/// </summary>
public sealed class ExpertInvitationsHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<InvitationView> ToTeam(Guid roundId, Guid teamId, InviteExpert cmd, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TeamsAccess.RoundAsync(db, roundId, user, edit: true, ct);
        _ = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.RoundId == round.Id, ct) ?? throw new NotFoundException(TeamTexts.TeamNotFound(teamId));
        var expert = await ExpertAsync(db, cmd.ExpertId, round.RegionCode, ct);
        var villages = await (from t in db.RoundTargets
                              where t.TeamId == teamId
                              join v in db.Regions on t.VillageCode equals v.Code
                              select new { t.VillageCode, v.Name }).ToListAsync(ct);
        var home = RegionCode.Normalize(expert.HomeVillageCode);
        var warnings = villages.Where(v => v.VillageCode == home).Select(v => TeamTexts.ExpertTied(expert.Name, v.Name)).ToList();
        return await SaveAsync(db, new ExpertInvitation { Id = Guid.NewGuid(), ExpertId = expert.Id, TeamId = teamId, Note = cmd.Note?.Trim() ?? "", InvitedById = user.UserId, InvitedAt = clock.GetUtcNow() }, expert, warnings, ct);
    }

    public async Task<InvitationView> ToFinding(Guid findingId, InviteExpert cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(TeamsAccess.Editors, TeamTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (finding, village) = await FindingAsync(db, findingId, user, ct);
        var expert = await ExpertAsync(db, cmd.ExpertId, user.ScopeCode, ct);
        var warnings = RegionCode.Normalize(expert.HomeVillageCode) == finding ? new List<string> { TeamTexts.ExpertTied(expert.Name, village) } : [];
        return await SaveAsync(db, new ExpertInvitation { Id = Guid.NewGuid(), ExpertId = expert.Id, FindingId = findingId, Note = cmd.Note?.Trim() ?? "", InvitedById = user.UserId, InvitedAt = clock.GetUtcNow() }, expert, warnings, ct);
    }

    public async Task<IReadOnlyList<InvitationView>> OfFinding(Guid findingId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(TeamsAccess.Viewers, TeamTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (village, villageName) = await FindingAsync(db, findingId, user, ct);
        var rows = await (from i in db.ExpertInvitations.AsNoTracking()
                          where i.FindingId == findingId
                          join e in db.Experts on i.ExpertId equals e.Id
                                    select new { i, e }).ToListAsync(ct);
        return rows.OrderBy(r => r.i.InvitedAt).Select(r => View(r.i, r.e, RegionCode.Normalize(r.e.HomeVillageCode) == village ? [TeamTexts.ExpertTied(r.e.Name, villageName)] : [])).ToList();
    }

    public async Task<IReadOnlyList<InvitationView>> OfRound(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await TeamsAccess.RoundAsync(db, roundId, user, edit: false, ct);
        var teamIds = await db.Teams.Where(t => t.RoundId == round.Id).Select(t => t.Id).ToListAsync(ct);
        var targets = await (from t in db.RoundTargets
                             where t.RoundId == round.Id
                             join v in db.Regions on t.VillageCode equals v.Code
                             select new TargetVillage(t.VillageCode, v.Name, "", t.TeamId)).ToListAsync(ct);
        return await GetRoundTeamsHandler.InvitationsAsync(db, teamIds, new RoundData
        {
            Round = round, RegionName = "", Targets = targets, Pool = [], Avoidance = new Avoidance([], [], new Dictionary<string, string>(), round.StartDate, 0),
        }, ct);
    }

    /// <summary>Available experts of the office's pool or of the offices above it.</summary>
    public async Task<IReadOnlyList<ExpertOption>> Candidates(UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(TeamsAccess.Editors, TeamTexts.EditAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.ScopeCode;
        return await db.Experts.AsNoTracking()
            .Where(e => e.Available && (e.RegionCode.StartsWith(scope) || scope.StartsWith(e.RegionCode)))
            .OrderBy(e => e.Field).ThenBy(e => e.Name)
            .Select(e => new ExpertOption(e.Id, e.Name, e.Field, e.Unit, e.Title, e.HomeVillageCode))
            .ToListAsync(ct);
    }

    private static async Task<Expert> ExpertAsync(XunchaDbContext db, Guid id, string regionCode, CancellationToken ct)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null || !(RegionCode.IsWithin(expert.RegionCode, regionCode) || RegionCode.IsWithin(regionCode, expert.RegionCode)))
        {
            throw new ValidationException("expertId", TeamTexts.ExpertNotFound(id));
        }

        return expert.Available ? expert : throw new ValidationException("expertId", TeamTexts.ExpertUnavailable(expert.Name));
    }

    private static async Task<(string Village, string VillageName)> FindingAsync(XunchaDbContext db, Guid findingId, UserScope user, CancellationToken ct)
    {
        var village = await db.Findings.Where(f => f.Id == findingId).Select(f => f.VillageCode).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(TeamTexts.FindingNotFound(findingId));
        var name = await db.Regions.Where(r => r.Code == village).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? village;
        user.EnsureCovers(village, name);
        return (village, name);
    }

    private static async Task<InvitationView> SaveAsync(XunchaDbContext db, ExpertInvitation invitation, Expert expert, IReadOnlyList<string> warnings, CancellationToken ct)
    {
        db.ExpertInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return View(invitation, expert, warnings);
    }

    private static InvitationView View(ExpertInvitation i, Expert e, IReadOnlyList<string> warnings) =>
        new(i.Id, e.Id, e.Name, e.Field, e.Unit, i.TeamId, i.FindingId, i.Note, i.InvitedAt, warnings);
}
