namespace Xuncha.Screening.Benford;

/// <summary>Nigrini's conformity levels for the mean absolute deviation (M. Nigrini, Benford's Law, Wiley 2012).</summary>
public enum BenfordConformity
{
    Close,
    Acceptable,
    Marginal,
    Nonconformity,
}

public static class BenfordConformityLevels
{
    /// <summary>
    /// Upper MAD bounds (inclusive) of close, acceptable and marginally acceptable conformity.
    /// R08 flags a village whose first-digit MAD exceeds the last of these, 0.015.
    /// </summary>
    public static IReadOnlyList<double> Bounds(BenfordDigits digits) => digits == BenfordDigits.First
        ? [0.006, 0.012, 0.015]
        : [0.0012, 0.0018, 0.0022];

    public static BenfordConformity Classify(double mad, BenfordDigits digits)
    {
        var bounds = Bounds(digits);
        for (var i = 0; i < bounds.Count; i++)
        {
            if (mad <= bounds[i])
            {
                return (BenfordConformity)i;
            }
        }

        return BenfordConformity.Nonconformity;
    }

    /// <summary>The English name, as written in `xuncha benford --json`; part of that contract.</summary>
    public static string English(this BenfordConformity conformity) => conformity switch
    {
        BenfordConformity.Close => "close conformity",
        BenfordConformity.Acceptable => "acceptable conformity",
        BenfordConformity.Marginal => "marginally acceptable conformity",
        _ => "nonconformity",
    };

    /// <summary>The label shown to inspectors.</summary>
    public static string Chinese(this BenfordConformity conformity) => conformity switch
    {
        BenfordConformity.Close => "高度符合",
        BenfordConformity.Acceptable => "可接受",
        BenfordConformity.Marginal => "勉强可接受",
        _ => "不符合",
    };
}
