using System.IO.Compression;
using System.Text;

namespace Xuncha.Screening.Tests.Fuzz;

/// <summary>
/// Hand-written zip files for what a zip library refuses to write: an entry whose deflated data
/// inflates to gigabytes (declaring that size, or lying about it), or an entry named with "../".
/// </summary>
internal static class ZipCraft
{
    /// <summary>Copies <paramref name="xlsx"/>, replacing <paramref name="part"/> by a deflate stream of <paramref name="inflated"/> bytes.</summary>
    public static void Bomb(string xlsx, string output, string part, long inflated, uint declared)
    {
        var parts = Parts(xlsx);
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var row = Encoding.UTF8.GetBytes("<row><c t=\"inlineStr\"><is><t>巡察</t></is></c></row>");
        var chunk = new MemoryStream();
        while (chunk.Length < (1 << 20))
        {
            chunk.Write(row);
        }

        // A sync-flushed deflate block holds no reference to earlier data, so repeating it repeats the output.
        var compressed = Deflated(chunk.ToArray());
        var data = new MemoryStream();
        data.Write(Deflated(head));
        for (long n = head.Length; n < inflated; n += chunk.Length)
        {
            data.Write(compressed);
        }

        data.Write([0x03, 0x00]); // the final, empty block
        parts[part] = (data.ToArray(), declared, 0u, true);
        Write(output, parts);
    }

    /// <summary>Copies <paramref name="xlsx"/> with one more (stored) entry under <paramref name="name"/>.</summary>
    public static void WithEntry(string xlsx, string output, string name, byte[] content)
    {
        var parts = Parts(xlsx);
        parts[name] = (content, (uint)content.Length, Crc32(content), false);
        Write(output, parts);
    }

    /// <summary>Raw deflate blocks, sync-flushed (byte-aligned, not final).</summary>
    private static byte[] Deflated(byte[] bytes)
    {
        var ms = new MemoryStream();
        var deflate = new DeflateStream(ms, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(bytes);
        deflate.Flush();
        return ms.ToArray();
    }

    private static Dictionary<string, (byte[] Data, uint Size, uint Crc, bool Deflated)> Parts(string xlsx)
    {
        var parts = new Dictionary<string, (byte[], uint, uint, bool)>(StringComparer.Ordinal);
        using var zip = ZipFile.OpenRead(xlsx);
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            var ms = new MemoryStream();
            s.CopyTo(ms);
            var bytes = ms.ToArray();
            parts[e.FullName] = (bytes, (uint)bytes.Length, Crc32(bytes), false);
        }

        return parts;
    }

    private static void Write(string output, Dictionary<string, (byte[] Data, uint Size, uint Crc, bool Deflated)> parts)
    {
        using var file = File.Create(output);
        using var w = new BinaryWriter(file);
        var central = new List<(string Name, uint Offset, (byte[] Data, uint Size, uint Crc, bool Deflated) Part)>();
        foreach (var (name, part) in parts)
        {
            central.Add((name, (uint)file.Position, part));
            var nameBytes = Encoding.UTF8.GetBytes(name);
            w.Write(0x04034b50u);
            w.Write((ushort)20);
            w.Write((ushort)0x0800);
            w.Write((ushort)(part.Deflated ? 8 : 0));
            w.Write(0u); // time and date
            w.Write(part.Crc);
            w.Write((uint)part.Data.Length);
            w.Write(part.Size);
            w.Write((ushort)nameBytes.Length);
            w.Write((ushort)0);
            w.Write(nameBytes);
            w.Write(part.Data);
        }

        var start = (uint)file.Position;
        foreach (var (name, offset, part) in central)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            w.Write(0x02014b50u);
            w.Write((ushort)20);
            w.Write((ushort)20);
            w.Write((ushort)0x0800);
            w.Write((ushort)(part.Deflated ? 8 : 0));
            w.Write(0u);
            w.Write(part.Crc);
            w.Write((uint)part.Data.Length);
            w.Write(part.Size);
            w.Write((ushort)nameBytes.Length);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write(0u);
            w.Write(offset);
            w.Write(nameBytes);
        }

        var size = (uint)file.Position - start;
        w.Write(0x06054b50u);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)central.Count);
        w.Write((ushort)central.Count);
        w.Write(size);
        w.Write(start);
        w.Write((ushort)0);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
