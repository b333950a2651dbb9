namespace Xuncha.Cli.Backup;

/// <summary>A backup or restore refused or failed; the message is Chinese and shown as is (exit 1).</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
