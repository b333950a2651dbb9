using System.Text;

namespace Xuncha.Screening.Package;

/// <summary>
/// UTF-8 (with or without BOM) or GB18030: Excel on Chinese Windows saves CSV as GBK, a subset
/// of GB18030. A file that is valid UTF-8 is read as UTF-8; anything else as GB18030. UTF-16
/// (with a byte order mark, or without one but recognisable by its NUL bytes) is read as such.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Decodes a whole (small) file's bytes: UTF-8 when valid (a BOM is skipped), else GB18030.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom))
        {
            return Encoding.UTF8.GetString(bytes[bom.Length..]);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes[2..]);
        }

        if (Utf16WithoutBom(bytes[..Math.Min(bytes.Length, 4096)]) is { } utf16)
        {
            return utf16.GetString(bytes);
        }

        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.GetString(bytes);
    }

    /// <summary>
    /// UTF-16 saved without a byte order mark ("Unicode text" from some tools): CSV text in UTF-8 or
    /// GB18030 never holds NUL bytes, UTF-16 has one in most ASCII characters, nearly all on one side.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> sample)
    {
        if (sample.Length < 4)
        {
            return null;
        }

        int even = 0, odd = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            even += sample[i] == 0 ? 1 : 0;
            odd += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        // A CJK character may have a NUL byte too (U+4E00 is 00 4E), so the other side may hold a few.
        return odd * 3 >= pairs && even * 20 <= pairs ? Encoding.Unicode
            : even * 3 >= pairs && odd * 20 <= pairs ? Encoding.BigEndianUnicode
            : null;
    }

    public static string ReadFile(string path) => Decode(File.ReadAllBytes(path));

    public static Encoding Detect(string path, int sampleBytes = 1 << 20)
    {
        using var stream = File.OpenRead(path);
        Span<byte> bom = stackalloc byte[3];
        var read = stream.Read(bom);
        if (read == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return StrictUtf8;
        }

        if (read >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
        {
            // UTF-16 with a byte order mark: the reader takes the encoding from the mark.
            return bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        }

        stream.Position = 0;
        var start = new byte[4096];
        var n = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (Utf16WithoutBom(start.AsSpan(0, n)) is { } utf16)
        {
            return utf16;
        }

        stream.Position = 0;
        return Sample(stream, sampleBytes);
    }

    /// <summary>
    /// UTF-8 that throws on invalid bytes: a file judged UTF-8 by its first megabyte but holding
    /// GB18030 further on fails loudly, and the loader reads it again as GB18030.
    /// </summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>
    /// Strict UTF-8 for a file whose start already holds UTF-8 Chinese: invalid bytes further on are
    /// damage (a cut or corrupted file), not GB18030, and are reported rather than read as GB18030.
    /// </summary>
    public static Encoding EvidentUtf8 { get; } = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>The physical line (from 1) holding the first byte that is not UTF-8.</summary>
    public static int LineOfInvalidUtf8(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var chars = new char[1 << 16];
        int filled = 0, line = 1, n;
        while ((n = stream.Read(buffer, filled, buffer.Length - filled)) > 0 || filled > 0)
        {
            var length = filled + n;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: n == 0);
            line += buffer.AsSpan(0, read).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData || (n == 0 && read < length))
            {
                return line;
            }

            buffer.AsSpan(read, length - read).CopyTo(buffer);
            filled = length - read;
            if (n == 0)
            {
                break;
            }
        }

        return line;
    }

    /// <summary>
    /// UTF-8 when the sample is valid UTF-8. Invalid bytes after a good run of UTF-8 Chinese mean a
    /// damaged UTF-8 file (GBK text fails as UTF-8 within its first few characters): it stays UTF-8
    /// and the damage is reported, rather than the whole file being read as GB18030.
    /// </summary>
    private static Encoding Sample(Stream stream, int sampleBytes)
    {
        var buffer = new byte[1 << 16];
        var chars = new char[1 << 16];
        int filled = 0, total = 0, n;
        long nonAscii = 0;
        while (total < sampleBytes && (n = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            total += n;
            var length = filled + n;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: false);
            foreach (var c in chars.AsSpan(0, written))
            {
                nonAscii += c > 0x7F ? 1 : 0;
            }

            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return nonAscii >= 8 ? EvidentUtf8 : Gb18030;
            }

            buffer.AsSpan(read, length - read).CopyTo(buffer);
            filled = length - read;
        }

        return nonAscii > 0 ? EvidentUtf8 : StrictUtf8;
    }
}
