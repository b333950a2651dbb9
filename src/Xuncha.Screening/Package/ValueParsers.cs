using System.Globalization;

namespace Xuncha.Screening.Package;

/// <summary>
/// Parses cell text in the forms data-package.md allows. Each parser returns false with a Chinese
/// reason that tells the user what form to use.
/// </summary>
public static class ValueParsers
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public const string DateHint = "请使用 YYYY-MM-DD 格式（也可用 YYYY/M/D、YYYY.M.D、YYYY年M月D日或 Excel 日期）";

    public static bool TryDate(string text, out DateOnly date, out string? reason)
    {
        reason = null;
        var s = text.Trim();
        date = default;

        // Excel serial dates: a whole number of days since 1899-12-30 (Excel's leap-year bug included).
        if (s.Length is >= 1 and <= 6 && s.All(char.IsAsciiDigit))
        {
            var serial = int.Parse(s, CultureInfo.InvariantCulture);
            if (serial is >= 1 and <= 2958465)
            {
                date = ExcelEpoch.AddDays(serial);
                return true;
            }
        }

        var cut = s.IndexOfAny([' ', 'T']);
        if (cut > 0)
        {
            // "2024-03-05 00:00:00" as spreadsheets export dates.
            s = s[..cut];
        }

        string[] parts;
        if (s.EndsWith('日') && s.Contains('年') && s.Contains('月'))
        {
            parts = s.TrimEnd('日').Split('年', '月');
        }
        else
        {
            parts = s.Split('-', '/', '.');
        }

        if (parts.Length == 3
            && parts[0].Length == 4 && parts[1].Length is 1 or 2 && parts[2].Length is 1 or 2
            && parts.All(p => p.All(char.IsAsciiDigit))
            && int.Parse(parts[0], CultureInfo.InvariantCulture) is var y and >= 1900
            && int.Parse(parts[1], CultureInfo.InvariantCulture) is var m and >= 1 and <= 12
            && int.Parse(parts[2], CultureInfo.InvariantCulture) is var d and >= 1
            && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return true;
        }

        reason = $"无法识别：{text.Trim()}，{DateHint}";
        return false;
    }

    public static bool TryAmount(string text, out decimal amount, out string? reason)
    {
        reason = null;
        amount = 0;
        var s = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        var negative = false;
        if (s.StartsWith('-'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }

        s = s.TrimStart('¥', '￥').Trim();
        if (s.StartsWith('-'))
        {
            negative = !negative;
            s = s[1..];
        }

        if (s.Length == 0 || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            reason = $"无法识别的金额：{text.Trim()}，请填写以元为单位的数字，如 1234.50 或 1,234.50";
            return false;
        }

        if (amount != decimal.Round(amount, 2))
        {
            reason = $"金额最多保留两位小数：{text.Trim()}";
            return false;
        }

        if (negative)
        {
            amount = -amount;
        }

        return true;
    }

    /// <summary>Spreadsheet cells hold doubles: 1234.5 may arrive as 1234.4999999999. Round if it is a cent value.</summary>
    public static bool TryAmount(double value, out decimal amount, out string? reason)
    {
        reason = null;
        amount = decimal.Round((decimal)value, 2);
        if (Math.Abs((double)amount - value) > 1e-6)
        {
            reason = $"金额最多保留两位小数：{value.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        return true;
    }

    public static bool TryInteger(string text, out int value, out string? reason)
    {
        reason = null;
        var s = text.Trim().Replace(",", "", StringComparison.Ordinal);
        if (s.EndsWith(".0", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        if (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        reason = $"应为整数：{text.Trim()}";
        return false;
    }

    public static bool TryNumber(string text, out double value, out string? reason)
    {
        reason = null;
        if (double.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        reason = $"应为数字：{text.Trim()}";
        return false;
    }

    public static bool TryBool(string text, out bool value, out string? reason)
    {
        reason = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "是" or "y" or "yes" or "true" or "1":
                value = true;
                return true;
            case "否" or "n" or "no" or "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                reason = $"应填「是」或「否」：{text.Trim()}";
                return false;
        }
    }

    /// <summary>`YYYY-MM`; also `YYYY/MM`, `YYYY年M月` and `YYYYMM`. Normalised to `YYYY-MM`.</summary>
    public static bool TryMonth(string text, out string month, out string? reason)
    {
        reason = null;
        var s = text.Trim().TrimEnd('月').Replace('年', '-').Replace('/', '-').Replace('.', '-');
        if (s.Length == 6 && s.All(char.IsAsciiDigit))
        {
            s = s[..4] + "-" + s[4..];
        }

        var parts = s.Split('-');
        if (parts.Length == 2 && parts[0].Length == 4 && parts[0].All(char.IsAsciiDigit) && parts[1].Length is 1 or 2
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            month = $"{parts[0]}-{m:00}";
            return true;
        }

        month = "";
        reason = $"无法识别的期间：{text.Trim()}，请使用 YYYY-MM 格式，如 2024-03";
        return false;
    }

    /// <summary>`YYYY-MM` or `YYYY-Qn`, normalised.</summary>
    public static bool TryDisclosurePeriod(string text, out string period, out string? reason)
    {
        var s = text.Trim().ToUpperInvariant();
        if (s.Length == 7 && s[4] == '-' && s[5] == 'Q' && s[6] is >= '1' and <= '4' && s[..4].All(char.IsAsciiDigit))
        {
            period = s;
            reason = null;
            return true;
        }

        if (TryMonth(text, out period, out _))
        {
            reason = null;
            return true;
        }

        reason = $"无法识别的期间：{text.Trim()}，请使用 YYYY-MM（月度）或 YYYY-Qn（季度，如 2024-Q2）";
        return false;
    }

    public static bool TryVillageCode(string text, out string code, out string? reason)
    {
        code = text.Trim();
        if (code.Length == 12 && code.All(char.IsAsciiDigit))
        {
            reason = null;
            return true;
        }

        reason = $"村社代码应为 12 位数字（统计用区划代码）：{code}";
        return false;
    }

    public static bool TryChart(string text, out string chart, out string? reason)
    {
        chart = text.Trim();
        if (chart is "2004" or "2023")
        {
            reason = null;
            return true;
        }

        reason = $"会计制度只能填 2004 或 2023：{chart}";
        return false;
    }
}
