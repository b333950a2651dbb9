using MiniExcelLibs;

namespace Xuncha.Screening.Reading;

/// <summary>A data row with its row number in the file, counting the header as row 1 as Excel does.</summary>
public sealed record TableRow(int Number, IReadOnlyList<object?> Cells)
{
    public object? this[int column] => column < Cells.Count ? Cells[column] : null;
}

/// <summary>
/// A table with one header row: a CSV file (cells are strings) or the first sheet of an .xlsx
/// workbook (cells as MiniExcel types them: string, double, DateTime, bool or null).
/// </summary>
public sealed class TableFile
{
    private readonly Func<IEnumerable<IReadOnlyList<object?>>> records;

    private TableFile(string path, IReadOnlyList<string> headers, Func<IEnumerable<IReadOnlyList<object?>>> records)
    {
        Path = path;
        Headers = headers;
        this.records = records;
    }

    public string Path { get; }

    /// <summary>Header names, trimmed.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows, read afresh on each enumeration.</summary>
    public IEnumerable<TableRow> Rows => records().Skip(1).Select((cells, i) => new TableRow(i + 2, cells));

    /// <summary>Opens a .csv or .xlsx file; throws <see cref="InvalidDataException"/> with a Chinese message when it cannot.</summary>
    public static TableFile Open(string path)
    {
        Func<IEnumerable<IReadOnlyList<object?>>> records = System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvRecords(Package.TextDecoding.ReadFile(path)),
            ".xlsx" => Package.XlsxGuard.Check(path) is { } refused
                ? throw new InvalidDataException(ReadingTexts.UnreadableWorkbook(path, refused))
                : () => SheetRecords(path),
            _ => throw new InvalidDataException(ReadingTexts.UnsupportedFileType(path)),
        };

        IReadOnlyList<object?>? header;
        try
        {
            header = records().FirstOrDefault();
        }
        catch (Exception ex) when (ex is not (IOException or UnauthorizedAccessException))
        {
            throw new InvalidDataException(ReadingTexts.UnreadableWorkbook(path, ex.Message), ex);
        }

        if (header is null)
        {
            throw new InvalidDataException(ReadingTexts.EmptyFile(path));
        }

        return new TableFile(path, [.. header.Select(h => Convert.ToString(h, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "")], records);
    }

    /// <summary>The index of the column named <paramref name="name"/> (both trimmed; exact, else ignoring case), or -1.</summary>
    public int IndexOf(string name)
    {
        var wanted = name.Trim();
        var headers = Headers.ToList();
        var exact = headers.FindIndex(h => string.Equals(h, wanted, StringComparison.Ordinal));
        return exact >= 0 ? exact : headers.FindIndex(h => string.Equals(h, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static Func<IEnumerable<IReadOnlyList<object?>>> CsvRecords(string text) =>
        () => CsvParser.Parse(text).Select(fields => (IReadOnlyList<object?>)fields);

    private static IEnumerable<IReadOnlyList<object?>> SheetRecords(string path)
    {
        // Without a header row MiniExcel keys cells by column letter (A, B, …), so empty or
        // repeated header names cannot shift the columns.
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            yield return [.. row.Values];
        }
    }
}
