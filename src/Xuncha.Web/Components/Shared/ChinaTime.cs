namespace Xuncha.Web.Components.Shared;

/// <summary>Times are shown in China Standard Time whatever the server's zone.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static string Format(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, Zone).ToString("yyyy-MM-dd HH:mm") : "";

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}
