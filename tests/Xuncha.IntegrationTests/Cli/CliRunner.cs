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
        // No debugger pipes or diagnostics socket in the temp folder: a process the test kills
        // (the fault tests, a server stopped with Kill) never removes its own.
        psi.Environment["DOTNET_EnableDiagnostics"] = "0";
        return psi;
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(StartInfo(args));

    /// <summary>Runs with extra environment variables, e.g. the test database's XUNCHA_* settings.</summary>
    public static Task<CliResult> RunAsync(IEnumerable<KeyValuePair<string, string?>> environment, params string[] args)
    {
        var psi = StartInfo(args);
        foreach (var (key, value) in environment)
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

    /// <summary>A free port on loopback for a server started by a test.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
