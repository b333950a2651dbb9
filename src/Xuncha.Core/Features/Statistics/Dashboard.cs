using Xuncha.Core.Domain.Regions;

namespace Xuncha.Core.Features.Statistics;

/// <summary>The dashboard of a region (the user's scope when none), over a year or a round, or over everything.</summary>
public sealed record GetDashboard(string? Region = null, int? Year = null, Guid? RoundId = null);

/// <summary>The figures the office reports (workflow.md), for one region.</summary>
public sealed record Figures(
    int VillagesInspected, int LeadsRaised, int LeadsConfirmed, int LeadsDismissed, int Findings, int OnTheSpot, decimal Amount, decimal Recovered,
    int CluesTransferred, int Suggestions, int SuggestionsAdopted, int Visits, RectificationFigures Rectification);

/// <summary>四方整改: tasks and what came of them (people dealt with, institutions built).</summary>
public sealed record RectificationFigures(int Tasks, int Done, int Open, int Overdue, int Punished, int Organisational, int Admonished, int Institutions)
{
    /// <summary>完成率 in per cent, one decimal.</summary>
    public decimal CompletionRate => Tasks == 0 ? 0m : decimal.Round(100m * Done / Tasks, 1);

    public int PeopleDealtWith => Punished + Organisational + Admonished;
}

public sealed record RegionFigures(string Code, string Name, Figures Figures);

public sealed record NamedCount(string Name, int Count);

public sealed record RegionCrumb(string Code, string Name);

public sealed record Dashboard(
    string RegionCode, string RegionName, RegionLevel Level, IReadOnlyList<RegionCrumb> Path, string Period,
    Figures Total, IReadOnlyList<RegionFigures> Children,
    IReadOnlyList<NamedCount> FindingsByCategory, IReadOnlyList<NamedCount> VisitsByKind, IReadOnlyList<NamedCount> InspectedByRoundType)
{
    /// <summary>Children can be drilled into down to villages.</summary>
    public bool CanDrill => Level != RegionLevel.Village;
}

public sealed record DashboardRound(Guid Id, string Name, int Year);
