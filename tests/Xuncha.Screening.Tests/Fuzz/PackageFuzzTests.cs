using System.Globalization;
using System.Text;
using Xuncha.Screening.Tests.Engine;
using Xunit.Abstractions;

namespace Xuncha.Screening.Tests.Fuzz;

/// <summary>
/// Seeded random damage to valid packages: never an unhandled exception, never a hang, always a run
/// or a report with place and Chinese reason. XUNCHA_FUZZ_ITERATIONS (default 240, 15 per kind of damage) and
/// XUNCHA_FUZZ_SEED (default 20261128) make a longer or different local run; XUNCHA_FUZZ_FULL=1
/// runs the rules on every case (by default one round in four, the others only load the package).
/// </summary>
public sealed class PackageFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void RandomlyDamagedPackages_AreReadOrReported_NeverCrashOrHang()
    {
        var iterations = Setting("XUNCHA_FUZZ_ITERATIONS", 240);
        var seed = Setting("XUNCHA_FUZZ_SEED", 20261128);
        var full = Setting("XUNCHA_FUZZ_FULL", 0) == 1;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var valid = GeneratedPackages.Generate(7, background: true, "R01", "C03", "S01", "G01");
        using var xlsxFolder = new TempFolder("fuzz-base");
        var (folder, xlsx) = (valid.Folder, xlsxFolder.PathOf("package.xlsx"));
        PackageMutator.WriteXlsx(folder, xlsx);
        Assert.Equal(Verdict.Valid, FuzzCase.Run(folder, TimeSpan.FromSeconds(60)).Verdict);
        Assert.Equal(Verdict.Valid, FuzzCase.Run(xlsx, TimeSpan.FromSeconds(60)).Verdict);

        var mutator = new PackageMutator(folder, xlsx);
        var kinds = Enum.GetValues<Mutation>();
        var tally = kinds.ToDictionary(k => k, _ => new int[4]);
        var failures = new List<string>();
        var samples = new Dictionary<Mutation, string>();
        var slowest = TimeSpan.Zero;
        var reading = TimeSpan.Zero;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var kind = kinds[i % kinds.Length];
            var rng = new Random(unchecked((seed * 1_000_003) + i));
            using (var work = new TempFolder("fuzz"))
            {
                var (path, what) = mutator.Apply(kind, rng, work.Folder);
                if (Environment.GetEnvironmentVariable("XUNCHA_FUZZ_LOG") is { Length: > 0 } log)
                {
                    // A case that takes the whole process down (a native crash) is the last line here.
                    File.AppendAllText(log, $"#{i} {kind} {what}\n");
                }

                // Every kind gets the whole screening run in one round of four; the others only load.
                var outcome = FuzzCase.Run(path, TimeSpan.FromSeconds(30), readOnly: !full && (i / kinds.Length) % 4 != 0);
                tally[kind][(int)outcome.Verdict]++;
                slowest = outcome.Elapsed > slowest ? outcome.Elapsed : slowest;
                reading += outcome.Elapsed;
                if (outcome.Verdict == Verdict.Reported)
                {
                    samples.TryAdd(kind, $"{what} → {outcome.Detail}");
                }

                if (outcome.Verdict is Verdict.Crashed or Verdict.Hung)
                {
                    failures.Add($"#{i} {kind}（{what}）：{outcome.Verdict} {outcome.Detail}");
                }
            }
        }

        output.WriteLine($"种子 {seed}，{iterations} 例（{(full ? "全部" : "四轮一次")}跑完整筛查），用时 {watch.Elapsed.TotalSeconds:0.0} 秒（其中读取与筛查 {reading.TotalSeconds:0.0} 秒），最慢一例 {slowest.TotalSeconds:0.00} 秒");
        output.WriteLine("变异 | 读出 | 报告 | 崩溃 | 卡死");
        foreach (var (kind, n) in tally)
        {
            output.WriteLine($"{kind} | {n[0]} | {n[1]} | {n[2]} | {n[3]}");
        }

        output.WriteLine("每种变异的第一份报告：");
        foreach (var (kind, sample) in samples)
        {
            output.WriteLine($"{kind}：{sample[..Math.Min(200, sample.Length)]}");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)) + $"\n\n共 {failures.Count} 例失败");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
