using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xuncha.Cli.Backup;

/// <summary>One file in the archive: its entry name, size and SHA-256 (lower-case hex).</summary>
public sealed record ArchivedFile(string Path, long Size, string Sha256);

/// <summary>
/// manifest.json of a backup archive: what was saved, from which database and version, and the
/// checksum of every other entry so a restore can refuse a damaged archive before touching anything.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion,
    string Provider,
    DateTimeOffset CreatedAt,
    string AppVersion,
    string? LastMigration,
    bool WithKeys,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<ArchivedFile> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string SqliteEntry = "database/xuncha.db";
    public const string PostgresEntry = "database/xuncha.pgdump";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string DatabaseEntry => Provider == "sqlite" ? SqliteEntry : PostgresEntry;

    public long TotalRows => Tables.Values.Sum();
}
