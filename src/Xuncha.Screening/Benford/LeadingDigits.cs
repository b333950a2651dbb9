namespace Xuncha.Screening.Benford;

/// <summary>
/// The first one or two significant digits of a number, found with decimal arithmetic only:
/// a double can hold 2.9 as 2.8999…, which files an amount under 28 instead of 29 (see the
/// corporate-payments reference test), and amounts are decimals anyway.
/// </summary>
public static class LeadingDigits
{
    /// <summary>The leading digit group of |<paramref name="value"/>|, or null for zero.</summary>
    public static int? Of(decimal value, BenfordDigits digits)
    {
        var a = Math.Abs(value);
        if (a == 0m)
        {
            return null;
        }

        // Multiplying or dividing a decimal by 10 only moves its decimal point: nothing rounds.
        decimal lower = digits.Lowest();
        var upper = lower * 10m;
        while (a >= upper)
        {
            a /= 10m;
        }

        while (a < lower)
        {
            a *= 10m;
        }

        return (int)decimal.Truncate(a);
    }
}
