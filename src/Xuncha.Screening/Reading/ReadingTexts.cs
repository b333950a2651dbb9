namespace Xuncha.Screening.Reading;

/// <summary>Chinese messages of the file readers.</summary>
public static class ReadingTexts
{
    public static string UnsupportedFileType(string path) =>
        $"不支持的文件类型「{Path.GetExtension(path)}」：请提供 .csv 或 .xlsx 文件";

    public static string EmptyFile(string path) => $"文件「{path}」是空的，没有表头行";

    public static string UnreadableWorkbook(string path, string reason) => $"无法读取 Excel 文件「{path}」：{reason}";
}
