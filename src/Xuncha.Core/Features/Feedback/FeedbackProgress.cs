using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;

namespace Xuncha.Core.Features.Feedback;

/// <summary>Whether the results reached a village at every level, with the date each level was held.</summary>
public sealed record VillageFeedback(string VillageCode, string VillageName, string TownshipName, IReadOnlyList<DateOnly?> Levels)
{
    public bool Complete => Levels.All(d => d is not null);
}

public sealed record FeedbackProgress(IReadOnlyList<string> LevelNames, IReadOnlyList<VillageFeedback> Villages, IReadOnlyList<int> DonePerLevel)
{
    public int Complete => Villages.Count(v => v.Complete);
}

public sealed class FeedbackProgressHandler(IDbContextFactory<XunchaDbContext> dbFactory, IOptions<FeedbackSettings> settings)
{
    public async Task<FeedbackProgress> Handle(Guid roundId, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(FeedbackAccess.Readers, FeedbackTexts.ViewAction);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FeedbackRecordsHandler.EnsureRoundAsync(db, roundId, user, ct);
        var villages = await (from t in db.RoundTargets.AsNoTracking()
                              join v in db.Regions on t.VillageCode equals v.Code
                              where t.RoundId == roundId && t.VillageCode.StartsWith(user.ScopeCode)
                              orderby t.VillageCode
                              select new { t.VillageCode, v.Name, Township = v.Parent!.Name }).ToListAsync(ct);
        // Feedback to a county or township reaches every village under it, so records above the
        // user's scope count too; they are not listed, only used here.
        var held = await db.FeedbackRecords.AsNoTracking().Where(f => f.RoundId == roundId)
            .Select(f => new { f.Level, f.RegionCode, f.Date }).ToListAsync(ct);
        var levels = settings.Value.EffectiveLevels;
        var rows = villages.Select(v => new VillageFeedback(v.VillageCode, v.Name, v.Township, levels.Select(l =>
        {
            var region = v.VillageCode[..Domain.Regions.RegionCode.LengthOf(l.ReceiverLevel)];
            return held.Where(h => h.Level == l.Level && h.RegionCode == region).Select(h => (DateOnly?)h.Date).Min();
        }).ToList())).ToList();
        var done = levels.Select((_, i) => rows.Count(r => r.Levels[i] is not null)).ToList();
        return new FeedbackProgress(levels.Select(l => l.Name).ToList(), rows, done);
    }
}
