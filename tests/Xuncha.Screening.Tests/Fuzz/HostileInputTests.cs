using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DuckDB.NET.Data;
using Xuncha.Screening.Package;
using Xuncha.Screening.Tests.Package;
using Xunit.Abstractions;

namespace Xuncha.Screening.Tests.Fuzz;

/// <summary>
/// Hand-made hostile packages: XLSX zip bombs (honest and lying sizes), formula cells, a million-row
/// file. Each ends in a run or a report, in bounded time and memory; formulas stay text.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const long Inflated = 3_500L << 20;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void XlsxZipBomb_StopsWithAChineseReport_InBoundedTimeAndMemory(bool declaresItsSize)
    {
        using var pkg = TempPackage.WithVillage();
        var valid = ValidXlsx(pkg);
        var bomb = Path.Combine(Path.GetDirectoryName(valid)!, "bomb.xlsx");
        string sheet;
        using (var zip = ZipFile.OpenRead(valid))
        {
            sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).FullName;
        }

        ZipCraft.Bomb(valid, bomb, sheet, Inflated, declaresItsSize ? (uint)Inflated : 100_000u);
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var outcome = FuzzCase.Run(bomb, TimeSpan.FromSeconds(30));
        var grown = Process.GetCurrentProcess().WorkingSet64 - before;
        output.WriteLine($"{new FileInfo(bomb).Length / 1024} KB 的 xlsx，解压应得 {Inflated >> 20} MB：{outcome.Verdict}，{outcome.Elapsed.TotalSeconds:0.00} 秒，工作集增长 {grown >> 20} MB；{outcome.Detail}");
        Assert.Equal(Verdict.Reported, outcome.Verdict);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(10), outcome.Elapsed.ToString());
        Assert.True(grown < 300L << 20, $"working set grew by {grown >> 20} MB");
        Assert.Contains(declaresItsSize ? "压缩炸弹" : "已损坏", outcome.Detail);
    }

    [Fact]
    public void FormulaCells_AreStoredAsPlainText_FromCsvAndXlsx()
    {
        var header = "village_code,voucher_no,date,line_no,account_code,account_name,summary,debit,credit,counterparty\n";
        var rows = new StringBuilder(header);
        for (var i = 0; i < PackageMutator.Formulas.Length; i++)
        {
            rows.Append($"{TempPackage.Village},V{i},2024-03-05,1,541,管理费用,\"{PackageMutator.Formulas[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\",10.00,,\"{PackageMutator.Formulas[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n");
        }

        using var csv = TempPackage.WithVillage().Write("entries", rows.ToString());
        var xlsx = Path.Combine(csv.Folder, "package.xlsx");
        PackageMutator.WriteXlsx(csv.Folder, xlsx);
        foreach (var path in new[] { csv.Folder, xlsx })
        {
            using var db = new DuckDBConnection("Data Source=:memory:");
            db.Open();
            PackageLoader.Load(path, db);
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT summary, counterparty FROM entries ORDER BY voucher_no";
            using var reader = cmd.ExecuteReader();
            var read = new List<string>();
            while (reader.Read())
            {
                Assert.Equal(reader.GetString(0), reader.GetString(1));
                read.Add(reader.GetString(0));
            }

            Assert.Equal(PackageMutator.Formulas, read);
        }
    }

    [Fact]
    public void Utf8FileWithADamagedByte_IsReportedWithItsLine_NotReadAsGb18030()
    {
        var entries = new StringBuilder("village_code,voucher_no,date,line_no,account_code,account_name,summary,debit,credit\n");
        for (var i = 1; i <= 3000; i++)
        {
            entries.Append($"{TempPackage.Village},V{i},2024-03-05,1,541,管理费用,购买办公用品,10.00,\n");
        }

        var bytes = Encoding.UTF8.GetBytes(entries.ToString());
        var line2001 = Encoding.UTF8.GetByteCount(string.Join('\n', entries.ToString().Split('\n').Take(2000))) + 1;
        bytes[line2001 + 60] = 0xFF; // inside the summary of line 2001
        using var pkg = TempPackage.WithVillage();
        File.WriteAllBytes(Path.Combine(pkg.Folder, "entries.csv"), bytes);

        var outcome = FuzzCase.Run(pkg.Folder, TimeSpan.FromSeconds(30), readOnly: true);
        Assert.Equal(Verdict.Reported, outcome.Verdict);
        Assert.Contains("entries.csv 第 2001 行", outcome.Detail);
        Assert.Contains("不是 UTF-8", outcome.Detail);
    }

    [Fact]
    public void MillionRowFile_IsReadInReasonableTime()
    {
        using var pkg = TempPackage.WithVillage();
        const int rows = 1_000_000;
        using (var writer = new StreamWriter(Path.Combine(pkg.Folder, "deaths.csv"), false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("id_number,name,death_date\n");
            for (var i = 0; i < rows; i++)
            {
                writer.Write($"33078219500101{i % 10000:D4},死者{i},2023-{1 + (i % 12):D2}-{1 + (i % 28):D2}\n");
            }
        }

        var watch = Stopwatch.StartNew();
        var outcome = FuzzCase.Run(pkg.Folder, TimeSpan.FromSeconds(90));
        output.WriteLine($"{rows} 行 deaths.csv（{new FileInfo(Path.Combine(pkg.Folder, "deaths.csv")).Length >> 20} MB）：{outcome.Verdict}，{watch.Elapsed.TotalSeconds:0.0} 秒");
        Assert.Equal(Verdict.Valid, outcome.Verdict);
    }

    private static string ValidXlsx(TempPackage pkg)
    {
        var xlsx = Path.Combine(pkg.Folder, "package.xlsx");
        PackageMutator.WriteXlsx(pkg.Folder, xlsx);
        return xlsx;
    }
}
