using Microsoft.EntityFrameworkCore;

namespace Xuncha.IntegrationTests.Infrastructure;

/// <summary>The demo account "team" sees only the villages of its own rounds; tests acting as it pick from these.</summary>
public static class TeamVillages
{
    public static async Task<List<string>> TeamVillagesAsync(this XunchaAppFactory app)
    {
        await using var db = await app.DbAsync();
        return await ForAsync(db);
    }

    /// <summary>For a matrix run as <paramref name="userName"/>: the team member's own villages, or null for everyone else.</summary>
    public static async Task<List<string>?> OwnVillagesAsync(Xuncha.Core.Persistence.XunchaDbContext db, string userName) =>
        userName == "team" ? await ForAsync(db) : null;

    private static async Task<List<string>> ForAsync(Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var rounds = await RoundsAsync(db);
        var villages = await db.RoundTargets.Where(t => rounds.Contains(t.RoundId)).Select(t => t.VillageCode).Distinct().ToListAsync();
        return villages.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The rounds of the teams the "team" account's pool record is on.</summary>
    public static async Task<List<Guid>> RoundsAsync(Xuncha.Core.Persistence.XunchaDbContext db)
    {
        var user = await db.Users.Where(u => u.UserName == "team").Select(u => u.Id).SingleAsync();
        return await (from p in db.People
                            where p.UserId == user
                            join m in db.TeamMembers on p.Id equals m.PersonId
                            join t in db.Teams on m.TeamId equals t.Id
                            select t.RoundId).Distinct().ToListAsync();
    }
}
