using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Xuncha.Core.Persistence;

namespace Xuncha.Core.Security.Protection;

/// <summary>
/// Encrypts protected data at rest (petition reporters, public reporters, transferred clues) with
/// AES-256-GCM. The key comes from configuration (<c>XUNCHA_PROTECTION_KEY</c> or
/// <c>Xuncha:ProtectionKey</c>, 32 bytes in base64); without one, a key is created once in the
/// data folder (<c>keys/protection.key</c>, readable by the owner only) so a demo works out of the box.
/// A stored value is <c>v1:</c> + base64(nonce ‖ ciphertext ‖ tag); tampering fails decryption.
/// </summary>
public sealed class ProtectedDataCipher
{
    private const string Prefix = "v1:";
    private readonly byte[] key;

    public ProtectedDataCipher(IConfiguration config, DatabaseSettings settings)
    {
        var configured = config["XUNCHA_PROTECTION_KEY"] ?? config["Xuncha:ProtectionKey"];
        key = configured is not null ? Decode(configured) : LoadOrCreate(Path.Combine(settings.DataDir, "keys", "protection.key"));
    }

    public ProtectedDataCipher(byte[] key) => this.key = key.Length == 32 ? key : throw new ArgumentException("AES-256 needs a 32-byte key", nameof(key));

    public string? Protect(string? plaintext)
    {
        if (string.IsNullOrEmpty(plaintext))
        {
            return null;
        }

        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + plain.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, output.AsSpan(12, plain.Length), output.AsSpan(12 + plain.Length));
        return Prefix + Convert.ToBase64String(output);
    }

    public string? Unprotect(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("not a protected value");
        }

        var data = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[data.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(12, plain.Length), data.AsSpan(12 + plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A keyed one-way hash (HMAC-SHA256 under a key derived from the protection key) for values
    /// that are kept only to recognise repeats, such as a public reporter's IP address.
    /// </summary>
    public string Fingerprint(string value)
    {
        var hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: Encoding.UTF8.GetBytes("xuncha-fingerprint"));
        return Convert.ToHexString(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(value)))[..32].ToLowerInvariant();
    }

    /// <summary>Masks a name or phone for lists (张** / 138****5678), as ui.md asks.</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.Length >= 7 && value.All(char.IsAsciiDigit))
        {
            return value[..3] + new string('*', value.Length - 7) + value[^4..];
        }

        return value[..1] + new string('*', Math.Max(1, value.Length - 1));
    }

    private static byte[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64.Trim());
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException("XUNCHA_PROTECTION_KEY 应为 32 字节密钥的 Base64 编码。");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fresh = RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(fresh));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, path);
        }
        catch (IOException)
        {
            // Another process created it first: use that one.
            File.Delete(temp);
        }

        return Decode(File.ReadAllText(path));
    }
}
