using Xuncha.Screening.Benford;

namespace Xuncha.Screening.Tests.Benford;

public sealed class BenfordAnalysisTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void CountsProportionalToBenford_GiveATinyMad_AndCloseConformity()
    {
        // round(1000 · log10(1 + 1/d)) for d = 1..9; they add up to exactly 1000.
        long[] counts = [301, 176, 125, 97, 79, 67, 58, 51, 46];
        var values = counts.SelectMany((count, i) => Enumerable.Repeat((decimal)((i + 1) * 100 + 7), (int)count));

        var result = BenfordAnalysis.Analyze(values)!;

        Assert.Equal(1000, result.N);
        Assert.Equal(counts, result.Rows.Select(r => r.Count));
        Assert.Equal(0.00010111626992634888, result.Mad, Tolerance);
        Assert.Equal(0.0023622171891271543, result.ChiSquare, 1e-10);
        Assert.Equal(BenfordConformity.Close, result.Conformity);
        Assert.Equal(8, result.DegreesOfFreedom);
    }

    [Fact]
    public void AllValuesStartingWith1_MatchTheHandComputation()
    {
        decimal[] values = [10, 100, 1000, 15, 19.99m, 123456];
        var p1 = Math.Log10(2);

        var result = BenfordAnalysis.Analyze(values)!;

        // Digit 1 is off by 1 − p1, digits 2..9 by their p, which add up to 1 − p1 too.
        Assert.Equal(2 * (1 - p1) / 9, result.Mad, Tolerance);
        Assert.Equal(0.1553266676302264, result.Mad, Tolerance);
        // χ² = n(1 − p1)²/p1 + n(1 − p1) = n(1 − p1)/p1.
        Assert.Equal(6 * (1 - p1) / p1, result.ChiSquare, 1e-10);
        Assert.Equal(13.931568569324172, result.ChiSquare, 1e-10);
        Assert.Equal(BenfordConformity.Nonconformity, result.Conformity);
        // z = (|1 − p1| − 1/12) / sqrt(p1(1 − p1)/6)
        Assert.Equal(3.2875014324422995, result.Rows[0].Z, 1e-10);
        Assert.Equal(1.0 - p1, result.Rows[0].Difference, Tolerance);
    }

    [Fact]
    public void MinFilter_DropsSmallAbsoluteValuesAndZero()
    {
        decimal[] values = [5, 9.99m, 10, -10, 0, 150, 0.5m];

        var byDefault = BenfordAnalysis.Tally(values);
        Assert.Equal(3, byDefault.N);
        Assert.Equal(4, byDefault.Ignored);
        Assert.Equal([3L, 0, 0, 0, 0, 0, 0, 0, 0], byDefault.Counts);

        var noMin = BenfordAnalysis.Tally(values, BenfordDigits.First, min: 0);
        Assert.Equal(6, noMin.N);
        Assert.Equal(1, noMin.Ignored); // zero never counts
        Assert.Equal([3L, 0, 0, 0, 2, 0, 0, 0, 1], noMin.Counts);

        var high = BenfordAnalysis.Tally(values, BenfordDigits.First, min: 150);
        Assert.Equal(1, high.N);
    }

    [Fact]
    public void NegativeValues_CountByTheirAbsoluteValue()
    {
        var tally = BenfordAnalysis.Tally([-300m, -0.045m, 3000m, -9m], BenfordDigits.First, min: 0);

        Assert.Equal([0L, 0, 2, 1, 0, 0, 0, 0, 1], tally.Counts);
    }

    [Fact]
    public void SmallFractions_WithMinZero_UseTheirFirstSignificantDigit()
    {
        var result = BenfordAnalysis.Analyze([0.0123m], BenfordDigits.First, min: 0)!;

        Assert.Equal(1, result.N);
        Assert.Equal(1, result.Rows.Single(r => r.Count == 1).Digit);
        Assert.Null(BenfordAnalysis.Analyze([0.0123m]));
    }

    [Fact]
    public void FirstTwoDigits_OfTen_ToNinetyNine_EachOnce()
    {
        var values = Enumerable.Range(10, 90).Select(i => (decimal)i);

        var result = BenfordAnalysis.Analyze(values, BenfordDigits.FirstTwo)!;

        Assert.Equal(90, result.N);
        Assert.Equal(Enumerable.Range(10, 90), result.Rows.Select(r => r.Digit));
        Assert.All(result.Rows, r => Assert.Equal(1, r.Count));
        Assert.Equal(Math.Log10(1 + 1.0 / 10), result.Rows[0].Expected, Tolerance);
        Assert.Equal(0.005974275217872824, result.Mad, Tolerance);
        Assert.Equal(36.63727112540529, result.ChiSquare, 1e-9);
        Assert.Equal(89, result.DegreesOfFreedom);
        Assert.Equal(BenfordConformity.Nonconformity, result.Conformity);
    }

    [Fact]
    public void FirstTwoDigits_OfAmountsOfAnySize()
    {
        var tally = BenfordAnalysis.Tally([0.0123m, 99.5m, 1234m, -12.9m], BenfordDigits.FirstTwo, min: 0);

        Assert.Equal(3, tally.Counts[12 - 10]);
        Assert.Equal(1, tally.Counts[99 - 10]);
    }

    [Fact]
    public void FirstDigitMad_IsNullWithoutValues_AndTheMadOtherwise()
    {
        Assert.Null(BenfordAnalysis.FirstDigitMad([]));
        Assert.Null(BenfordAnalysis.FirstDigitMad([1m, 9.99m, 0m]));
        Assert.Equal(0.1553266676302264, BenfordAnalysis.FirstDigitMad([12m, 1500m])!.Value, Tolerance);
    }

    [Fact]
    public void Evaluate_RefusesAnEmptyTallyOrTheWrongNumberOfCounts()
    {
        Assert.Throws<ArgumentException>(() => BenfordAnalysis.Evaluate(new DigitTally(BenfordDigits.First, new long[9])));
        Assert.Throws<ArgumentException>(() => BenfordAnalysis.Evaluate(new DigitTally(BenfordDigits.FirstTwo, new long[9])));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenfordAnalysis.Tally([1m], BenfordDigits.First, min: -1));
    }

    [Fact]
    public void MostDeviating_IsOrderedByZ()
    {
        // n = 200: digit 1 is 9.9 points over, 9 is 4.1 under, 7 is 2.8 under.
        long[] counts = [80, 35, 25, 19, 16, 13, 6, 5, 1];

        var result = BenfordAnalysis.Evaluate(new DigitTally(BenfordDigits.First, counts));

        var top = result.MostDeviating(3);
        Assert.Equal([1, 9, 7], top.Select(r => r.Digit));
        Assert.Equal(2.9742203466429973, top[0].Z, 1e-10);
        Assert.Equal(2.5892321947536057, top[1].Z, 1e-10);
        Assert.Equal(1.5424349301193008, top[2].Z, 1e-10);
    }
}
