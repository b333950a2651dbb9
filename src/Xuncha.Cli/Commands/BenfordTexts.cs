using System.Globalization;
using Xuncha.Screening.Benford;

namespace Xuncha.Cli.Commands;

/// <summary>Every Chinese sentence of `xuncha benford`.</summary>
internal static class BenfordTexts
{
    public const string CommandDescription = "本福特定律数字分析（首位或前两位数字，Nigrini 的 MAD 判断标准），读取 CSV 或 Excel 文件的一列金额";
    public const string FileDescription = "CSV（UTF-8 或 GB18030 编码）或 .xlsx 文件（读第一个工作表），第一行为表头";
    public const string ColumnDescription = "要分析的列名（表头）";
    public const string DigitsDescription = "1 = 首位数字，2 = 前两位数字";
    public const string MinDescription = "绝对值小于此数的金额不参与分析（金额为 0 的始终不计入）";
    public const string JsonDescription = "只输出一行 JSON：{\"n\":…,\"mad\":…,\"chi_square\":…,\"conformity\":\"…\"}";
    public const string DigitsMustBe1Or2 = "--digits 只能是 1（首位数字）或 2（前两位数字）。";
    public const string MinMustBeNumber = "--min 应为不小于 0 的数，例如 10 或 0.5。";

    public static string FileNotFound(string path) => $"找不到文件「{path}」。";

    public static string ColumnNotFound(string path, string column, IEnumerable<string> available) =>
        $"文件「{path}」中没有名为「{column}」的列。可用的列：{string.Join("、", available.Where(h => h.Length > 0))}";

    public static string NothingToAnalyse(string path, string column, decimal min) =>
        string.Create(CultureInfo.InvariantCulture, $"文件「{path}」的「{column}」列没有可分析的数值（n = 0）：空单元格、非数值、0 和绝对值小于 {min} 的值都不计入。");

    public static string SkippedCells(int count, IEnumerable<string> examples) =>
        $"「非数值」单元格 {count} 个已跳过，例如：{string.Join("、", examples)}";

    public static string CellExample(int row, string text) => $"第 {row} 行「{text}」";

    public static string Title(BenfordDigits digits) =>
        digits == BenfordDigits.First ? "本福特分析：首位数字" : "本福特分析：前两位数字";

    public static string Source(string path, string column) => $"文件：{path}    列：{column}";

    public static string Sample(long n, long ignored, decimal min, int empty, int invalid) =>
        string.Create(CultureInfo.InvariantCulture, $"参与分析 n = {n:N0}；未计入：0 或绝对值小于 {min} 的 {ignored:N0} 个，空单元格 {empty:N0} 个，非数值 {invalid:N0} 个");

    public static string Statistics(double mad, double chiSquare, int degreesOfFreedom) =>
        string.Create(CultureInfo.InvariantCulture, $"MAD（平均绝对偏差）= {mad:0.000000}    χ² = {chiSquare:0.00}（自由度 {degreesOfFreedom}）");

    public static string Conformity(string chinese, string english) => $"符合程度：{chinese}（{english}）";

    public static string Criteria(IReadOnlyList<double> bounds) =>
        string.Create(CultureInfo.InvariantCulture, $"判断标准（Nigrini 2012）：MAD ≤ {bounds[0]} 高度符合，≤ {bounds[1]} 可接受，≤ {bounds[2]} 勉强可接受，否则不符合");

    public static readonly string[] TableHeaders = ["数字", "实际个数", "实际占比", "期望占比", "差异", "z 值", "标记"];

    public const string Flag = "★ 偏离显著";

    public static string FlagLegend(int count) =>
        $"★ 标出偏离最大（z 值最大）且显著（z > 1.96，5% 水平）的数字，最多 {count} 组；这些数字开头的金额值得抽查。";
}
