using System.Security.Cryptography;

namespace Xuncha.Core.Common;

/// <summary>Copies a stream, refusing more than a limit as it goes; optionally taking its SHA-256 on the way.</summary>
public static class HashingCopy
{
    /// <summary>The lower-case hex SHA-256 and the size of what was copied; <paramref name="overLimit"/> is thrown past <paramref name="maxBytes"/>.</summary>
    public static async Task<(string Sha256, long Size)> CopyAsync(Stream source, Stream target, long maxBytes, Func<Exception> overLimit, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var size = await CopyAsync(source, target, maxBytes, overLimit, sha, ct);
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    /// <summary>The lower-case hex SHA-256 and the size of what was copied, with no limit.</summary>
    public static Task<(string Sha256, long Size)> CopyAsync(Stream source, Stream target, CancellationToken ct) =>
        CopyAsync(source, target, long.MaxValue, static () => new System.Diagnostics.UnreachableException(), ct);

    /// <summary>The size of what was copied, without a hash.</summary>
    public static Task<long> CopyLimitedAsync(Stream source, Stream target, long maxBytes, Func<Exception> overLimit, CancellationToken ct) =>
        CopyAsync(source, target, maxBytes, overLimit, null, ct);

    private static async Task<long> CopyAsync(Stream source, Stream target, long maxBytes, Func<Exception> overLimit, IncrementalHash? sha, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > maxBytes)
            {
                throw overLimit();
            }

            sha?.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return size;
    }
}
