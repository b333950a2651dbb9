namespace Xuncha.Cli;

/// <summary>Exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and failed (bad data, refused operation, database unreachable).</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong: unknown option, missing argument.</summary>
    public const int Usage = 2;
}
