using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Setup;
using Xuncha.Screening.Checks;

namespace Xuncha.Core.Tests.Features;

public sealed class DemoPeopleTests
{
    private static readonly IReadOnlyList<Region> Regions = ReferenceData.ReadRegions();
    private static readonly (List<Person> People, List<Expert> Experts) Pools = DemoPeople.Build(Regions);

    private static List<Person> Yiwu => Pools.People.Where(p => p.RegionCode == DemoPeople.Yiwu).ToList();

    [Fact]
    public void Build_IsTheSameEveryTime()
    {
        var again = DemoPeople.Build(Regions);
        Assert.Equal(Pools.People.Select(p => (p.Id, p.Name, p.IdNumber, p.HomeVillageCode, string.Join("、", p.Skills))),
            again.People.Select(p => (p.Id, p.Name, p.IdNumber, p.HomeVillageCode, string.Join("、", p.Skills))));
        Assert.Equal(Pools.Experts.Select(e => (e.Id, e.Name, e.Field)), again.Experts.Select(e => (e.Id, e.Name, e.Field)));
    }

    [Fact]
    public void Build_Gives60OfYiwu20OfTheCityAnd12Experts_WithValidIdNumbers()
    {
        Assert.Equal(DemoPeople.YiwuPeople, Yiwu.Count);
        Assert.Equal(DemoPeople.CityPeople, Pools.People.Count(p => p.RegionCode == RegionCode.City));
        Assert.Equal(12, Pools.Experts.Count);
        Assert.Equal(ExpertFields.All.Order(), Pools.Experts.Select(e => e.Field).Distinct().Order());

        var ids = Pools.People.Select(p => p.IdNumber!).Concat(Pools.People.SelectMany(p => p.Relatives).Select(r => r.IdNumber).OfType<string>())
            .Concat(Pools.Experts.Select(e => e.IdNumber).OfType<string>()).ToList();
        Assert.All(ids, id => Assert.True(ResidentId.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Pools.People, p => Assert.Equal((p.IdNumber![16] - '0') % 2 == 1 ? "男" : "女", p.Gender));
        Assert.Equal(Pools.People.Count + Pools.Experts.Count, Pools.People.Select(p => p.Name).Concat(Pools.Experts.Select(e => e.Name)).Distinct().Count());
        Assert.DoesNotContain(Pools.People, p => DemoSeeder.Users.Any(u => u.DisplayName == p.Name && p.Name != "赵演练"));
    }

    [Fact]
    public void Build_YiwuPool_HasTheSkillsARoundNeeds_OnTheRealTree()
    {
        var ready = Yiwu.Where(p => p.Available).ToList();
        Assert.True(ready.Count(p => p.Skills.Contains(Skills.Discipline)) >= 12);
        Assert.True(ready.Count(p => p.Skills.Contains(Skills.Organisation)) >= 12);
        Assert.True(ready.Count(p => p.Skills.Contains(Skills.Audit) || p.Skills.Contains(Skills.Finance)) >= 14);
        Assert.True(ready.Count(p => p.Skills.Contains(Skills.Township)) >= 14);
        Assert.All(Yiwu.Where(p => p.Skills.Contains(Skills.Township)), p => Assert.InRange(p.TownshipYears, 5, 20));
        Assert.True(ready.Count(p => p.Skills.Contains(Skills.Agriculture)) >= 4);
        Assert.True(ready.Count(p => p.Skills.Contains(Skills.Law)) >= 4);
        Assert.InRange(Pools.People.Count(p => p.CanLead), 13, 18);
        Assert.All(Pools.People, p => Assert.InRange(p.Skills.Count, 1, 3));

        var codes = Regions.ToDictionary(r => r.Code);
        Assert.All(Yiwu, p => Assert.Equal(RegionLevel.Village, codes[p.HomeVillageCode!].Level));
        Assert.All(Yiwu, p => Assert.StartsWith(DemoPeople.Yiwu, p.HomeVillageCode));
        var relatives = Yiwu.SelectMany(p => p.Relatives).ToList();
        Assert.InRange(relatives.Count, 8, 12);
        Assert.All(relatives, r => Assert.Equal(RegionLevel.Village, codes[r.VillageCode].Level));
        var recentWork = Yiwu.Where(p => p.Works.Any(w => (w.To ?? DateOnly.MaxValue) >= new DateOnly(2021, 1, 1))).ToList();
        Assert.True(recentWork.Count >= 15);
        Assert.All(Yiwu.SelectMany(p => p.Works), w => Assert.Equal(RegionLevel.Township, codes[w.RegionCode].Level));
    }

    [Fact]
    public void Build_YiwuPool_StaffsFiveTeamsForTwentyVillages_WithoutConflicts()
    {
        // Twenty villages spread over 义乌, four per team; each team needs a leader and one each of
        // 纪检, 组织, 审计 or 财政, 老乡镇, none of whom lives in, worked in or has a cadre relative in its villages.
        var villages = Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(DemoPeople.Yiwu, StringComparison.Ordinal))
            .Select(r => r.Code).Where((_, i) => i % 27 == 0).Take(20).ToList();
        Assert.Equal(20, villages.Count);
        var teams = villages.Chunk(4).ToList();
        string[][] roles = [["组长"], [Skills.Discipline], [Skills.Organisation], [Skills.Audit, Skills.Finance], [Skills.Township]];
        var people = Yiwu.Where(p => p.Available).ToList();

        bool Conflicts(Person p, string[] team) => team.Any(v =>
            p.HomeVillageCode == v
            || p.Works.Any(w => v.StartsWith(w.RegionCode, StringComparison.Ordinal))
            || p.Relatives.Any(r => r.VillageCode == v));

        bool Fits(Person p, string[] role) => role[0] == "组长" ? p.CanLead : role.Any(p.Skills.Contains);

        var used = new HashSet<Person>();
        bool Staff(int slot)
        {
            if (slot == teams.Count * roles.Length)
            {
                return true;
            }

            var (team, role) = (teams[slot / roles.Length], roles[slot % roles.Length]);
            foreach (var p in people.Where(p => !used.Contains(p) && Fits(p, role) && !Conflicts(p, team)))
            {
                used.Add(p);
                if (Staff(slot + 1))
                {
                    return true;
                }

                used.Remove(p);
            }

            return false;
        }

        Assert.True(Staff(0), "the demo pool cannot staff five conflict-free teams");
    }
}
