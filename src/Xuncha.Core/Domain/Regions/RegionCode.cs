namespace Xuncha.Core.Domain.Regions;

public static class RegionCode
{
    public const string City = "3307";

    /// <summary>
    /// Accepts a short code (3307, 330782, 330782001) or a 12-digit padded one (330782000000)
    /// and returns the short form used as key. Returns null for anything that is not a code.
    /// </summary>
    public static string? Normalize(string? input)
    {
        var code = input?.Trim();
        if (string.IsNullOrEmpty(code) || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (code.Length == 12)
        {
            if (code.EndsWith("000000", StringComparison.Ordinal))
            {
                code = code[..6];
            }
            else if (code.EndsWith("000", StringComparison.Ordinal))
            {
                code = code[..9];
            }
        }

        if (code.Length == 6 && code.EndsWith("00", StringComparison.Ordinal))
        {
            code = code[..4];
        }

        return code.Length is 4 or 6 or 9 or 12 ? code : null;
    }

    public static RegionLevel LevelOf(string code) => code.Length switch
    {
        4 => RegionLevel.City,
        6 => RegionLevel.County,
        9 => RegionLevel.Township,
        _ => RegionLevel.Village,
    };

    /// <summary>How many digits a code of the level has.</summary>
    public static int LengthOf(RegionLevel level) => level switch
    {
        RegionLevel.City => 4,
        RegionLevel.County => 6,
        RegionLevel.Township => 9,
        _ => 12,
    };

    /// <summary>True when <paramref name="code"/> is the node <paramref name="scope"/> or below it.</summary>
    public static bool IsWithin(string code, string scope) => code.StartsWith(scope, StringComparison.Ordinal);
}
