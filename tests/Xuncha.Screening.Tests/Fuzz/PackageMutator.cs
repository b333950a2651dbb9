using System.Text;
using MiniExcelLibs;

namespace Xuncha.Screening.Tests.Fuzz;

public enum Mutation
{
    TruncateCsv,
    FlipCsvBytes,
    Gb18030,
    Utf16WithBom,
    Utf16WithoutBom,
    Latin1,
    HugeField,
    DropColumn,
    DuplicateColumn,
    FormulaCells,
    RaggedRows,
    StrayQuotes,
    TruncateXlsx,
    FlipXlsxBytes,
    NestedZip,
    ZipSlip,
}

/// <summary>
/// Seeded random damage to a copy of a valid package (a CSV folder, or its .xlsx form). Each
/// mutation returns the path to read (folder or .xlsx) and a short description for the report.
/// </summary>
internal sealed class PackageMutator(string validFolder, string validXlsx)
{
    public static readonly string[] Formulas = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"http://x.invalid\",\"点我\")"];

    public (string Path, string What) Apply(Mutation kind, Random rng, string workDir)
    {
        var folder = Path.Combine(workDir, "pkg");
        if (kind is Mutation.TruncateXlsx or Mutation.FlipXlsxBytes or Mutation.NestedZip or Mutation.ZipSlip)
        {
            var xlsx = Path.Combine(workDir, "package.xlsx");
            return (xlsx, ApplyXlsx(kind, rng, xlsx));
        }

        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(validFolder))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        var files = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToArray();
        var file = files[rng.Next(files.Length)];
        var name = Path.GetFileName(file);
        var bytes = File.ReadAllBytes(file);
        switch (kind)
        {
            case Mutation.TruncateCsv:
                var at = rng.Next(bytes.Length + 1);
                File.WriteAllBytes(file, bytes[..at]);
                return (folder, $"{name} 截断于 {at}/{bytes.Length}");
            case Mutation.FlipCsvBytes:
                var flips = rng.Next(1, 30);
                for (var i = 0; i < flips && bytes.Length > 0; i++)
                {
                    bytes[rng.Next(bytes.Length)] ^= (byte)rng.Next(1, 256);
                }

                File.WriteAllBytes(file, bytes);
                return (folder, $"{name} 翻转 {flips} 个字节");
            case Mutation.Gb18030:
                return Reencode(folder, file, Encoding.GetEncoding("GB18030"), bom: false);
            case Mutation.Utf16WithBom:
                return Reencode(folder, file, rng.Next(2) == 0 ? Encoding.Unicode : Encoding.BigEndianUnicode, bom: true);
            case Mutation.Utf16WithoutBom:
                return Reencode(folder, file, rng.Next(2) == 0 ? Encoding.Unicode : Encoding.BigEndianUnicode, bom: false);
            case Mutation.Latin1:
                return Reencode(folder, file, Encoding.Latin1, bom: false);
        }

        var rows = CsvText.Read(file);
        if (rows.Count == 0)
        {
            return (folder, $"{name} 为空");
        }

        var width = rows[0].Length;
        string what;
        switch (kind)
        {
            case Mutation.HugeField:
                var cell = new string("巡察数据超长字段"[rng.Next(8)], 5 << 20 >> 1);
                var r = rows.Count > 1 ? rng.Next(1, rows.Count) : 0;
                rows[r][rng.Next(rows[r].Length)] = cell;
                what = $"{name} 第 {r + 1} 行一个 {Encoding.UTF8.GetByteCount(cell) / (1 << 20)} MB 的单元格";
                break;
            case Mutation.DropColumn:
                var drop = rng.Next(width);
                what = $"{name} 删除列 {rows[0][drop]}";
                rows = rows.Select(row => row.Where((_, i) => i != drop).ToArray()).ToList();
                break;
            case Mutation.DuplicateColumn:
                var dup = rng.Next(width);
                what = $"{name} 重复列 {rows[0][dup]}";
                rows = rows.Select(row => row.Append(dup < row.Length ? row[dup] : "").ToArray()).ToList();
                break;
            case Mutation.FormulaCells:
                var n = rng.Next(1, 20);
                for (var i = 0; i < n && rows.Count > 1; i++)
                {
                    var row = rows[rng.Next(1, rows.Count)];
                    row[rng.Next(row.Length)] = Formulas[rng.Next(Formulas.Length)];
                }

                what = $"{name} {n} 个公式单元格";
                break;
            case Mutation.RaggedRows:
                for (var i = 1; i < rows.Count; i++)
                {
                    if (rng.Next(4) == 0)
                    {
                        rows[i] = rng.Next(2) == 0 ? rows[i][..rng.Next(rows[i].Length)] : [.. rows[i], "多余", "字段"];
                    }
                }

                what = $"{name} 行长短不一";
                break;
            default:
                var text = Encoding.UTF8.GetString(bytes).ToCharArray().ToList();
                var quotes = rng.Next(1, 6);
                for (var i = 0; i < quotes && text.Count > 0; i++)
                {
                    text.Insert(rng.Next(text.Count), '"');
                }

                File.WriteAllText(file, new string([.. text]));
                return (folder, $"{name} 插入 {quotes} 个孤立引号");
        }

        CsvText.Write(file, rows);
        return (folder, what);
    }

    private string ApplyXlsx(Mutation kind, Random rng, string xlsx)
    {
        var bytes = File.ReadAllBytes(validXlsx);
        switch (kind)
        {
            case Mutation.TruncateXlsx:
                var at = rng.Next(bytes.Length + 1);
                File.WriteAllBytes(xlsx, bytes[..at]);
                return $"xlsx 截断于 {at}/{bytes.Length}";
            case Mutation.FlipXlsxBytes:
                var flips = rng.Next(1, 20);
                for (var i = 0; i < flips; i++)
                {
                    bytes[rng.Next(bytes.Length)] ^= (byte)rng.Next(1, 256);
                }

                File.WriteAllBytes(xlsx, bytes);
                return $"xlsx 翻转 {flips} 个字节";
            case Mutation.NestedZip:
                if (rng.Next(2) == 0)
                {
                    // A zip holding the workbook, renamed to .xlsx.
                    using (var zip = System.IO.Compression.ZipFile.Open(xlsx, System.IO.Compression.ZipArchiveMode.Create))
                    {
                        System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(zip, validXlsx, "inner/package.xlsx");
                    }

                    return "zip 中套 xlsx";
                }

                ZipCraft.WithEntry(validXlsx, xlsx, "xl/embeddings/inner.zip", bytes);
                return "xlsx 中嵌入 zip";
            default:
                var target = rng.Next(3) switch
                {
                    0 => "../../evil.csv",
                    1 => "xl/../../../tmp/evil.xml",
                    _ => "/etc/evil.xml",
                };
                ZipCraft.WithEntry(validXlsx, xlsx, target, Encoding.UTF8.GetBytes("village_code\n1\n"));
                return $"xlsx 含路径 {target}";
        }
    }

    private static (string, string) Reencode(string folder, string file, Encoding encoding, bool bom)
    {
        var text = Xuncha.Screening.Package.TextDecoding.ReadFile(file);
        var body = encoding.GetBytes(text);
        File.WriteAllBytes(file, bom ? [.. encoding.GetPreamble(), .. body] : body);
        return (folder, $"{Path.GetFileName(file)} 另存为 {encoding.WebName}{(bom ? "（带 BOM）" : "")}");
    }

    /// <summary>The same package as one workbook, a sheet per table, every cell as text.</summary>
    public static void WriteXlsx(string folder, string xlsx)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var rows = CsvText.Read(file);
            var header = rows[0];
            sheets[Path.GetFileNameWithoutExtension(file)] = rows.Skip(1)
                .Select(r => (IDictionary<string, object?>)header.Select((h, i) => (h, v: (object?)(i < r.Length ? r[i] : null)))
                    .ToDictionary(x => x.h, x => x.v))
                .ToList();
        }

        MiniExcel.SaveAs(xlsx, sheets);
    }
}
