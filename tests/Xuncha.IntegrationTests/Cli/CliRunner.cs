using System.Diagnostics;
using System.Text;

namespace Xuncha.IntegrationTests.Cli;

public sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>Runs the real `xuncha` program (dotnet xuncha.dll) as a user would, with its own data folder.</summary>
public static class CliRunner
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "xuncha.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The tests' own database settings must not leak into the program.
        psi.Environment.Remove("XUNCHA_DATABASE");
        psi.Environment.Remove("XUNCHA_CONNECTION_STRING");
        psi.Environment.Remove("XUNCHA_DATA_DIR");
        return psi;
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(StartInfo(args));

    /// <summary>Runs with the given XUNCHA_* settings (e.g. a test database's) in the environment.</summary>
    public static Task<CliResult> RunWithAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var psi = StartInfo(args);
        foreach (var (key, value) in settings)
        {
            psi.Environment[key] = value;
        }

        return RunAsync(psi);
    }

    private static async Task<CliResult> RunAsync(ProcessStartInfo psi)
    {
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static string NewDataDir() => Directory.CreateTempSubdirectory("xuncha-cli-").FullName;
}
