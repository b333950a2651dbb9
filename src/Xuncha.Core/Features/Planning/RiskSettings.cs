namespace Xuncha.Core.Features.Planning;

/// <summary>
/// Weights of the village risk score (workflow.md step 2). Configuration section "Xuncha:Risk";
/// every factor is capped so that no single indicator decides the ranking alone.
/// </summary>
public sealed class RiskSettings
{
    /// <summary>Points for a party organisation rated 软弱涣散.</summary>
    public decimal WeakOrg { get; set; } = 20;

    /// <summary>Points per point of 重点工作推进评分 below <see cref="KeyWorkPar"/>.</summary>
    public decimal KeyWorkPerPoint { get; set; } = 0.5m;
    public decimal KeyWorkPar { get; set; } = 80;
    public decimal KeyWorkCap { get; set; } = 15;

    /// <summary>Points per petition received in the 12 months before the ranking date.</summary>
    public decimal PerPetition { get; set; } = 4;
    public decimal PetitionCap { get; set; } = 20;

    /// <summary>Points per open or confirmed lead by severity.</summary>
    public decimal PerHighLead { get; set; } = 5;
    public decimal PerMediumLead { get; set; } = 3;
    public decimal PerLowLead { get; set; } = 1;
    public decimal LeadCap { get; set; } = 20;

    /// <summary>Points per 10,000 yuan involved in open or confirmed leads.</summary>
    public decimal PerTenThousandInLeads { get; set; } = 0.2m;
    public decimal LeadAmountCap { get; set; } = 10;

    /// <summary>Points per million yuan of collective income: more money, more to watch.</summary>
    public decimal PerMillionIncome { get; set; } = 2;
    public decimal IncomeCap { get; set; } = 10;

    /// <summary>Points per full year since the last inspection; never inspected counts as the cap.</summary>
    public decimal PerYearSinceInspection { get; set; } = 3;
    public decimal InspectionCap { get; set; } = 15;

    /// <summary>The current term (届) for 全覆盖: its first year and length.</summary>
    public int TermStartYear { get; set; } = 2022;
    public int TermYears { get; set; } = 5;
}
