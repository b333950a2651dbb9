using System.Diagnostics;

namespace Xuncha.Screening.Engine;

/// <summary>
/// XUNCHA_TRACE=1 prints each load and preparation step with its wall time and the process's CPU
/// time (on a shared machine the CPU time is the steadier number) to stderr, for benchmarking.
/// </summary>
internal static class Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("XUNCHA_TRACE") == "1";

    public static T Step<T>(string what, Func<T> step)
    {
        if (!Enabled)
        {
            return step();
        }

        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = step();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.Error.WriteLine($"  {wall.ElapsedMilliseconds,7} ms {used.TotalMilliseconds,8:0} ms cpu  {what}");
        return result;
    }

    public static void Step(string what, Action step) => Step(what, () =>
    {
        step();
        return 0;
    });
}
