using System.Text;
using MiniExcelLibs;
using Xuncha.Screening.Reading;

namespace Xuncha.Screening.Tests.Cli;

public sealed class BenfordCliTests : IDisposable
{
    // Five amounts start with 1 (one of them negative); 5 is below --min 10, one cell is
    // empty, one is not a number. MAD = 2(1 − log10 2)/9 = 0.1553267, χ² = 5(1 − p1)/p1 = 11.60964.
    private const string Payments = "凭证号,摘要,金额\nV1,\"办公用品, 纸张\",\"1,200.00\"\nV2,保洁,¥150\nV3,退款,-130\nV4,零星,19.5\nV5,工程,1000000\nV6,空,\nV7,错误,abc\nV8,小额,5\n";
    private const string PaymentsJson = """{"n":5,"mad":0.155327,"chi_square":11.6096,"conformity":"nonconformity"}""";

    private readonly TempFolder dir = new("benford");

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Json_PrintsExactlyOneLine_AndReportsSkippedCellsOnStderr()
    {
        var path = Write("payments.csv", Payments, new UTF8Encoding(true));

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "金额", "--json");

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(PaymentsJson + "\n", r.Out.Replace("\r\n", "\n"));
        Assert.Contains("第 8 行「abc」", r.Err);
    }

    [Fact]
    public async Task Gb18030Csv_GivesTheSameResult()
    {
        var path = Write("payments-gbk.csv", Payments, Xuncha.Screening.Package.TextDecoding.Gb18030);

        var r = await XunchaProcess.RunAsync("benford", path, "--column", " 金额 ", "--json");

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(PaymentsJson, r.Out.Trim());
    }

    [Fact]
    public async Task Xlsx_FirstTwoDigits()
    {
        var path = dir.PathOf("two.xlsx");
        MiniExcel.SaveAs(path, Enumerable.Range(10, 90).Select(i => new Dictionary<string, object?> { ["编号"] = i, ["金额"] = (double)i }));

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "金额", "--digits", "2", "--json");

        // 10..99 once each: MAD 0.005974275, χ² 36.637271 (computed by hand in BenfordAnalysisTests).
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("""{"n":90,"mad":0.005974,"chi_square":36.6373,"conformity":"nonconformity"}""", r.Out.Trim());
    }

    [Fact]
    public async Task MinZero_CountsSmallAmounts()
    {
        var path = Write("payments.csv", Payments, new UTF8Encoding(false));

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "金额", "--min", "0", "--json");

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.StartsWith("""{"n":6,""", r.Out);
    }

    [Fact]
    public async Task Report_IsInChinese_WithTheDigitTable()
    {
        var path = Write("payments.csv", Payments, new UTF8Encoding(false));

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "金额");

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("本福特分析：首位数字", r.Out);
        Assert.Contains("参与分析 n = 5", r.Out);
        Assert.Contains("MAD（平均绝对偏差）= 0.155327", r.Out);
        Assert.Contains("χ² = 11.61（自由度 8）", r.Out);
        Assert.Contains("符合程度：不符合（nonconformity）", r.Out);
        Assert.Contains("100.00%", r.Out);
        Assert.Contains("★ 偏离显著", r.Out);
    }

    [Fact]
    public async Task MissingFile_Exits1_NamingTheFile()
    {
        var path = dir.PathOf("nowhere.csv");

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "金额");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"找不到文件「{path}」", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public async Task UnknownColumn_Exits1_ListingTheColumns()
    {
        var path = Write("payments.csv", Payments, new UTF8Encoding(false));

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "amount", "--json");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"文件「{path}」中没有名为「amount」的列。可用的列：凭证号、摘要、金额", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public async Task NothingLeftAfterFiltering_Exits1()
    {
        var path = Write("small.csv", "金额\n5\n0\n\nabc\n", new UTF8Encoding(false));

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "金额", "--json");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("没有可分析的数值（n = 0）", r.Err);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("--digits", "3")]
    [InlineData("--digits", "x")]
    [InlineData("--min", "-1")]
    [InlineData("--bogus", "1")]
    public async Task UsageErrors_Exit2(string option, string value)
    {
        var path = Write("payments.csv", Payments, new UTF8Encoding(false));

        var r = await XunchaProcess.RunAsync("benford", path, "--column", "金额", option, value);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(option, r.Err);
    }

    [Fact]
    public async Task MissingColumnOption_Exits2()
    {
        var path = Write("payments.csv", Payments, new UTF8Encoding(false));

        var r = await XunchaProcess.RunAsync("benford", path);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--column", r.Err);
    }

    private string Write(string name, string text, Encoding encoding)
    {
        var path = dir.PathOf(name);
        File.WriteAllText(path, text, encoding);
        return path;
    }
}
