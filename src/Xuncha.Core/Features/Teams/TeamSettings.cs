using Xuncha.Core.Domain.People;

namespace Xuncha.Core.Features.Teams;

/// <summary>
/// Configuration section "Xuncha:Teams": what every team must cover and the rules of 回避. Local
/// practice differs between cities, so these are settings with the defaults of workflow.md.
/// </summary>
public sealed class TeamSettings
{
    public const string Section = "Xuncha:Teams";

    /// <summary>Each group is satisfied by any one of its skills (审计 or 财政). Empty means the defaults.</summary>
    public List<List<string>> RequiredSkills { get; set; } = [];

    /// <summary>Work in a village or its township within this many years before the round starts ties a person to it.</summary>
    public int AvoidWorkYears { get; set; } = 5;

    public int MinTeamSize { get; set; } = 3;
    public int MaxTeamSize { get; set; } = 6;

    /// <summary>Optional cap on the villages one team inspects in a round.</summary>
    public int? MaxVillagesPerTeam { get; set; }

    /// <summary>Villages per team when the office does not say how many teams (组数 = ⌈村数 / 此值⌉).</summary>
    public int VillagesPerTeam { get; set; } = 5;

    /// <summary>Time the solver may take before it returns its best plan.</summary>
    public double SolverSeconds { get; set; } = 10;

    /// <summary>Once a plan exists, stop when the balance has not improved for this long.</summary>
    public double StallSeconds { get; set; } = 2;

    public static readonly IReadOnlyList<IReadOnlyList<string>> DefaultSkillGroups =
    [
        [Skills.Discipline],
        [Skills.Organisation],
        [Skills.Audit, Skills.Finance],
        [Skills.Township],
    ];

    /// <summary>The groups in force: the configured ones, or the defaults.</summary>
    public IReadOnlyList<SkillGroup> SkillGroups =>
        (RequiredSkills.Count > 0 ? RequiredSkills.Select(g => (IReadOnlyList<string>)g).ToList() : DefaultSkillGroups)
        .Where(g => g.Count > 0)
        .Select(g => new SkillGroup(g))
        .ToList();
}

/// <summary>One required skill group; <see cref="Name"/> is how users read it ("审计或财政").</summary>
public sealed record SkillGroup(IReadOnlyList<string> Skills)
{
    public string Name => string.Join("或", Skills);

    public bool IsMetBy(IReadOnlySet<string> skills) => Skills.Any(skills.Contains);
}
