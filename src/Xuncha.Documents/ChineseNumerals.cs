namespace Xuncha.Documents;

/// <summary>The numbering of 公文 headings: "一、" "（一）" "1." "（1）", and the date form "2026年11月28日".</summary>
public static class ChineseNumerals
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; 1..99 (headings never go further).</summary>
    public static string Of(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        var tens = number / 10;
        var ones = number % 10;
        var head = tens switch { 0 => "", 1 => "十", _ => Digits[tens] + "十" };
        return head + (ones == 0 ? "" : Digits[ones]);
    }

    /// <summary>The prefix of a heading of the given level (1..4) and position (1-based).</summary>
    public static string HeadingPrefix(int level, int number) => level switch
    {
        1 => Of(number) + "、",
        2 => "（" + Of(number) + "）",
        3 => number + ".",
        4 => "（" + number + "）",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "heading level is 1..4"),
    };

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
