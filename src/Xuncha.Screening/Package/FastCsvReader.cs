namespace Xuncha.Screening.Package;

/// <summary>
/// The hot path for large CSV files: RFC 4180 records parsed from a block buffer into one
/// reusable character array, fields exposed as spans (no string per field). Records report the
/// physical line they start on; blank lines are skipped.
/// </summary>
public sealed class FastCsvReader(TextReader reader) : IDisposable
{
    private readonly char[] buffer = new char[1 << 16];
    private char[] text = new char[4096];
    private int[] starts = new int[32];
    private int[] lengths = new int[32];
    private int pos;
    private int len;
    private int line = 1;

    public int Count { get; private set; }

    public int RecordLine { get; private set; }

    public ReadOnlySpan<char> this[int i] => i < Count ? text.AsSpan(starts[i], lengths[i]) : default;

    public bool Read()
    {
        while (true)
        {
            var result = ReadRecord();
            if (result != Outcome.Blank)
            {
                return result == Outcome.Record;
            }
        }
    }

    private enum Outcome
    {
        End,
        Record,
        Blank,
    }

    private Outcome ReadRecord()
    {
        RecordLine = line;
        Count = 0;
        var used = 0;
        var fieldStart = 0;
        var quoted = false;
        var any = false;
        while (true)
        {
            if (pos == len && !Fill())
            {
                if (!any)
                {
                    return Outcome.End;
                }

                EndField(fieldStart, used);
                return IsBlank() ? Outcome.Blank : Outcome.Record;
            }

            var c = buffer[pos++];
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (pos == len)
                    {
                        Fill();
                    }

                    if (pos < len && buffer[pos] == '"')
                    {
                        pos++;
                        Append(ref used, '"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    Append(ref used, c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when used == fieldStart:
                    quoted = true;
                    break;
                case ',':
                    EndField(fieldStart, used);
                    fieldStart = used;
                    break;
                case '\r':
                    // CRLF ends at the LF; a lone CR (old Mac files) ends the record itself.
                    if (pos == len)
                    {
                        Fill();
                    }

                    if (pos < len && buffer[pos] == '\n')
                    {
                        break;
                    }

                    line++;
                    EndField(fieldStart, used);
                    return IsBlank() ? Outcome.Blank : Outcome.Record;
                case '\n':
                    line++;
                    EndField(fieldStart, used);
                    return IsBlank() ? Outcome.Blank : Outcome.Record;
                default:
                    Append(ref used, c);
                    break;
            }
        }
    }

    private bool IsBlank() => Count == 1 && lengths[0] == 0;

    private bool Fill()
    {
        len = reader.Read(buffer, 0, buffer.Length);
        pos = 0;
        return len > 0;
    }

    private void Append(ref int used, char c)
    {
        if (used == text.Length)
        {
            Array.Resize(ref text, text.Length * 2);
        }

        text[used++] = c;
    }

    private void EndField(int start, int end)
    {
        if (Count == starts.Length)
        {
            Array.Resize(ref starts, Count * 2);
            Array.Resize(ref lengths, Count * 2);
        }

        starts[Count] = start;
        lengths[Count] = end - start;
        Count++;
    }

    /// <summary>The current record's fields as strings (for small tables and headers).</summary>
    public string[] Fields()
    {
        var fields = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            fields[i] = this[i].ToString();
        }

        return fields;
    }

    public void Dispose() => reader.Dispose();
}
