using System.CommandLine;
using System.Diagnostics;
using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Teams;

namespace Xuncha.Cli.Commands;

/// <summary>
/// `xuncha bench-assign [--villages 100] [--people 60] [--teams N] [--runs 3]` (hidden): times the
/// team assignment on a synthetic round — 回避 ties from the pool's records and a package's cadres
/// and relatives, then the CP-SAT solve — for BENCHMARKS.md.
/// </summary>
internal static class BenchAssignCommand
{
    public static Command Create()
    {
        var villages = new Option<int>("--villages") { DefaultValueFactory = _ => 100 };
        var people = new Option<int>("--people") { DefaultValueFactory = _ => 60 };
        var teams = new Option<int?>("--teams");
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 3 };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 10 };
        var workers = new Option<int>("--workers") { DefaultValueFactory = _ => 2 };
        var command = new Command("bench-assign", "计时：自动分配巡察组（基准测试）") { villages, people, teams, runs, seconds, workers };
        command.Hidden = true;
        command.SetAction(parse => Run(parse.GetValue(villages), parse.GetValue(people), parse.GetValue(teams), parse.GetValue(runs), parse.GetValue(seconds), parse.GetValue(workers)));
        return command;
    }

    private static int Run(int villageCount, int peopleCount, int? teamCount, int runs, double seconds, int workers)
    {
        var settings = new TeamSettings { SolverSeconds = seconds };
        var teams = teamCount ?? (villageCount + settings.VillagesPerTeam - 1) / settings.VillagesPerTeam;
        Console.WriteLine($"villages {villageCount}, people {peopleCount}, teams {teams}, time limit {seconds} s, workers {workers}");
        for (var run = 1; run <= runs; run++)
        {
            var total = Stopwatch.StartNew();
            var (pool, villages, avoidance) = Synthetic(villageCount, peopleCount);
            var tiesClock = Stopwatch.StartNew();
            var ties = avoidance.Ties(pool.Select(p => new AvoidancePerson(p.Id, p.Name, p.IdNumber, p.HomeVillageCode, p.Works, p.Relatives)), villages);
            tiesClock.Stop();
            var input = new SolverInput(
                pool.Select(p => new SolverPerson(p.Id, p.Name, p.Skills.ToHashSet(), p.CanLead, p.TownshipYears)).ToList(),
                villages.Select(v => new SolverVillage(v.Code, v.Name)).ToList(),
                ties.Select(t => (t.PersonId, t.VillageCode)).ToHashSet(),
                teams,
                settings);
            var result = TeamSolver.Solve(input, workers);
            total.Stop();
            Console.WriteLine(
                $"run {run}: ties {ties.Count} in {tiesClock.Elapsed.TotalMilliseconds:0} ms; solve {result.Seconds:0.00} s ({result.Status}, 老乡镇 years spread {result.YearsSpread?.ToString() ?? "—"}); total {total.Elapsed.TotalSeconds:0.00} s");
            foreach (var reason in result.Reasons)
            {
                Console.WriteLine("  " + reason);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// A county-like round: villages in townships of ten; a pool whose people each hold two skills
    /// (a third may lead), come from one village, a third worked in a township lately and a fifth
    /// have a relative who is a cadre somewhere; a package with five cadres and three relatives
    /// per cadre in every village, a few of them people of the pool.
    /// </summary>
    private static (List<Person> Pool, List<AvoidanceVillage> Villages, Avoidance Avoidance) Synthetic(int villageCount, int peopleCount)
    {
        var random = new Random(20261128);
        var villages = Enumerable.Range(0, villageCount)
            .Select(i => new AvoidanceVillage($"330782{100 + i / 10:000}{1 + i % 10:000}", $"测试{i + 1}村")).ToList();
        var names = villages.ToDictionary(v => v.Code, v => v.Name);
        foreach (var town in villages.Select(v => v.Code[..9]).Distinct())
        {
            names[town] = $"测试{town[6..]}镇";
        }

        string[][] rotation = [[Skills.Discipline, Skills.Township], [Skills.Organisation, Skills.Audit], [Skills.Finance, Skills.Township], [Skills.Discipline, Skills.Organisation], [Skills.Audit, Skills.Township], [Skills.Organisation, Skills.Finance]];
        var pool = Enumerable.Range(0, peopleCount).Select(i =>
        {
            var p = new Person
            {
                Id = Guid.NewGuid(),
                Name = $"人员{i + 1:000}",
                RegionCode = "330782",
                IdNumber = $"330782{19700101 + i:00000000}{i:0000}",
                HomeVillageCode = villages[random.Next(villages.Count)].Code,
                Skills = [.. rotation[i % rotation.Length]],
                CanLead = i % 3 == 0,
            };
            p.TownshipYears = p.Skills.Contains(Skills.Township) ? 2 + random.Next(15) : 0;
            if (random.Next(3) == 0)
            {
                p.Works.Add(new PersonWork { RegionCode = villages[random.Next(villages.Count)].Code[..9], From = new DateOnly(2022, 1, 1).AddDays(random.Next(900)) });
            }

            if (random.Next(5) == 0)
            {
                p.Relatives.Add(new PersonRelative { Name = "亲属", Relation = "兄弟", VillageCode = villages[random.Next(villages.Count)].Code, Position = "委员" });
            }

            return p;
        }).ToList();

        var cadres = new List<VillageCadre>();
        var relatives = new List<CadreRelative>();
        foreach (var v in villages)
        {
            for (var c = 0; c < 5; c++)
            {
                var cadre = new VillageCadre { VillageCode = v.Code, Name = $"干部{c}", IdNumber = $"{v.Code[..6]}{random.NextInt64(10_000_000_000, 99_999_999_999)}", Position = c == 0 ? "书记" : "委员" };
                cadres.Add(cadre);
                for (var r = 0; r < 3; r++)
                {
                    var relativeId = random.Next(200) == 0 ? pool[random.Next(pool.Count)].IdNumber! : $"{v.Code[..6]}{random.NextInt64(100_000_000_000, 999_999_999_999)}";
                    relatives.Add(new CadreRelative { VillageCode = v.Code, CadreIdNumber = cadre.IdNumber, RelativeName = "亲属", RelativeIdNumber = relativeId, Relation = "子女" });
                }
            }
        }

        return (pool, villages, new Avoidance(cadres, relatives, names, new DateOnly(2026, 9, 1), 5));
    }
}
