using System.Globalization;

namespace Xuncha.Web.Components.Shared;

/// <summary>Amounts as the office writes them: 12,000.00 元, large totals in 万元.</summary>
public static class Format
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Yuan(decimal amount) => Xuncha.Screening.Engine.Money.Yuan(amount);

    public static string Wan(decimal? amount) => amount is { } a ? (a / 10000m).ToString("N2", Zh) : "—";
}
