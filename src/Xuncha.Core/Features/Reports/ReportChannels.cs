using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Reports;

/// <summary>Open channels for every target village of a round that has none yet.</summary>
public sealed record CreateChannels(Guid RoundId, string? TeamContact);

/// <summary>A village of a round with its channel (null when not opened yet).</summary>
public sealed record ChannelRow(
    Guid? ChannelId, string? Token, string VillageCode, string VillageName, string TownshipName, string? TeamName, string? TeamContact, int Reports, int Pending);

public sealed record ChannelNotice(Guid ChannelId, string Token, Guid RoundId, string RoundName, DateOnly StartDate, DateOnly EndDate,
    string VillageCode, string VillageName, string TownshipName, string CountyName, string? TeamName, string TeamContact);

public sealed class ReportChannelsHandler(IDbContextFactory<XunchaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ChannelRow>> ForRound(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.ChannelViewers, ReportTexts.ChannelAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RoundQueries.Load(db, roundId, user, ct);
        var rows = await (
            from t in db.RoundTargets.AsNoTracking()
            where t.RoundId == roundId && t.VillageCode.StartsWith(user.ScopeCode)
            join v in db.Regions on t.VillageCode equals v.Code
            join tm in db.Teams on t.TeamId equals tm.Id into teams
            from tm in teams.DefaultIfEmpty()
            join c in db.ReportChannels on new { t.RoundId, t.VillageCode } equals new { c.RoundId, c.VillageCode } into channels
            from c in channels.DefaultIfEmpty()
            select new ChannelRow(
                c == null ? null : c.Id, c == null ? null : c.Token, t.VillageCode, v.Name, v.Parent!.Name, tm == null ? null : tm.Name,
                c == null ? null : c.TeamContact,
                db.PublicReports.Count(r => r.RoundId == roundId && r.VillageCode == t.VillageCode),
                db.PublicReports.Count(r => r.RoundId == roundId && r.VillageCode == t.VillageCode && r.Status == ReportStatus.Pending))).ToListAsync(ct);
        return rows.OrderBy(r => r.VillageCode).ToList();
    }

    /// <summary>Returns how many channels were opened.</summary>
    public async Task<int> Create(CreateChannels cmd, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.ChannelManagers, ReportTexts.ChannelAction);
        var contact = cmd.TeamContact?.Trim();
        if (contact?.Length > 200)
        {
            throw new ValidationException("teamContact", "联系方式不能超过 200 字。");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RoundQueries.Load(db, cmd.RoundId, user, ct);
        var open = await db.ReportChannels.Where(c => c.RoundId == cmd.RoundId).Select(c => c.VillageCode).ToListAsync(ct);
        var targets = await (
            from t in db.RoundTargets
            where t.RoundId == cmd.RoundId && t.VillageCode.StartsWith(user.ScopeCode) && !open.Contains(t.VillageCode)
            join tm in db.Teams on t.TeamId equals tm.Id into teams
            from tm in teams.DefaultIfEmpty()
            select new { t.VillageCode, Team = tm == null ? null : tm.Name }).ToListAsync(ct);
        if (targets.Count == 0 && open.Count == 0)
        {
            throw new ValidationException("roundId", "该轮次尚未确定巡察对象村（社区），无法开通反映渠道。");
        }

        var now = clock.GetUtcNow();
        foreach (var t in targets)
        {
            db.ReportChannels.Add(new ReportChannel
            {
                Id = Guid.NewGuid(),
                RoundId = cmd.RoundId,
                VillageCode = t.VillageCode,
                Token = NewToken(),
                TeamContact = string.IsNullOrEmpty(contact) ? $"{t.Team ?? "巡察组"}（联系方式见村务公开栏公告）" : contact,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        return targets.Count;
    }

    public async Task<ChannelNotice> Notice(Guid channelId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(ReportAccess.ChannelViewers, ReportTexts.ChannelAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from c in db.ReportChannels.AsNoTracking()
            where c.Id == channelId && c.VillageCode.StartsWith(user.ScopeCode) && RoundQueries.Visible(db, user).Any(r => r.Id == c.RoundId)
            join r in db.Rounds on c.RoundId equals r.Id
            join v in db.Regions on c.VillageCode equals v.Code
            join t in db.RoundTargets on new { c.RoundId, c.VillageCode } equals new { t.RoundId, t.VillageCode } into targets
            from t in targets.DefaultIfEmpty()
            join tm in db.Teams on t.TeamId equals tm.Id into teams
            from tm in teams.DefaultIfEmpty()
            select new ChannelNotice(c.Id, c.Token, r.Id, r.Name, r.StartDate, r.EndDate, c.VillageCode, v.Name, v.Parent!.Name, v.Parent!.Parent!.Name,
                tm == null ? null : tm.Name, c.TeamContact)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(ReportTexts.ChannelNotFound);
    }

    /// <summary>128 random bits, URL-safe: the QR link cannot be guessed from another village's.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
