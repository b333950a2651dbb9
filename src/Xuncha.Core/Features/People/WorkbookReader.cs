using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace Xuncha.Core.Features.People;

/// <summary>A data row of a sheet: its number as Excel shows it and its cells by header.</summary>
internal sealed class SheetRow(int number, IReadOnlyDictionary<string, object?> cells)
{
    public int Number { get; } = number;

    public object? this[string header] => cells.GetValueOrDefault(header);

    public string Text(string header) => Cells.Text(this[header]);
}

/// <summary>
/// Reads the sheets of an uploaded workbook: the first non-empty row is the header (names trimmed,
/// without * and a trailing "（…）" note), the rows after it are data, numbered as Excel numbers them.
/// </summary>
internal sealed partial class WorkbookReader
{
    public const long MaxBytes = PeopleWorkbook.MaxUploadBytes;
    public const int MaxRows = 5000;

    private readonly MemoryStream content;

    private WorkbookReader(MemoryStream content, string fileName, IReadOnlyList<string> sheets)
    {
        this.content = content;
        FileName = fileName;
        Sheets = sheets;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Sheets { get; }

    /// <summary>Opens the upload, or returns the error that stops it (not .xlsx, too large, unreadable).</summary>
    public static async Task<(WorkbookReader? Reader, ImportError? Error)> OpenAsync(Stream stream, string fileName, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName);
        if (!name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ImportError(name, "", 0, "", PeopleTexts.ImportNotXlsx(name)));
        }

        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                return (null, new ImportError(name, "", 0, "", PeopleTexts.ImportTooLarge(name, MaxBytes >> 20)));
            }

            copy.Write(buffer, 0, read);
        }

        try
        {
            copy.Position = 0;
            var sheets = MiniExcel.GetSheetNames(copy).Select(s => s.Trim()).ToList();
            return (new WorkbookReader(copy, name, sheets), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return (null, new ImportError(name, "", 0, "", PeopleTexts.ImportUnreadable(ex.Message)));
        }
    }

    public bool Has(string sheet) => Sheets.Contains(sheet);

    /// <summary>
    /// The data rows of <paramref name="sheet"/> keyed by header, after checking that every one of
    /// <paramref name="columns"/> is there. Errors (missing columns, too many rows) go to <paramref name="errors"/>.
    /// </summary>
    public List<SheetRow> Read(string sheet, IReadOnlyCollection<string> columns, List<ImportError> errors)
    {
        var rows = new List<SheetRow>();
        var actual = Sheets.Contains(sheet) ? MiniExcel.GetSheetNames(Reset()).First(s => s.Trim() == sheet) : sheet;
        Dictionary<string, string>? headerByLetter = null;
        var number = 0;
        foreach (IDictionary<string, object?> raw in MiniExcel.Query(Reset(), useHeaderRow: false, sheetName: actual, excelType: ExcelType.XLSX))
        {
            number++;
            if (raw.Values.All(v => Cells.Text(v).Length == 0))
            {
                continue;
            }

            if (headerByLetter is null)
            {
                headerByLetter = raw.Where(kv => Header(kv.Value).Length > 0)
                    .GroupBy(kv => Header(kv.Value))
                    .ToDictionary(g => g.First().Key, g => g.Key);
                var missing = columns.Where(c => !headerByLetter.ContainsValue(c)).ToList();
                if (missing.Count > 0)
                {
                    errors.AddRange(missing.Select(c => new ImportError(FileName, sheet, number, "", PeopleTexts.ColumnMissing(c))));
                    return [];
                }

                continue;
            }

            if (rows.Count == MaxRows)
            {
                errors.Add(new ImportError(FileName, sheet, 0, "", PeopleTexts.TooManyRows(MaxRows)));
                return [];
            }

            rows.Add(new SheetRow(number, headerByLetter.ToDictionary(h => h.Value, h => raw.TryGetValue(h.Key, out var v) ? v : null)));
        }

        return rows;
    }

    private MemoryStream Reset()
    {
        content.Position = 0;
        return content;
    }

    /// <summary>"可任组长（是/否）" and "* 姓名" are read as 可任组长 and 姓名.</summary>
    private static string Header(object? value) => HeaderNote().Replace(Cells.Text(value).Replace("*", "").Replace("＊", ""), "").Trim();

    [GeneratedRegex(@"\s|[（(][^）)]*[）)]\s*$")]
    private static partial Regex HeaderNote();
}

/// <summary>Cell values as MiniExcel types them (string, double, DateTime, bool or null) turned into what a row means.</summary>
internal static partial class Cells
{
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>An ID number typed as a number has lost its last digits (Excel keeps 15); that is reported, not guessed.</summary>
    public static string? IdText(object? value, string field, IFieldErrors errors)
    {
        if (value is double d && Math.Abs(d) >= 1e15)
        {
            errors.Add(field, PeopleTexts.IdAsNumber(d.ToString("0", CultureInfo.InvariantCulture)));
            return null;
        }

        return Text(value);
    }

    /// <summary>是 / 否 (also Y/N, 1/0, true/false, √/×); null when empty.</summary>
    public static bool? YesNo(object? value, string field, IFieldErrors errors)
    {
        var text = Text(value);
        switch (text.ToLowerInvariant())
        {
            case "":
                return null;
            case "是" or "y" or "yes" or "1" or "true" or "√" or "可" or "可以" or "可用" or "启用":
                return true;
            case "否" or "n" or "no" or "0" or "false" or "×" or "不可" or "停用" or "不可用":
                return false;
            default:
                errors.Add(field, PeopleTexts.YesNo(text));
                return null;
        }
    }

    public static int? WholeNumber(object? value, string field, IFieldErrors errors)
    {
        if (value is double d && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            return (int)d;
        }

        var text = Text(value).TrimEnd('年').Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(field, PeopleTexts.YearsNotNumber(Text(value)));
        return null;
    }

    /// <summary>
    /// A date: an Excel date, a serial number, or text like 2021-03-01, 2021/3/1, 2021.3, 2021年3月
    /// (a month alone is its first day, a year alone January 1st). "至今" and empty are null.
    /// </summary>
    public static DateOnly? Date(object? value, string field, IFieldErrors errors)
    {
        switch (value)
        {
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case double d when d == Math.Floor(d) && d is >= 1900 and <= 2100:
                return new DateOnly((int)d, 1, 1);
            case double d when d == Math.Floor(d) && d is >= 19000101 and <= 21001231:
                return ParseText(((int)d).ToString(CultureInfo.InvariantCulture), field, errors);
            case double d when d is > 0 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(d));
        }

        return ParseText(Text(value), field, errors);
    }

    private static DateOnly? ParseText(string text, string field, IFieldErrors errors)
    {
        if (text.Length == 0 || text is "至今" or "今" or "现在" or "在职")
        {
            return null;
        }

        var m = DatePattern().Match(text);
        if (m.Success)
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 1;
            var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        errors.Add(field, PeopleTexts.DateFormat(text));
        return null;
    }

    /// <summary>专长 written as 纪检、审计 or 纪检，审计 (or with , ; / and spaces).</summary>
    public static List<string> List(object? value) =>
        [.. Text(value).Split(['、', '，', ',', '；', ';', '/', '／', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^(?<y>(19|20)\d{2})(\s*[-/.年]\s*(?<m>\d{1,2})(\s*[-/.月]\s*(?<d>\d{1,2})\s*日?|\s*月)?|(?<m>\d{2})(?<d>\d{2}))?$")]
    private static partial Regex DatePattern();
}
