using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Planning;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Persistence;

namespace Xuncha.IntegrationTests.Infrastructure;

/// <summary>Rounds, targets and a people pool written straight into the database (rounds have their own pages elsewhere).</summary>
public static class TeamSeed
{
    public static readonly DateOnly Start = new(2026, 9, 1);

    public static async Task<Round> RoundAsync(XunchaDbContext db, string regionCode, IEnumerable<string> villages, DateOnly? start = null, string? name = null)
    {
        var round = new Round
        {
            Id = Guid.NewGuid(),
            Name = name ?? $"测试轮次-{Guid.NewGuid():N}"[..12],
            RegionCode = regionCode,
            StartDate = start ?? Start,
            EndDate = (start ?? Start).AddDays(45),
            CreatedById = "test",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var rank = 0;
        round.Targets.AddRange(villages.Select(v => new RoundTarget
        {
            Id = Guid.NewGuid(), RoundId = round.Id, VillageCode = v, RiskRank = ++rank, PickedById = "test", PickedAt = DateTimeOffset.UtcNow,
        }));
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        return round;
    }

    /// <summary>For the demo account "team" only: puts it in a team of the round, as a team member works in the rounds of its team.</summary>
    public static Task JoinIfTeamAsync(XunchaDbContext db, string userName, Guid roundId) =>
        userName == "team" ? JoinTeamAccountAsync(db, roundId) : Task.CompletedTask;

    /// <summary>Puts the demo account "team" in a team of the round: team members see only their own rounds.</summary>
    public static async Task JoinTeamAccountAsync(XunchaDbContext db, Guid roundId)
    {
        var user = await db.Users.Where(u => u.UserName == "team").Select(u => u.Id).SingleAsync();
        var person = await db.People.Where(p => p.UserId == user).Select(p => p.Id).FirstAsync();
        var team = new Xuncha.Core.Domain.Teams.Team { Id = Guid.NewGuid(), RoundId = roundId, Name = $"测试巡察组-{Guid.NewGuid():N}"[..12], CreatedAt = DateTimeOffset.UtcNow };
        team.Members.Add(new Xuncha.Core.Domain.Teams.TeamMember { Id = Guid.NewGuid(), TeamId = team.Id, PersonId = person, IsLeader = true });
        db.Teams.Add(team);
        await db.SaveChangesAsync();
    }

    public static Task<List<string>> VillagesAsync(XunchaDbContext db, string county, int count, int skip = 0) =>
        db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(county)).OrderBy(r => r.Code).Skip(skip).Take(count).Select(r => r.Code).ToListAsync();

    /// <summary>
    /// People with two skills each in rotation (纪检+老乡镇, 组织+审计 and may lead, 财政+老乡镇, 纪检+组织),
    /// so any three consecutive ones make a complete team.
    /// </summary>
    public static async Task<List<Person>> PoolAsync(XunchaDbContext db, string regionCode, int count, string prefix)
    {
        string[][] rotation = [[Skills.Discipline, Skills.Township], [Skills.Organisation, Skills.Audit], [Skills.Finance, Skills.Township], [Skills.Discipline, Skills.Organisation]];
        var people = Enumerable.Range(0, count).Select(i => new Person
        {
            Id = Guid.NewGuid(),
            Name = $"{prefix}{i + 1:00}",
            RegionCode = regionCode,
            Unit = "市纪委监委",
            Skills = [.. rotation[i % 4]],
            TownshipYears = rotation[i % 4].Contains(Skills.Township) ? 4 + i % 5 : 0,
            CanLead = i % 4 == 1,
            IdNumber = $"3307{Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999)}",
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people;
    }
}
