using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Features.Setup;

/// <summary>
/// The demo pools on the real region tree: 60 people of 义乌 and 20 of the city with fictional
/// names, valid (fictional) ID numbers, home villages, township work and relatives who are village
/// cadres, and 12 experts. Deterministic: the same seed gives the same pool, so tests can rely on
/// it. Enough of every skill that a round of 20 义乌 villages can be staffed by five teams of four
/// or five (纪检, 组织, 审计 or 财政, 老乡镇) without conflicts.
/// </summary>
public static class DemoPeople
{
    public const int Seed = 20261128;
    public const string Yiwu = "330782";
    public const int YiwuPeople = 60;
    public const int CityPeople = 20;

    /// <summary>The year the demo's dates are counted back from (works of the last five years).</summary>
    private const int Year = 2025;

    private static readonly string[] Surnames =
    [
        "王", "陈", "吴", "楼", "金", "朱", "何", "龚", "傅", "骆", "冯", "鲍", "虞", "宗", "黄", "方", "季", "杨",
        "张", "徐", "周", "施", "贾", "丁", "蒋", "刘", "郑", "叶", "毛", "胡", "应", "倪", "俞", "严",
    ];

    private static readonly string[] MaleNames =
    [
        "建华", "国平", "卫东", "志强", "文斌", "伟军", "建军", "利民", "金良", "永明", "旭东", "海峰", "剑锋", "立新", "晓峰", "宏伟",
        "国强", "建平", "振华", "俊杰", "鹏飞", "学军", "新民", "光明", "跃进", "定华", "忠良", "春雷", "一鸣", "浩", "斌", "勇", "涛", "磊", "军",
    ];

    private static readonly string[] FemaleNames =
    [
        "丽萍", "海燕", "春燕", "红英", "晓燕", "雪芬", "美娟", "素英", "丽君", "慧敏", "晓红", "雅琴", "佳怡", "婷婷", "丽娟", "燕", "芳", "静", "敏", "娟",
    ];

    private static readonly string[] CountyBirthCodes = ["330702", "330703", "330723", "330726", "330727", "330781", "330782", "330783", "330784"];

    private sealed record Post(string Unit, string[] Positions);

    private static readonly Dictionary<string, Post> YiwuPosts = new()
    {
        [Skills.Discipline] = new("义乌市纪委监委", ["第一监督检查室副主任", "第三监督检查室干部", "党风政风监督室科员", "案件监督管理室副主任"]),
        [Skills.Organisation] = new("中共义乌市委组织部", ["组织科副科长", "干部监督科科员", "基层党建办副主任", "干部一科科员"]),
        [Skills.Audit] = new("义乌市审计局", ["经济责任审计科科长", "审计员", "农业农村审计科副科长", "固定资产投资审计科科员"]),
        [Skills.Finance] = new("义乌市财政局", ["农业农村科副科长", "会计管理科科员", "预算科干部", "财政监督科副科长"]),
    };

    private static readonly Dictionary<string, Post> CityPosts = new()
    {
        [Skills.Discipline] = new("金华市纪委监委", ["第二监督检查室副主任", "党风政风监督室干部", "信访室科员"]),
        [Skills.Organisation] = new("中共金华市委组织部", ["组织一处副处长", "干部监督处干部", "公务员处科员"]),
        [Skills.Audit] = new("金华市审计局", ["农业农村审计处副处长", "经济责任审计处审计员"]),
        [Skills.Finance] = new("金华市财政局", ["农业处副处长", "会计处干部"]),
        [Skills.Township] = new("中共金华市委巡察办", ["四级调研员", "综合处副处长"]),
        [Skills.Law] = new("金华市司法局", ["法律援助处副处长", "行政复议处干部"]),
    };

    private static readonly string[] TownshipPositions = ["党委委员", "人大主席", "党委副书记", "四级调研员", "农业农村办主任", "纪委书记", "武装部长"];
    private static readonly string[] Relations = ["父亲", "兄弟", "配偶", "姐妹", "岳父", "堂兄弟", "叔叔", "子女"];
    private static readonly string[] CadrePositions = ["村党组织书记", "村委会主任", "村监委会主任", "村委会委员", "村报账员", "村党组织委员"];

    /// <summary>Seeds each pool that is empty (after the demo accounts, which two of them are linked to).</summary>
    public static async Task<(int People, int Experts)> SeedAsync(IDbContextFactory<XunchaDbContext> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SeedAsync(db, ct);
    }

    /// <summary>Seeds each pool that is empty; returns how many people and experts were added.</summary>
    public static async Task<(int People, int Experts)> SeedAsync(XunchaDbContext db, CancellationToken ct = default)
    {
        var seedPeople = !await db.People.AnyAsync(ct);
        var seedExperts = !await db.Experts.AnyAsync(ct);
        if (!seedPeople && !seedExperts)
        {
            return (0, 0);
        }

        var regions = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.City).ToListAsync(ct);
        var accounts = await db.Users.Where(u => u.UserName == "team" || u.UserName == "expert").ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var (people, experts) = Build(regions, accounts.GetValueOrDefault("team"), accounts.GetValueOrDefault("expert"));
        if (seedPeople)
        {
            db.People.AddRange(people);
        }

        if (seedExperts)
        {
            db.Experts.AddRange(experts);
        }

        await db.SaveChangesAsync(ct);
        return (seedPeople ? people.Count : 0, seedExperts ? experts.Count : 0);
    }

    /// <summary>
    /// The demo pools for the region tree <paramref name="regions"/> (counties, townships, villages):
    /// the same every time. The demo team member and expert are linked to the given accounts.
    /// </summary>
    public static (List<Person> People, List<Expert> Experts) Build(IEnumerable<Region> regions, string? teamUserId = null, string? expertUserId = null)
    {
        var tree = regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var villages = tree.Where(r => r.Level == RegionLevel.Village).Select(r => r.Code).ToList();
        var yiwuVillages = villages.Where(v => v.StartsWith(Yiwu, StringComparison.Ordinal)).ToList();
        var townships = tree.Where(r => r.Level == RegionLevel.Township && r.Code.StartsWith(Yiwu, StringComparison.Ordinal)).ToList();
        var rnd = new Random(Seed);
        var names = new HashSet<string>(DemoSeeder.Users.Select(u => u.DisplayName));
        var ids = new HashSet<string>();

        string Name(string? surname, bool male)
        {
            while (true)
            {
                var given = male ? MaleNames[rnd.Next(MaleNames.Length)] : FemaleNames[rnd.Next(FemaleNames.Length)];
                var name = (surname ?? Surnames[rnd.Next(Surnames.Length)]) + given;
                if (names.Add(name))
                {
                    return name;
                }

                surname = null;
            }
        }

        string IdNumber(string county, bool male, int fromYear, int toYear)
        {
            while (true)
            {
                var birth = new DateOnly(rnd.Next(fromYear, toYear + 1), rnd.Next(1, 13), rnd.Next(1, 29));
                var sequence = (rnd.Next(0, 100) * 10) + (male ? (rnd.Next(0, 5) * 2) + 1 : rnd.Next(0, 5) * 2);
                var id = PeopleWorkbook.WithCheckDigit($"{county}{birth:yyyyMMdd}{sequence:000}");
                if (ids.Add(id))
                {
                    return id;
                }
            }
        }

        string Phone() => $"13{rnd.Next(5, 10)}{rnd.Next(0, 100_000_000):00000000}";

        Guid NewId()
        {
            var bytes = new byte[16];
            rnd.NextBytes(bytes);
            return new Guid(bytes);
        }

        string TownshipUnit(int index) => townships[index].Name + (townships[index].Kind == "街道" ? "办事处" : "人民政府");

        var people = new List<Person>();

        // 义乌: primary skills 纪检 14, 组织 13, 审计 9, 财政 8, 老乡镇 16, shuffled; the first is the demo team member.
        var primaries = Enumerable.Repeat(Skills.Discipline, 14).Concat(Enumerable.Repeat(Skills.Organisation, 13))
            .Concat(Enumerable.Repeat(Skills.Audit, 9)).Concat(Enumerable.Repeat(Skills.Finance, 8))
            .Concat(Enumerable.Repeat(Skills.Township, 16)).ToArray();
        rnd.Shuffle(primaries.AsSpan(1));
        var secondaryPool = new[] { Skills.Agriculture, Skills.Agriculture, Skills.Law, Skills.Law, Skills.Finance, Skills.Audit, Skills.Discipline, Skills.Organisation, Skills.Township };
        var relativeOwners = new HashSet<int> { 3, 9, 14, 20, 26, 31, 37, 44, 50, 57 };
        var unavailable = new HashSet<int> { 17, 38, 53 };
        for (var i = 0; i < YiwuPeople; i++)
        {
            var male = i == 0 || rnd.NextDouble() < 0.7;
            var skills = new List<string> { primaries[i] };
            var extra = rnd.NextDouble() switch { < 0.45 => 0, < 0.85 => 1, _ => 2 };
            for (var k = 0; k < extra; k++)
            {
                var s = secondaryPool[rnd.Next(secondaryPool.Length)];
                if (!skills.Contains(s))
                {
                    skills.Add(s);
                }
            }

            skills = [.. Skills.All.Where(skills.Contains)];
            var township = skills.Contains(Skills.Township);
            var years = township ? rnd.Next(5, 21) : rnd.NextDouble() < 0.3 ? rnd.Next(1, 5) : 0;
            var homeTownship = -1;
            string unit, position;
            if (primaries[i] == Skills.Township)
            {
                homeTownship = rnd.Next(townships.Count);
                unit = TownshipUnit(homeTownship);
                position = TownshipPositions[rnd.Next(TownshipPositions.Length)];
            }
            else
            {
                var post = YiwuPosts[primaries[i]];
                unit = post.Unit;
                position = post.Positions[rnd.Next(post.Positions.Length)];
            }

            var person = new Person
            {
                Id = NewId(),
                Name = i == 0 ? "赵演练" : Name(null, male),
                IdNumber = IdNumber(Yiwu, male, 1968, 1994),
                Gender = male ? "男" : "女",
                Unit = i == 0 ? "义乌市委第一巡察组" : unit,
                Position = i == 0 ? "副组长" : position,
                Phone = Phone(),
                RegionCode = Yiwu,
                HomeVillageCode = yiwuVillages[rnd.Next(yiwuVillages.Count)],
                Skills = i == 0 ? [Skills.Discipline, Skills.Audit] : skills,
                TownshipYears = i == 0 ? 0 : years,
                CanLead = i % 5 == 0,
                Available = !unavailable.Contains(i),
                UserId = i == 0 ? teamUserId : null,
            };
            names.Add(person.Name);

            // Township service: the current township (老乡镇), and a secondment in the last five years for some others.
            if (homeTownship >= 0)
            {
                person.Works.Add(new PersonWork
                {
                    Id = NewId(), PersonId = person.Id, RegionCode = townships[homeTownship].Code, Unit = unit,
                    From = new DateOnly(Year - Math.Min(years, 8), rnd.Next(1, 13), 1),
                });
            }

            if (homeTownship < 0 && rnd.NextDouble() < 0.35)
            {
                var t = rnd.Next(townships.Count);
                var from = new DateOnly(rnd.Next(Year - 4, Year - 1), rnd.Next(1, 13), 1);
                person.Works.Add(new PersonWork
                {
                    Id = NewId(), PersonId = person.Id, RegionCode = townships[t].Code, Unit = TownshipUnit(t) + "（挂职）",
                    From = from, To = from.AddMonths(rnd.Next(12, 25)).AddDays(-1),
                });
            }

            if (relativeOwners.Contains(i))
            {
                var born = int.Parse(person.IdNumber[6..10], System.Globalization.CultureInfo.InvariantCulture);
                var relation = Relations[rnd.Next(Relations.Length)];
                if (relation == "子女" && born > 1972)
                {
                    relation = "兄弟";
                }

                var relativeMale = relation switch
                {
                    "父亲" or "兄弟" or "岳父" or "堂兄弟" or "叔叔" => true,
                    "姐妹" => false,
                    "配偶" => !male,
                    _ => rnd.NextDouble() < 0.5,
                };
                var relativeBorn = relation switch { "父亲" or "岳父" or "叔叔" => born - 28, "子女" => born + 27, _ => born };
                person.Relatives.Add(new PersonRelative
                {
                    Id = NewId(),
                    PersonId = person.Id,
                    Name = Name(relation is "父亲" or "兄弟" or "叔叔" or "堂兄弟" ? person.Name[..1] : null, relativeMale),
                    Relation = relation,
                    IdNumber = rnd.NextDouble() < 0.6 ? IdNumber(Yiwu, relativeMale, relativeBorn - 3, Math.Min(relativeBorn + 3, 2000)) : null,
                    VillageCode = rnd.NextDouble() < 0.5
                        ? person.HomeVillageCode!
                        : yiwuVillages[rnd.Next(yiwuVillages.Count)],
                    Position = CadrePositions[rnd.Next(CadrePositions.Length)],
                });
            }

            people.Add(person);
        }

        // The city pool: 纪检 5, 组织 4, 审计 4, 财政 3, 老乡镇 2, 法律 2.
        var cityPrimaries = Enumerable.Repeat(Skills.Discipline, 5).Concat(Enumerable.Repeat(Skills.Organisation, 4))
            .Concat(Enumerable.Repeat(Skills.Audit, 4)).Concat(Enumerable.Repeat(Skills.Finance, 3))
            .Concat(Enumerable.Repeat(Skills.Township, 2)).Concat(Enumerable.Repeat(Skills.Law, 2)).ToArray();
        for (var i = 0; i < CityPeople; i++)
        {
            var male = rnd.NextDouble() < 0.7;
            var primary = cityPrimaries[i];
            var skills = new List<string> { primary };
            if (rnd.NextDouble() < 0.5)
            {
                var s = new[] { Skills.Audit, Skills.Finance, Skills.Law, Skills.Agriculture, Skills.Discipline }[rnd.Next(5)];
                if (s != primary)
                {
                    skills.Add(s);
                }
            }

            var post = CityPosts[primary];
            var county = CountyBirthCodes[rnd.Next(CountyBirthCodes.Length)];
            var countyVillages = villages.Where(v => v.StartsWith(county, StringComparison.Ordinal)).ToList();
            people.Add(new Person
            {
                Id = NewId(),
                Name = Name(null, male),
                IdNumber = IdNumber(county, male, 1970, 1992),
                Gender = male ? "男" : "女",
                Unit = post.Unit,
                Position = post.Positions[rnd.Next(post.Positions.Length)],
                Phone = Phone(),
                RegionCode = RegionCode.City,
                HomeVillageCode = countyVillages[rnd.Next(countyVillages.Count)],
                Skills = [.. Skills.All.Where(skills.Contains)],
                TownshipYears = primary == Skills.Township ? rnd.Next(8, 21) : 0,
                CanLead = i % 5 == 0,
            });
        }


        var experts = new List<Expert>();

        (string Field, string Unit, string Title, string Region)[] plan =
        [
            ("财务管理", "义乌市注册会计师协会", "注册会计师", Yiwu),
            ("乡村公共服务", "义乌市民政局", "社会救助科科长", Yiwu),
            ("规划建设", "义乌市自然资源和规划局", "高级工程师", Yiwu),
            ("规划建设", "义乌市住房和城乡建设局", "工程师", Yiwu),
            ("财务管理", "义乌市农村集体资产管理服务中心", "会计师", Yiwu),
            ("工程造价", "义乌市建设工程造价管理站", "注册造价工程师", Yiwu),
            ("法律", "义乌市法律援助中心", "律师", Yiwu),
            ("乡村公共服务", "义乌市卫生健康局", "基层卫生科副科长", Yiwu),
            ("规划建设", "金华市规划设计研究院", "正高级工程师", RegionCode.City),
            ("财务管理", "金华市财政局", "高级会计师", RegionCode.City),
            ("工程造价", "金华市建设工程造价管理站", "高级工程师", RegionCode.City),
            ("法律", "金华市律师协会", "律师", RegionCode.City),
        ];
        for (var i = 0; i < plan.Length; i++)
        {
            var male = rnd.NextDouble() < 0.6;
            var p = plan[i];
            experts.Add(new Expert
            {
                Id = NewId(),
                Name = i == 0 ? "钱模拟" : Name(null, male),
                Field = p.Field,
                Unit = p.Unit,
                Title = p.Title,
                Phone = Phone(),
                IdNumber = rnd.NextDouble() < 0.7 ? IdNumber(p.Region == Yiwu ? Yiwu : CountyBirthCodes[rnd.Next(CountyBirthCodes.Length)], male, 1965, 1990) : null,
                HomeVillageCode = p.Region == Yiwu ? yiwuVillages[rnd.Next(yiwuVillages.Count)] : null,
                RegionCode = p.Region,
                UserId = i == 0 ? expertUserId : null,
            });
        }

        return (people, experts);
    }
}
