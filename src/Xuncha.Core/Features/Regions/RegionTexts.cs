namespace Xuncha.Core.Features.Regions;

internal static class RegionTexts
{
    public static string NotFound(string code) => $"找不到区划代码为「{code}」的地区。";
    public const string BadCode = "区划代码应为 4、6、9 或 12 位数字，例如 330782 或 330782001201。";
}
