using System.Text;

namespace Xuncha.Screening.Reading;

/// <summary>
/// Comma-separated records as RFC 4180 and Excel write them: fields in double quotes may hold
/// commas, line breaks and doubled quotes; lines end in CRLF, LF or CR. Blank lines are skipped.
/// Lenient where Excel is: text after a closing quote is kept, an unclosed quote runs to the end.
/// </summary>
public static class CsvParser
{
    public static IEnumerable<string[]> Parse(string text) => Parse(new StringReader(text));

    public static IEnumerable<string[]> Parse(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        var inRecord = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (inRecord)
                {
                    yield return EndRecord(fields, field);
                }

                atFieldStart = true;
                inRecord = false;
                continue;
            }

            inRecord = true;
            if (ch == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else
            {
                field.Append(ch);
                atFieldStart = false;
            }
        }

        if (inRecord)
        {
            yield return EndRecord(fields, field);
        }
    }

    private static string[] EndRecord(List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        string[] record = [.. fields];
        fields.Clear();
        field.Clear();
        return record;
    }
}
