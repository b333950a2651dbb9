using System.Diagnostics;
using Google.OrTools.Sat;

namespace Xuncha.Core.Features.Teams;

/// <summary>A person the solver may place, with the skills that count for the required groups.</summary>
public sealed record SolverPerson(Guid Id, string Name, IReadOnlySet<string> Skills, bool CanLead, int TownshipYears);

public sealed record SolverVillage(string Code, string Name);

public sealed record SolverInput(
    IReadOnlyList<SolverPerson> People,
    IReadOnlyList<SolverVillage> Villages,
    IReadOnlySet<(Guid PersonId, string VillageCode)> Ties,
    int TeamCount,
    TeamSettings Settings);

/// <summary>One team of a plan; teams come ordered by their first village, so names follow the target list.</summary>
public sealed record PlannedTeam(Guid LeaderId, IReadOnlyList<Guid> MemberIds, IReadOnlyList<string> VillageCodes);

public sealed record SolverResult(IReadOnlyList<PlannedTeam> Teams, IReadOnlyList<string> Reasons, string Status, double Seconds)
{
    /// <summary>Spread of 老乡镇 years between the most and the least experienced team (0 is perfectly even).</summary>
    public long? YearsSpread { get; init; }

    public bool Success => Reasons.Count == 0;
}

/// <summary>
/// Forms the teams of a round with CP-SAT: every village to exactly one team, each person on at
/// most one team, every required skill group and one leader per team, nobody with a village he
/// is tied to, villages and team sizes per team differing by at most one, 老乡镇 experience spread
/// as evenly as the rest allows. Obvious infeasibility is explained before the solver runs.
/// </summary>
public static class TeamSolver
{
    public const int Seed = 20261128;

    public static SolverResult Solve(SolverInput input, int workers = 2)
    {
        var clock = Stopwatch.StartNew();
        var reasons = TeamPrecheck.Explain(input);
        if (reasons.Count > 0)
        {
            return new SolverResult([], reasons, "PRECHECK", clock.Elapsed.TotalSeconds);
        }

        var (people, villages, teams, s) = (input.People, input.Villages, input.TeamCount, input.Settings);
        var model = new CpModel();
        var x = new BoolVar[people.Count, teams];
        var lead = new BoolVar?[people.Count, teams];
        var y = new BoolVar[villages.Count, teams];
        for (var t = 0; t < teams; t++)
        {
            for (var p = 0; p < people.Count; p++)
            {
                x[p, t] = model.NewBoolVar($"x{p}_{t}");
                if (people[p].CanLead)
                {
                    lead[p, t] = model.NewBoolVar($"l{p}_{t}");
                    model.AddImplication(lead[p, t]!, x[p, t]);
                }
            }

            for (var v = 0; v < villages.Count; v++)
            {
                y[v, t] = model.NewBoolVar($"y{v}_{t}");

                // Teams are interchangeable: number them by their first village, so village v lies in team ≤ v.
                if (t > v)
                {
                    model.Add(y[v, t] == 0);
                }
            }
        }

        for (var p = 0; p < people.Count; p++)
        {
            model.AddAtMostOne(Row(x, p, teams));
        }

        for (var v = 0; v < villages.Count; v++)
        {
            model.AddExactlyOne(Row(y, v, teams));
        }

        var (loV, hiV) = (villages.Count / teams, (villages.Count + teams - 1) / teams);
        var sizes = new List<IntVar>();
        var years = new List<IntVar>();
        var maxYears = people.Sum(p => p.TownshipYears);
        for (var t = 0; t < teams; t++)
        {
            var members = Column(x, t, people.Count);
            var size = model.NewIntVar(s.MinTeamSize, s.MaxTeamSize, $"size{t}");
            model.Add(LinearExpr.Sum(members) == size);
            sizes.Add(size);
            var load = LinearExpr.Sum(Column(y, t, villages.Count));
            model.AddLinearConstraint(load, loV, hiV);
            model.AddExactlyOne(Enumerable.Range(0, people.Count).Where(p => lead[p, t] is not null).Select(p => lead[p, t]!));
            foreach (var group in s.SkillGroups)
            {
                model.AddBoolOr(Enumerable.Range(0, people.Count).Where(p => group.IsMetBy(people[p].Skills)).Select(p => (ILiteral)x[p, t]));
            }

            var yearSum = model.NewIntVar(0, maxYears, $"years{t}");
            model.Add(LinearExpr.WeightedSum(members, people.Select(p => (long)p.TownshipYears)) == yearSum);
            years.Add(yearSum);
        }

        var index = people.Select((p, i) => (p.Id, i)).ToDictionary(e => e.Id, e => e.i);
        var vIndex = villages.Select((v, i) => (v.Code, i)).ToDictionary(e => e.Code, e => e.i);
        foreach (var (personId, code) in input.Ties)
        {
            if (index.TryGetValue(personId, out var p) && vIndex.TryGetValue(code, out var v))
            {
                for (var t = 0; t < teams; t++)
                {
                    model.AddBoolOr([x[p, t].Not(), y[v, t].Not()]);
                }
            }
        }

        var (minSize, maxSize) = (model.NewIntVar(s.MinTeamSize, s.MaxTeamSize, "minSize"), model.NewIntVar(s.MinTeamSize, s.MaxTeamSize, "maxSize"));
        model.AddMinEquality(minSize, sizes);
        model.AddMaxEquality(maxSize, sizes);
        model.Add(maxSize - minSize <= 1);
        var (minYears, maxYearsVar) = (model.NewIntVar(0, maxYears, "minYears"), model.NewIntVar(0, maxYears, "maxYears"));
        model.AddMinEquality(minYears, years);
        model.AddMaxEquality(maxYearsVar, years);
        model.Minimize(maxYearsVar - minYears);

        CpSolverStatus status;
        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{s.SolverSeconds} num_workers:{workers} random_seed:{Seed}"),
        };
        // Once a plan exists, more time only evens out 老乡镇 years; stop when that stalls.
        var progress = new Progress();
        var stall = TimeSpan.FromSeconds(s.StallSeconds);
        using (new Timer(_ => progress.StopIfStalled(solver, stall), null, 100, 100))
        {
            status = solver.Solve(model, progress);
        }

        clock.Stop();
        if (status is CpSolverStatus.Infeasible)
        {
            return new SolverResult([], [TeamTexts.SolverInfeasible], status.ToString(), clock.Elapsed.TotalSeconds);
        }

        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new SolverResult([], [TeamTexts.SolverTimeout(s.SolverSeconds)], status.ToString(), clock.Elapsed.TotalSeconds);
        }

        var plan = Enumerable.Range(0, teams).Select(t => new PlannedTeam(
                people[Enumerable.Range(0, people.Count).Single(p => lead[p, t] is { } l && solver.BooleanValue(l))].Id,
                Enumerable.Range(0, people.Count).Where(p => solver.BooleanValue(x[p, t])).Select(p => people[p].Id).ToList(),
                Enumerable.Range(0, villages.Count).Where(v => solver.BooleanValue(y[v, t])).Select(v => villages[v].Code).ToList()))
            .OrderBy(team => vIndex[team.VillageCodes[0]])
            .ToList();
        return new SolverResult(plan, [], status.ToString(), clock.Elapsed.TotalSeconds) { YearsSpread = (long)solver.ObjectiveValue };
    }

    private sealed class Progress : CpSolverSolutionCallback
    {
        private readonly Stopwatch sinceImprovement = new();
        private double best = double.MaxValue;

        public override void OnSolutionCallback()
        {
            lock (sinceImprovement)
            {
                if (ObjectiveValue() < best)
                {
                    best = ObjectiveValue();
                    sinceImprovement.Restart();
                }
            }
        }

        public void StopIfStalled(CpSolver solver, TimeSpan stall)
        {
            lock (sinceImprovement)
            {
                if (sinceImprovement.IsRunning && sinceImprovement.Elapsed > stall)
                {
                    sinceImprovement.Reset();
                    solver.StopSearch();
                }
            }
        }
    }

    private static IEnumerable<BoolVar> Row(BoolVar[,] vars, int i, int n) => Enumerable.Range(0, n).Select(j => vars[i, j]);

    private static List<BoolVar> Column(BoolVar[,] vars, int j, int n) => Enumerable.Range(0, n).Select(i => vars[i, j]).ToList();
}
