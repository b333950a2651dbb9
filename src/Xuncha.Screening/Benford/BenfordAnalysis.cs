namespace Xuncha.Screening.Benford;

/// <summary>
/// Digit analysis as auditors run it in IDEA or ACL, after Nigrini: leading-digit counts,
/// mean absolute deviation (MAD) from Benford's proportions, Pearson's chi-square, and the
/// MAD conformity level.
/// </summary>
public static class BenfordAnalysis
{
    /// <summary>Values below 10 are left out by default: small amounts have too few digits to tell anything.</summary>
    public const decimal DefaultMin = 10m;

    /// <summary>A digit group whose z exceeds this deviates significantly at the 5% level (two-sided).</summary>
    public const double SignificantZ = 1.96;

    /// <summary>
    /// Counts leading digits of the values whose absolute value is at least <paramref name="min"/>;
    /// zero never counts, negatives count by their absolute value.
    /// </summary>
    public static DigitTally Tally(IEnumerable<decimal> values, BenfordDigits digits = BenfordDigits.First, decimal min = DefaultMin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        var counts = new long[digits.GroupCount()];
        long ignored = 0;
        foreach (var value in values)
        {
            if (Math.Abs(value) < min || LeadingDigits.Of(value, digits) is not { } group)
            {
                ignored++;
                continue;
            }

            counts[group - digits.Lowest()]++;
        }

        return new DigitTally(digits, counts, ignored);
    }

    /// <summary>The analysis, or null when no value qualifies (n = 0).</summary>
    public static BenfordResult? Analyze(IEnumerable<decimal> values, BenfordDigits digits = BenfordDigits.First, decimal min = DefaultMin)
    {
        var tally = Tally(values, digits, min);
        return tally.N == 0 ? null : Evaluate(tally);
    }

    /// <summary>
    /// The first-digit MAD of the amounts at least <paramref name="min"/> (rule R08), or null when
    /// there are none. R08's own minimum sample size is the caller's to check.
    /// </summary>
    public static double? FirstDigitMad(IEnumerable<decimal> amounts, decimal min = DefaultMin) =>
        Analyze(amounts, BenfordDigits.First, min)?.Mad;

    /// <summary>Statistics from counts, e.g. counts computed in SQL or published ones.</summary>
    public static BenfordResult Evaluate(DigitTally tally)
    {
        var digits = tally.Digits;
        if (tally.Counts.Count != digits.GroupCount())
        {
            throw new ArgumentException($"Expected {digits.GroupCount()} counts, got {tally.Counts.Count}.", nameof(tally));
        }

        if (tally.N == 0)
        {
            throw new ArgumentException("No values to analyse (n = 0).", nameof(tally));
        }

        double n = tally.N;
        var rows = new BenfordDigitRow[tally.Counts.Count];
        double absoluteDeviations = 0, chiSquare = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var digit = digits.Lowest() + i;
            var count = tally.Counts[i];
            var observed = count / n;
            var expected = BenfordDigitsExtensions.ExpectedProportion(digit);
            rows[i] = new BenfordDigitRow(digit, count, observed, expected, ZStatistic(observed, expected, n));
            absoluteDeviations += Math.Abs(observed - expected);
            chiSquare += Math.Pow(count - (n * expected), 2) / (n * expected);
        }

        var mad = absoluteDeviations / rows.Length;
        return new BenfordResult(digits, tally.N, tally.Ignored, rows, mad, chiSquare, BenfordConformityLevels.Classify(mad, digits));
    }

    /// <summary>
    /// Nigrini's z for one proportion, with the 1/(2n) continuity correction applied only when it
    /// is smaller than the difference itself (Nigrini 2012).
    /// </summary>
    private static double ZStatistic(double observed, double expected, double n)
    {
        var difference = Math.Abs(observed - expected);
        var correction = 1 / (2 * n);
        if (correction < difference)
        {
            difference -= correction;
        }

        return difference / Math.Sqrt(expected * (1 - expected) / n);
    }
}
