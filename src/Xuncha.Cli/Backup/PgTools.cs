using System.Diagnostics;
using Npgsql;

namespace Xuncha.Cli.Backup;

/// <summary>
/// Runs pg_dump / pg_restore found on PATH or under /usr/lib/postgresql/&lt;version&gt;/bin (newest
/// first). The connection goes through PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, never on
/// the command line, so the password does not show in the process list.
/// </summary>
public static class PgTools
{
    public static string Find(string tool)
    {
        var candidates = new List<string>();
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(dir, tool));
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", tool)));
        }

        return candidates.FirstOrDefault(File.Exists) ?? throw new BackupException(BackupTexts.ToolMissing(tool));
    }

    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> args, CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        Set(psi, "PGHOST", csb.Host);
        Set(psi, "PGPORT", csb.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(psi, "PGUSER", csb.Username);
        Set(psi, "PGPASSWORD", csb.Password);
        Set(psi, "PGDATABASE", csb.Database);
        Set(psi, "PGSSLMODE", csb.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        Set(psi, "PGCONNECT_TIMEOUT", "15");

        using var process = Process.Start(psi) ?? throw new BackupException(BackupTexts.ToolMissing(tool));
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new BackupException(BackupTexts.ToolFailed(tool, process.ExitCode, await stderr));
        }
    }

    private static void Set(ProcessStartInfo psi, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            psi.Environment.Remove(name);
        }
        else
        {
            psi.Environment[name] = value;
        }
    }
}
