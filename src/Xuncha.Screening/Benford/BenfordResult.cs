namespace Xuncha.Screening.Benford;

/// <summary>How many values fell in each digit group; <c>Counts[i]</c> is group <c>Digits.Lowest() + i</c>.</summary>
public sealed record DigitTally(BenfordDigits Digits, IReadOnlyList<long> Counts, long Ignored = 0)
{
    public long N { get; } = Counts.Sum();
}

/// <summary>One digit group: observed and expected proportions and Nigrini's z-statistic.</summary>
public sealed record BenfordDigitRow(int Digit, long Count, double Observed, double Expected, double Z)
{
    public double Difference => Observed - Expected;
}

public sealed record BenfordResult(
    BenfordDigits Digits,
    long N,
    long Ignored,
    IReadOnlyList<BenfordDigitRow> Rows,
    double Mad,
    double ChiSquare,
    BenfordConformity Conformity)
{
    public int DegreesOfFreedom => Rows.Count - 1;

    /// <summary>
    /// The digit groups that deviate most, by z-statistic rather than by raw |O − E|: the z
    /// weighs a difference against what chance allows for that group, so 10–19 (expected often)
    /// and 90–99 (expected rarely) are judged alike. Ties go to the smaller digit.
    /// </summary>
    public IReadOnlyList<BenfordDigitRow> MostDeviating(int count) =>
        [.. Rows.OrderByDescending(r => r.Z).ThenBy(r => r.Digit).Take(count)];
}
