using System.Text;
using Xuncha.Screening.Reading;

namespace Xuncha.Screening.Tests.Fuzz;

/// <summary>A CSV file as rows of fields, read and written as RFC 4180 (for column-level mutations).</summary>
internal static class CsvText
{
    public static List<string[]> Read(string path) => CsvParser.Parse(Xuncha.Screening.Package.TextDecoding.ReadFile(path)).ToList();

    public static void Write(string path, IEnumerable<IReadOnlyList<string>> rows, Encoding? encoding = null)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), encoding ?? new UTF8Encoding(false));
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
