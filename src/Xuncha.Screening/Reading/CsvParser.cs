using Xuncha.Screening.Package;

namespace Xuncha.Screening.Reading;

/// <summary>
/// Comma-separated records as RFC 4180 and Excel write them, through the package reader's
/// <see cref="FastCsvReader"/>: quoted fields may hold commas, line breaks and doubled quotes;
/// lines end in CRLF, LF or CR; blank lines are skipped; text after a closing quote is kept and
/// an unclosed quote runs to the end.
/// </summary>
public static class CsvParser
{
    public static IEnumerable<string[]> Parse(string text) => Parse(new StringReader(text));

    public static IEnumerable<string[]> Parse(TextReader reader)
    {
        using var csv = new FastCsvReader(reader);
        while (csv.Read())
        {
            yield return csv.Fields();
        }
    }
}
