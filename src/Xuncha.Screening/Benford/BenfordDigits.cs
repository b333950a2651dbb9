namespace Xuncha.Screening.Benford;

/// <summary>Which leading digits are tested: the first digit (1–9) or the first two (10–99).</summary>
public enum BenfordDigits
{
    First = 1,
    FirstTwo = 2,
}

public static class BenfordDigitsExtensions
{
    /// <summary>The smallest digit group: 1 or 10.</summary>
    public static int Lowest(this BenfordDigits digits) => digits == BenfordDigits.First ? 1 : 10;

    /// <summary>How many digit groups there are: 9 or 90.</summary>
    public static int GroupCount(this BenfordDigits digits) => digits == BenfordDigits.First ? 9 : 90;

    /// <summary>Benford's expected proportion log10(1 + 1/d) of numbers starting with <paramref name="group"/>.</summary>
    public static double ExpectedProportion(int group) => Math.Log10(1 + 1.0 / group);
}
