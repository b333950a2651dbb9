namespace Xuncha.Screening.Engine;

public sealed record RuleOutcome(
    string Code,
    string Name,
    int Leads,
    string Status,
    string? Reason,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, decimal> Thresholds);

/// <summary>The record of one screening run: what was read, with which rules and thresholds, what came out.</summary>
public sealed record ScreeningRun(
    string RulePackVersion,
    DateOnly AsOf,
    string AsOfSource,
    IReadOnlyDictionary<string, long> RowsPerTable,
    IReadOnlyList<RuleOutcome> Rules,
    IReadOnlyList<Lead> Leads,
    IReadOnlyDictionary<Lead, IReadOnlyList<Evidence.EvidenceTable>> Evidence,
    IReadOnlyList<PackageVillage> Villages,
    IReadOnlyList<string> Notes,
    TimeSpan LoadTime,
    TimeSpan Elapsed)
{
    public const string Ran = "ran";
    public const string Skipped = "skipped";
    public const string Disabled = "disabled";

    /// <summary>Cadres, relatives, petitions and per-village counts; read only when <see cref="ScreeningOptions.CollectRoster"/>.</summary>
    public PackageRoster? Roster { get; init; }
}

public sealed record ScreeningOptions(
    DateOnly? AsOf = null,
    RulePackConfig? Config = null,
    Action<string>? Progress = null,
    bool CollectEvidence = false,
    bool CollectRoster = false);

/// <summary>A village as the package describes it (its profile), for updating the region tree's records.</summary>
public sealed record PackageVillage(
    string Code,
    string? Name,
    int? Population,
    decimal? CollectiveIncome,
    bool? WeakOrg,
    double? KeyWorkScore,
    DateOnly? LastInspected,
    string? Chart,
    int Line = 0);
