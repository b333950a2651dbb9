namespace Xuncha.Screening.Checks;

public enum CreditCodeStatus
{
    Valid,
    WrongLength,
    WrongFormat,
    WrongCheckCharacter,
}

public sealed record CreditCodeResult(CreditCodeStatus Status, string Description, char? ExpectedCheckCharacter = null)
{
    public bool IsValid => Status == CreditCodeStatus.Valid;
}

/// <summary>
/// Unified social credit codes of GB 32100-2015: registration authority (1 character),
/// organisation type (1), administrative division of the registering office (6 digits),
/// organisation code per GB 11714 (9), check character (1); check by GB/T 17710 mod 31.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    /// <summary>The 31 code characters in value order; I, O, Z, S and V are not used.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // 3^i mod 31 for positions i = 0..16.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) => Validate(code).IsValid;

    /// <summary>
    /// Positions 3–8 must be digits; every other position any character of
    /// <see cref="Alphabet"/>. The first two are deliberately not restricted to digits:
    /// registration authorities include A (military) and N (agriculture, whose N1/N2/N3 codes
    /// village collective economic organisations carry). Lower-case letters are accepted as
    /// their upper-case forms, as hand-typed spreadsheets have them.
    /// </summary>
    public static CreditCodeResult Validate(string? code)
    {
        if (code is null || code.Length != Length)
        {
            return new(CreditCodeStatus.WrongLength, CheckTexts.CreditCodeLength(code?.Length ?? 0));
        }

        for (var i = 0; i < Length; i++)
        {
            var c = char.ToUpperInvariant(code[i]);
            var ok = i is >= 2 and <= 7 ? char.IsAsciiDigit(c) : Alphabet.Contains(c, StringComparison.Ordinal);
            if (!ok)
            {
                return new(CreditCodeStatus.WrongFormat, CheckTexts.CreditCodeFormat(i + 1, code[i]));
            }
        }

        var expected = ComputeCheckCharacter(code.AsSpan(0, Length - 1));
        return char.ToUpperInvariant(code[Length - 1]) == expected
            ? new(CreditCodeStatus.Valid, CheckTexts.Valid, expected)
            : new(CreditCodeStatus.WrongCheckCharacter, CheckTexts.WrongCheckCharacter(expected), expected);
    }

    /// <summary>The check character for the first 17 characters (letters in either case).</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Expected exactly 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a GB 32100 code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
