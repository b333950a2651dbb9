using System.Globalization;

namespace Xuncha.Screening.Checks;

public enum ResidentIdStatus
{
    Valid,
    WrongLength,
    WrongFormat,
    BadBirthDate,
    BirthDateAfter,
    WrongCheckDigit,
}

public sealed record ResidentIdResult(
    ResidentIdStatus Status,
    string Description,
    DateOnly? BirthDate = null,
    char? ExpectedCheckDigit = null)
{
    public bool IsValid => Status == ResidentIdStatus.Valid;
}

/// <summary>
/// Resident identity numbers of GB 11643-1999: 6-digit address code, 8-digit birth date,
/// 3-digit sequence, and a check character by ISO 7064 MOD 11-2. The address code is not
/// checked: rule S04 asks only for format, birth date and check digit.
/// </summary>
public static class ResidentId
{
    public const int Length = 18;

    // 2^(17-i) mod 11 for positions i = 0..16 (ISO 7064 MOD 11-2 as written out in GB 11643-1999).
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? id, DateOnly? notAfter = null) => Validate(id, notAfter).IsValid;

    /// <summary>
    /// Checks in the order a reader would: length, characters, birth date (a real date, and
    /// not after <paramref name="notAfter"/> when given), then the check digit. The input is
    /// not trimmed; a lower-case x is accepted as the check character, as S04 requires.
    /// </summary>
    public static ResidentIdResult Validate(string? id, DateOnly? notAfter = null)
    {
        if (id is null || id.Length != Length)
        {
            return new(ResidentIdStatus.WrongLength, CheckTexts.ResidentIdLength(id?.Length ?? 0));
        }

        var body = id.AsSpan(0, Length - 1);
        var last = id[Length - 1];
        if (!IsDigits(body) || !(char.IsAsciiDigit(last) || last is 'X' or 'x'))
        {
            return new(ResidentIdStatus.WrongFormat, CheckTexts.ResidentIdFormat);
        }

        var birthText = id.Substring(6, 8);
        if (!DateOnly.TryParseExact(birthText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return new(ResidentIdStatus.BadBirthDate, CheckTexts.ResidentIdBadBirthDate(birthText));
        }

        if (notAfter is { } limit && birth > limit)
        {
            return new(ResidentIdStatus.BirthDateAfter, CheckTexts.ResidentIdBirthDateAfter(birth, limit), birth);
        }

        var expected = ComputeCheckDigit(body);
        return char.ToUpperInvariant(last) == expected
            ? new(ResidentIdStatus.Valid, CheckTexts.Valid, birth, expected)
            : new(ResidentIdStatus.WrongCheckDigit, CheckTexts.WrongCheckCharacter(expected), birth, expected);
    }

    /// <summary>The check character ('0'–'9' or 'X') for the first 17 digits.</summary>
    public static char ComputeCheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1 || !IsDigits(first17))
        {
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
