using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Users;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Setup;

public sealed record DemoUser(string UserName, string DisplayName, string Role, string ScopeCode, string Organization);

public sealed record DemoSeedResult(int UsersCreated, int ProfilesFilled);

/// <summary>
/// Demo data on the real region tree: one user per role (clearly fictional names, one known
/// password) and plausible village profiles. Deterministic, idempotent.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<XunchaDbContext> dbFactory, CreateUserHandler createUser, TimeProvider clock)
{
    public const string Password = "Xuncha@2026";

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin", "系统管理员（演示）", Roles.Admin, "3307", "金华市委巡察办"),
        new("city", "张演示", Roles.CityOffice, "3307", "金华市委巡察办"),
        new("yiwu", "李示例", Roles.CountyOffice, "330782", "义乌市委巡察办"),
        new("wucheng", "王样例", Roles.CountyOffice, "330702", "婺城区委巡察办"),
        new("team", "赵演练", Roles.TeamMember, "330782", "义乌市委第一巡察组"),
        new("expert", "钱模拟", Roles.Expert, "330782", "义乌市巡察智囊团"),
        new("guide", "孙虚构", Roles.GuidanceGroup, "330702", "市委巡察指导组（婺城）"),
        new("owner", "周假名", Roles.RectificationOwner, "330782100", "义乌市佛堂镇党委"),
        new("jijian", "吴示范", Roles.Discipline, "3307", "金华市纪委监委"),
    ];

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct = default)
    {
        var created = 0;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var existing = await db.Users.Select(u => u.UserName!).ToListAsync(ct);
            foreach (var u in Users.Where(u => !existing.Contains(u.UserName)))
            {
                await createUser.Handle(new CreateUser(u.UserName, u.DisplayName, u.Organization, u.Role, u.ScopeCode, Password), null, ct);
                created++;
            }
        }

        await DemoPeople.SeedAsync(dbFactory, ct);
        return new DemoSeedResult(created, await FillProfilesAsync(ct));
    }

    private async Task<int> FillProfilesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Profile == null)
            .Select(r => new { r.Code, r.Kind })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var v in villages)
        {
            var rnd = new Random(StableSeed(v.Code));
            var community = v.Kind == "社区";
            var inspectedYear = rnd.Next(2016, 2026);
            db.VillageProfiles.Add(new VillageProfile
            {
                VillageCode = v.Code,
                Population = community ? rnd.Next(1500, 12000) : rnd.Next(280, 3800),
                CollectiveIncome = Math.Round((decimal)(community ? rnd.Next(80, 900) : rnd.Next(8, 520)) * 10000m + rnd.Next(0, 9999), 2),
                WeakOrg = rnd.NextDouble() < 0.05,
                KeyWorkScore = Math.Round(55m + (decimal)(rnd.NextDouble() * 44), 1),
                LastInspected = inspectedYear >= 2019 ? new DateOnly(inspectedYear, rnd.Next(3, 12), rnd.Next(1, 28)) : null,
                Chart = rnd.NextDouble() < 0.6 ? "2023" : "2004",
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        return villages.Count;
    }

    private static int StableSeed(string code) =>
        BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.ASCII.GetBytes(code)));
}
