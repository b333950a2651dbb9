using System.Globalization;

namespace Xuncha.Web.Components.Shared;

/// <summary>Amounts as the office writes them: 12,000.00 元, large totals in 万元.</summary>
public static class Format
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Yuan(decimal amount) => Xuncha.Screening.Engine.Money.Yuan(amount);

    private static readonly char[] NameSeparators = ['、', ',', '，', ';', '；', ' '];

    /// <summary>Names typed in one field ("张三、李四"), as a list.</summary>
    public static string[] Names(string? text) =>
        (text ?? "").Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Wan(decimal? amount) => amount is { } a ? (a / 10000m).ToString("N2", Zh) : "—";
}
