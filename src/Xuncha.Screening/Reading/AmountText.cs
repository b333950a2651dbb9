using System.Globalization;

namespace Xuncha.Screening.Reading;

/// <summary>
/// Amounts as they are typed in Chinese ledgers and spreadsheets ("¥1,234.50", "-12", "￥-3,000"),
/// and as R or pandas export large ones ("6e+05").
/// </summary>
public static class AmountText
{
    private const NumberStyles Digits = NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>
    /// Accepts one optional sign (before or after a leading ¥ or ￥), thousands separators and a
    /// decimal point, and an exponent; surrounding white space is ignored. Anything else is not an amount.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var s = (text ?? "").AsSpan().Trim();
        var (signed, negative) = TakeSign(ref s);
        if (s.Length > 0 && s[0] is '¥' or '￥')
        {
            s = s[1..].TrimStart();
            if (!signed)
            {
                (_, negative) = TakeSign(ref s);
            }
        }

        // Only digits may follow: "--5" or ",5" is not an amount, whatever decimal.TryParse would say.
        if (s.Length == 0 || !(char.IsAsciiDigit(s[0]) || s[0] == '.')
            || !decimal.TryParse(s, Digits, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        amount = negative ? -value : value;
        return true;
    }

    private static (bool Signed, bool Negative) TakeSign(ref ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || s[0] is not ('-' or '+'))
        {
            return (false, false);
        }

        var negative = s[0] == '-';
        s = s[1..].TrimStart();
        return (true, negative);
    }
}
