using System.IO.Compression;
using System.Text.Json;
using Xuncha.Core.Common;

namespace Xuncha.Cli.Backup;

/// <summary>
/// Opens a backup archive and extracts it into a staging folder, checking every entry against the
/// manifest (name, size, SHA-256) on the way. Anything wrong — truncated zip, flipped byte, an
/// entry missing or added, an unsafe path — throws before a single byte of the target is touched.
/// </summary>
public static class ArchiveStaging
{
    public static BackupManifest ReadManifest(string archive)
    {
        using var zip = Open(archive);
        return ReadManifest(zip, archive);
    }

    public static async Task<BackupManifest> ExtractAsync(string archive, string staging, CancellationToken ct)
    {
        using var zip = Open(archive);
        var manifest = ReadManifest(zip, archive);
        var expected = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var name in expected.Keys)
        {
            if (!IsSafe(name))
            {
                throw new BackupException(BackupTexts.Corrupt(archive, BackupTexts.UnsafeEntry(name)));
            }
        }

        BackupException Mismatch(string entry) => new(BackupTexts.Corrupt(archive, BackupTexts.ChecksumMismatch(entry)));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.FullName == BackupManifest.EntryName)
                {
                    continue;
                }

                if (!IsSafe(entry.FullName))
                {
                    throw new BackupException(BackupTexts.Corrupt(archive, BackupTexts.UnsafeEntry(entry.FullName)));
                }

                if (!expected.TryGetValue(entry.FullName, out var file) || !seen.Add(entry.FullName))
                {
                    throw new BackupException(BackupTexts.Corrupt(archive, BackupTexts.ExtraEntry(entry.FullName)));
                }

                var target = Path.Combine(staging, entry.FullName.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                string sha256;
                long size;
                await using (var input = entry.Open())
                await using (var output = File.Create(target))
                {
                    // No more than the manifest says: a lying entry stops at its declared size.
                    (sha256, size) = await HashingCopy.CopyAsync(input, output, file.Size, () => Mismatch(entry.FullName), ct);
                }

                if (size != file.Size || sha256 != file.Sha256)
                {
                    throw Mismatch(entry.FullName);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new BackupException(BackupTexts.Corrupt(archive, ex.Message), ex);
        }

        if (expected.Keys.FirstOrDefault(k => !seen.Contains(k)) is { } missing)
        {
            throw new BackupException(BackupTexts.Corrupt(archive, BackupTexts.MissingEntry(missing)));
        }

        if (!seen.Contains(manifest.DatabaseEntry))
        {
            throw new BackupException(BackupTexts.Corrupt(archive, BackupTexts.MissingEntry(manifest.DatabaseEntry)));
        }

        return manifest;
    }

    private static ZipArchive Open(string archive)
    {
        if (!File.Exists(archive))
        {
            throw new BackupException(BackupTexts.FromMissing(archive));
        }

        try
        {
            return ZipFile.OpenRead(archive);
        }
        catch (InvalidDataException ex)
        {
            throw new BackupException(BackupTexts.Corrupt(archive, "不是完整的 zip 文件"), ex);
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip, string archive)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupException(BackupTexts.NotAnArchive(archive));
        BackupManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new BackupException(BackupTexts.Corrupt(archive, "清单 manifest.json 无法读取"), ex);
        }

        if (manifest is null || manifest.Files is null || manifest.Tables is null || manifest.Provider is not ("sqlite" or "postgres"))
        {
            throw new BackupException(BackupTexts.Corrupt(archive, "清单 manifest.json 内容不全"));
        }

        return manifest.FormatVersion > BackupManifest.CurrentFormat
            ? throw new BackupException(BackupTexts.NewerFormat(manifest.FormatVersion))
            : manifest;
    }

    private static bool IsSafe(string name) =>
        name.Length > 0 && !name.StartsWith('/') && !name.Contains('\\') && !name.Contains(':')
        && name.Split('/').All(p => p.Length > 0 && p != "." && p != "..")
        && (name.StartsWith("database/", StringComparison.Ordinal) || name.StartsWith("files/", StringComparison.Ordinal) || name.StartsWith("packages/", StringComparison.Ordinal) || name.StartsWith("keys/", StringComparison.Ordinal));
}
