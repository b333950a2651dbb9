using System.Text;
using System.Text.Unicode;

namespace Xuncha.Screening.Reading;

/// <summary>
/// Text files as villages send them: UTF-8 (with or without BOM) from newer tools, GB18030
/// (the superset of GBK) from Excel's "CSV" on a Chinese Windows.
/// </summary>
public static class TextDecoding
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    static TextDecoding()
    {
        // GB18030 lives in the code-pages provider, which .NET does not register by itself.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is skipped), otherwise GB18030.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
            return Encoding.UTF8.GetString(bytes);
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.GetString(bytes);
    }

    public static string ReadFile(string path) => Decode(File.ReadAllBytes(path));
}
