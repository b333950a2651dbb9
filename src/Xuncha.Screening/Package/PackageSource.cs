using MiniExcelLibs;

namespace Xuncha.Screening.Package;

/// <summary>One table of a package as rows of raw cells, each row with the line a user would look at.</summary>
public interface ITableSource
{
    string DisplayName { get; }
    TableSpec Table { get; }
    IReadOnlyList<string> Headers { get; }
    IEnumerable<(int Line, IReadOnlyList<object?> Cells)> Rows();

    /// <summary>The fast reader for CSV sources (positioned after the header), null for spreadsheets.</summary>
    FastCsvReader? OpenFast();

    /// <summary>Read this source as GB18030 from now on (its UTF-8 turned out invalid past the sampled start).</summary>
    void UseGb18030();

    /// <summary>
    /// For a CSV whose start is UTF-8 with Chinese in it (invalid bytes later are damage, not another
    /// encoding): the line of the first invalid byte. Null for any other source.
    /// </summary>
    int? InvalidUtf8Line();
}

/// <summary>Finds the tables of a package: a folder of CSV files or one .xlsx with a sheet per table.</summary>
public static class PackageSource
{
    public static (List<ITableSource> Tables, List<PackageError> Errors) Open(string path)
    {
        var tables = new List<ITableSource>();
        var errors = new List<PackageError>();
        var display = Path.GetFileName(path.TrimEnd('/', '\\'));
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
            {
                if (!file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var table = PackageSchema.FindTable(Path.GetFileNameWithoutExtension(file));
                if (table is not null)
                {
                    tables.Add(new CsvTable(file, table));
                }
            }
        }
        else if (File.Exists(path) && path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            if (XlsxGuard.Check(path) is { } refused)
            {
                errors.Add(new PackageError(display, 0, "", refused));
                return (tables, errors);
            }

            try
            {
                foreach (var sheet in MiniExcel.GetSheetNames(path))
                {
                    var table = PackageSchema.FindTable(sheet);
                    if (table is not null)
                    {
                        tables.Add(new XlsxTable(path, sheet, table));
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
            {
                errors.Add(new PackageError(display, 0, "", $"无法读取 Excel 文件：{ex.Message}"));
            }
        }
        else
        {
            errors.Add(new PackageError(display, 0, "", "找不到数据包：应为一个包含 CSV 文件的文件夹或一个 .xlsx 文件"));
            return (tables, errors);
        }

        foreach (var dup in tables.GroupBy(t => t.Table.Name).Where(g => g.Count() > 1))
        {
            errors.Add(new PackageError(string.Join("、", dup.Select(t => t.DisplayName)), 0, "",
                $"同一张表「{dup.Key}（{dup.First().Table.Chinese}）」出现了多次，请只保留一个"));
        }

        if (!tables.Any(t => t.Table == PackageSchema.Villages))
        {
            errors.Add(new PackageError(display, 0, "", "缺少必需的村社表 villages（villages.csv 或名为 villages 的工作表）"));
        }

        return (tables, errors);
    }

    private sealed class CsvTable : ITableSource
    {
        private readonly string path;
        private List<string>? headers;
        private System.Text.Encoding? encoding;

        public CsvTable(string path, TableSpec table)
        {
            this.path = path;
            Table = table;
            DisplayName = Path.GetFileName(path);
        }

        public string DisplayName { get; }
        public TableSpec Table { get; }
        public IReadOnlyList<string> Headers => headers ??= ReadHeaders();

        public IEnumerable<(int Line, IReadOnlyList<object?> Cells)> Rows()
        {
            using var csv = OpenFast();
            while (csv.Read())
            {
                yield return (csv.RecordLine, csv.Fields());
            }
        }

        /// <summary>Positioned after the header row.</summary>
        public FastCsvReader OpenFast()
        {
            var reader = Open();
            reader.Read();
            return reader;
        }

        private List<string> ReadHeaders()
        {
            using var csv = Open();
            return csv.Read() ? [.. csv.Fields()] : [];
        }

        private FastCsvReader Open() =>
            new(new StreamReader(path, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));

        private System.Text.Encoding Encoding => encoding ??= TextDecoding.Detect(path);

        public int? InvalidUtf8Line() => ReferenceEquals(Encoding, TextDecoding.EvidentUtf8) ? TextDecoding.LineOfInvalidUtf8(path) : null;

        public void UseGb18030()
        {
            encoding = TextDecoding.Gb18030;
            headers = null;
        }
    }

    private sealed class XlsxTable(string path, string sheet, TableSpec table) : ITableSource
    {
        private List<string>? headers;

        public string DisplayName { get; } = $"{Path.GetFileName(path)}［{sheet}］";
        public TableSpec Table { get; } = table;
        public IReadOnlyList<string> Headers => headers ??= Read().FirstOrDefault().Cells?.Select(c => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList() ?? [];

        public IEnumerable<(int Line, IReadOnlyList<object?> Cells)> Rows() => Read().Skip(1);

        public FastCsvReader? OpenFast() => null;

        public int? InvalidUtf8Line() => null;

        public void UseGb18030()
        {
        }

        private IEnumerable<(int Line, IReadOnlyList<object?> Cells)> Read()
        {
            var line = 0;
            using var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).GetEnumerator();
            while (true)
            {
                IDictionary<string, object?> row;
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }

                    row = (IDictionary<string, object?>)rows.Current;
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                {
                    // The spreadsheet library meets damaged XML or zip data: whatever it throws, the user gets where and why.
                    throw new UnreadableTableException(DisplayName, line + 1, $"工作表从这一行起已损坏，无法继续读取（{ex.Message}）", ex);
                }

                line++;
                var cells = row.Values.ToList();
                if (cells.All(c => c is null || (c is string s && s.Length == 0)))
                {
                    continue;
                }

                yield return (line, cells);
            }
        }
    }
}
