using System.Diagnostics;
using Xuncha.Screening.Engine;
using Xuncha.Screening.Package;

namespace Xuncha.Screening.Tests.Fuzz;

public enum Verdict
{
    Valid,
    Reported,
    Crashed,
    Hung,
}

public sealed record FuzzOutcome(Verdict Verdict, string Detail, TimeSpan Elapsed);

/// <summary>
/// Reads one package through the whole screening run (as the CLI and the web import do) under a
/// time limit, and judges the outcome: a run, or a report whose every entry names a file and gives
/// a Chinese reason. Anything else — another exception, a report without place or reason, no
/// answer in time — is a failure.
/// </summary>
public static class FuzzCase
{
    /// <param name="readOnly">Only load the package (the reader), without running the rules.</param>
    public static FuzzOutcome Run(string path, TimeSpan limit, bool readOnly = false)
    {
        var watch = Stopwatch.StartNew();
        var task = Task.Run(() => readOnly ? Load(path) : Judge(path));
        return task.Wait(limit)
            ? task.Result with { Elapsed = watch.Elapsed }
            : new FuzzOutcome(Verdict.Hung, $"没有在 {limit.TotalSeconds} 秒内结束", watch.Elapsed);
    }

    private static FuzzOutcome Load(string path)
    {
        try
        {
            using var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
            db.Open();
            var package = PackageLoader.Load(path, db);
            return new FuzzOutcome(Verdict.Valid, $"{package.RowsPerTable.Values.Sum()} 行", TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            return Failure(ex);
        }
    }

    private static FuzzOutcome Judge(string path)
    {
        try
        {
            var run = ScreeningEngine.Run(path, new ScreeningOptions(CollectEvidence: true, CollectRoster: true));
            var bad = run.Leads.FirstOrDefault(l => l.RuleCode.Length == 0 || !HasChinese(l.Explanation));
            return bad is null
                ? new FuzzOutcome(Verdict.Valid, $"{run.Leads.Count} 条线索", TimeSpan.Zero)
                : new FuzzOutcome(Verdict.Crashed, $"线索缺少说明：{bad}", TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            return Failure(ex);
        }
    }

    private static FuzzOutcome Failure(Exception ex)
    {
        if (ex is not InvalidPackageException invalid)
        {
            return new FuzzOutcome(Verdict.Crashed, ex.ToString(), TimeSpan.Zero);
        }

        var bad = invalid.Errors.FirstOrDefault(e => e.File.Length == 0 || e.Line < 0 || !HasChinese(e.Reason) || e.ToString().Length > 1000);
        return invalid.Errors.Count == 0 || bad is not null
            ? new FuzzOutcome(Verdict.Crashed, $"报告不完整：{bad}", TimeSpan.Zero)
            : new FuzzOutcome(Verdict.Reported, invalid.Errors[0].ToString(), TimeSpan.Zero);
    }

    public static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
