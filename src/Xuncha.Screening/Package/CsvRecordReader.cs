using System.Text;

namespace Xuncha.Screening.Package;

/// <summary>
/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Each record reports
/// the physical line it starts on, which is what users see in their editor.
/// </summary>
public sealed class CsvRecordReader(TextReader reader) : IDisposable
{
    private readonly StringBuilder field = new();
    private int line = 1;

    public int RecordLine { get; private set; }

    /// <summary>The next record's fields, or null at the end. A line that is entirely empty is skipped.</summary>
    public List<string>? Read()
    {
        while (true)
        {
            RecordLine = line;
            var fields = new List<string>();
            field.Clear();
            var quoted = false;
            var sawAny = false;
            while (true)
            {
                var c = reader.Read();
                if (c == -1)
                {
                    if (!sawAny && fields.Count == 0)
                    {
                        return null;
                    }

                    fields.Add(field.ToString());
                    return fields;
                }

                sawAny = true;
                var ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            line++;
                        }

                        field.Append(ch);
                    }

                    continue;
                }

                switch (ch)
                {
                    case '"' when field.Length == 0:
                        quoted = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r':
                        break;
                    case '\n':
                        line++;
                        fields.Add(field.ToString());
                        if (fields.Count == 1 && fields[0].Length == 0)
                        {
                            goto nextRecord;
                        }

                        return fields;
                    default:
                        field.Append(ch);
                        break;
                }
            }

        nextRecord:;
        }
    }

    public void Dispose() => reader.Dispose();
}
