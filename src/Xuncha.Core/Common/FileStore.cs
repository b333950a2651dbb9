using Xuncha.Core.Persistence;

namespace Xuncha.Core.Common;

/// <summary>
/// Attached files (plans' documents, later evidence) kept once each under their SHA-256 in the
/// data folder. A file is written to a temporary name and moved into place, so a crash never
/// leaves a half-written file under a real hash.
/// </summary>
public sealed class FileStore(DatabaseSettings settings)
{
    public string Root => Path.Combine(settings.DataDir, "files");

    public async Task<(string Sha256, long Size)> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".upload-{Guid.NewGuid():N}");
        try
        {
            string hex;
            long size;
            await using (var file = File.Create(temp))
            {
                (hex, size) = await HashingCopy.CopyAsync(content, file, maxBytes,
                    () => new Security.ValidationException("file", $"文件超过 {maxBytes / (1024 * 1024)} MB 的上限。"), ct);
            }

            var path = PathOf(hex);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, path);
            }

            return (hex, size);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    private string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Root, sha256[..2], sha256)
            : throw new ArgumentException("not a SHA-256", nameof(sha256));
}
