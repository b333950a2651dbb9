using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Checklists;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Screening;
using Xuncha.IntegrationTests.Infrastructure;

namespace Xuncha.IntegrationTests.Checklists;

/// <summary>
/// A round put straight into the database, with villages whose profile, petitions and leads the
/// test decides. Villages are taken far past the demo package's, so no demo data leaks in.
/// </summary>
public sealed class ChecklistWorld
{
    public static readonly DateOnly Start = new(2025, 3, 1);

    private ChecklistWorld(Guid roundId, IReadOnlyList<(Guid TargetId, string Village)> targets)
    {
        RoundId = roundId;
        Targets = targets;
    }

    public Guid RoundId { get; }
    public IReadOnlyList<(Guid TargetId, string Village)> Targets { get; }

    /// <summary>A city round over <paramref name="yiwu"/> villages of 义乌 and <paramref name="wucheng"/> of 婺城, the <paramref name="slot"/>-th such set.</summary>
    public static async Task<ChecklistWorld> CreateAsync(XunchaAppFactory app, int slot, int yiwu = 2, int wucheng = 1)
    {
        await using var db = await app.DbAsync();
        var villages = new List<string>();
        villages.AddRange(await Villages(db, "330782", 300 + slot * 5, yiwu));
        villages.AddRange(await Villages(db, "330702", 100 + slot * 5, wucheng));
        var round = new Round
        {
            Id = Guid.NewGuid(),
            Name = $"2025年第一轮村（社区）巡察（测试 {slot}）",
            RegionCode = "3307",
            StartDate = Start,
            EndDate = Start.AddDays(60),
            CreatedById = "test",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Rounds.Add(round);
        var targets = villages.Select(v => new RoundTarget { Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = v, PickedById = "test", PickedAt = DateTimeOffset.UtcNow }).ToList();
        db.RoundTargets.AddRange(targets);

        foreach (var v in villages)
        {
            var profile = await db.VillageProfiles.SingleOrDefaultAsync(p => p.VillageCode == v);
            if (profile is null)
            {
                db.VillageProfiles.Add(profile = new VillageProfile { VillageCode = v });
            }

            profile.CollectiveIncome = 50_000m;
            profile.WorksAmount = null;
            profile.SubsidyRecipients = null;
            profile.WeakOrg = false;
        }

        await db.SaveChangesAsync();

        // The demo account "team" works in this round: team members see only their own rounds.
        await TeamSeed.JoinTeamAccountAsync(db, round.Id);
        return new ChecklistWorld(round.Id, targets.Select(t => (t.Id, t.VillageCode)).ToList());
    }

    private static Task<List<string>> Villages(Xuncha.Core.Persistence.XunchaDbContext db, string county, int skip, int take) =>
        db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(county)).OrderBy(r => r.Code)
            .Skip(skip).Take(take).Select(r => r.Code).ToListAsync();

    public static async Task ProfileAsync(XunchaAppFactory app, string village, decimal? income, decimal? works, int? recipients, bool weak)
    {
        await using var db = await app.DbAsync();
        var p = await db.VillageProfiles.SingleAsync(x => x.VillageCode == village);
        p.CollectiveIncome = income;
        p.WorksAmount = works;
        p.SubsidyRecipients = recipients;
        p.WeakOrg = weak;
        await db.SaveChangesAsync();
    }

    public static async Task PetitionsAsync(XunchaAppFactory app, string village, params (DateOnly Date, string Category)[] petitions)
    {
        await using var db = await app.DbAsync();
        var n = await db.Petitions.CountAsync(p => p.VillageCode == village);
        db.Petitions.AddRange(petitions.Select(p => new Petition
        {
            Id = Guid.NewGuid(), VillageCode = village, PetitionNo = $"XF-T-{++n}", ReceivedDate = p.Date, Category = p.Category, Summary = "反映问题",
        }));
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> LeadAsync(XunchaAppFactory app, string village, string rule, LeadStatus status)
    {
        await using var db = await app.DbAsync();
        var lead = new Lead
        {
            Id = Guid.NewGuid(),
            RuleCode = rule,
            RuleName = rule,
            Severity = "高",
            VillageCode = village,
            Ref = "T-" + Guid.NewGuid().ToString("N")[..8],
            Explanation = "测试",
            Status = status,
            FirstSeenAt = DateTimeOffset.UtcNow,
            LastSeenAt = DateTimeOffset.UtcNow,
        };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    }

    public static async Task SetLeadStatusAsync(XunchaAppFactory app, Guid lead, LeadStatus status)
    {
        await using var db = await app.DbAsync();
        await db.Leads.Where(l => l.Id == lead).ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, status));
    }

    public static async Task<Guid> FindingAsync(XunchaAppFactory app, string village, string title)
    {
        await using var db = await app.DbAsync();
        var finding = new Finding { Id = Guid.NewGuid(), VillageCode = village, Title = title, Source = "review", CreatedById = "test", CreatedAt = DateTimeOffset.UtcNow };
        db.Findings.Add(finding);
        await db.SaveChangesAsync();
        return finding.Id;
    }

    public static async Task<List<ChecklistItem>> ItemsAsync(XunchaAppFactory app, Guid targetId)
    {
        await using var db = await app.DbAsync();
        return await db.ChecklistItems.AsNoTracking().Where(i => i.RoundTargetId == targetId).ToListAsync();
    }
}
