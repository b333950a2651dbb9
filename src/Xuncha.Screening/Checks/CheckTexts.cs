namespace Xuncha.Screening.Checks;

/// <summary>What the identifier checks say to an inspector; every Chinese sentence of Checks is here.</summary>
public static class CheckTexts
{
    public const string Valid = "有效";

    public const string ResidentIdFormat = "身份证号格式错误：应为 17 位数字加 1 位数字或 X";

    public static string ResidentIdLength(int length) =>
        length == 0 ? "身份证号为空" : $"身份证号应为 18 位，实际为 {length} 位";

    public static string ResidentIdBadBirthDate(string yyyymmdd) =>
        $"出生日期无效：第 7–14 位「{yyyymmdd}」不是真实日期";

    public static string ResidentIdBirthDateAfter(DateOnly birth, DateOnly notAfter) =>
        $"出生日期 {birth:yyyy-MM-dd} 晚于 {notAfter:yyyy-MM-dd}";

    public static string CreditCodeLength(int length) =>
        length == 0 ? "统一社会信用代码为空" : $"统一社会信用代码应为 18 位，实际为 {length} 位";

    public static string CreditCodeFormat(int position, char found) => position is >= 3 and <= 8
        ? $"统一社会信用代码格式错误：第 {position} 位「{found}」应为数字（第 3–8 位是行政区划码）"
        : $"统一社会信用代码格式错误：第 {position} 位「{found}」不是数字或大写字母（不用 I、O、Z、S、V）";

    public static string WrongCheckCharacter(char expected) => $"校验码错误：应为 {expected}";
}
