using Xuncha.Core.Domain.People;

namespace Xuncha.Core.Features.Teams;

internal static class TeamSkills
{
    /// <summary>His skills in the pool's order; years of township work make him 老乡镇 even when the tag was not ticked.</summary>
    public static IReadOnlyList<string> Of(Person p)
    {
        var set = p.Skills.ToHashSet();
        if (p.TownshipYears > 0)
        {
            set.Add(Skills.Township);
        }

        return Skills.All.Where(set.Contains).Concat(set.Except(Skills.All).Order()).ToList();
    }

    public static SolverPerson ForSolver(Person p) => new(p.Id, p.Name, Of(p).ToHashSet(), p.CanLead, p.TownshipYears);

    public static AvoidancePerson ForAvoidance(Person p) => new(p.Id, p.Name, p.IdNumber, p.HomeVillageCode, p.Works, p.Relatives);
}
