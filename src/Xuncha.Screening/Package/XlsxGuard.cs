using System.IO.Compression;

namespace Xuncha.Screening.Package;

/// <summary>
/// Checks an .xlsx before any XML in it is parsed: an .xlsx is a zip, and a small file can inflate
/// to gigabytes (a zip bomb). The sizes declared in the zip's directory are checked here; the
/// runtime's inflater refuses to produce more than an entry declares, so a lying entry fails with
/// <see cref="InvalidDataException"/> instead of running away. Returns a Chinese reason, or null.
/// </summary>
public static class XlsxGuard
{
    /// <summary>One part (a sheet's XML): a full sheet of 1,048,576 rows stays well under this.</summary>
    public const long MaxPartBytes = 1L << 30;

    public const long MaxTotalBytes = 2L << 30;

    public const int MaxParts = 10_000;

    public static string? Check(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > MaxParts)
            {
                return $"Excel 文件内含 {zip.Entries.Count} 个部件，超过 {MaxParts} 个的上限，不像正常的工作簿，已停止读取";
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.Split('/', '\\').Any(p => p == "..") || entry.FullName.StartsWith('/'))
                {
                    return $"Excel 文件内含不安全的路径「{entry.FullName}」，已停止读取";
                }

                total += entry.Length;
                if (entry.Length > MaxPartBytes || total > MaxTotalBytes)
                {
                    return $"Excel 文件中的「{entry.FullName}」解压后达 {Size(entry.Length)}（合计 {Size(total)}），" +
                        $"超过单个部件 {Size(MaxPartBytes)}、合计 {Size(MaxTotalBytes)} 的上限（可能是压缩炸弹），已停止读取；" +
                        "请把数据拆分为多个 CSV 文件后再导入";
                }
            }

            return zip.GetEntry("xl/workbook.xml") is null
                ? "不是有效的 Excel（.xlsx）工作簿：缺少 xl/workbook.xml。请用 Excel 或 WPS 另存为 .xlsx 后再导入"
                : null;
        }
        catch (InvalidDataException)
        {
            return "不是有效的 Excel（.xlsx）文件：文件已损坏、不完整或不是 zip 格式";
        }
    }

    private static string Size(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.0} GB" : $"{bytes / (double)(1L << 20):0.0} MB";
}
