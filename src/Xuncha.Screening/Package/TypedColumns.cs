using System.Globalization;

namespace Xuncha.Screening.Package;

/// <summary>A block of parsed rows held column by column in typed arrays (no boxing), ready for the chunk appender.</summary>
internal sealed class ColumnBatch
{
    public const int Size = 8192;

    public ColumnBatch(TableSpec table)
    {
        Columns = table.Columns.Select(c => TypedColumns.Allocate(c.Type)).ToArray();
        Lines = new int[Size];
    }

    public Array[] Columns { get; }
    public int[] Lines { get; }
    public int Rows { get; set; }
}

internal static class TypedColumns
{
    public static Array Allocate(ColumnType type) => type switch
    {
        ColumnType.Date => new DateOnly?[ColumnBatch.Size],
        ColumnType.Amount => new decimal?[ColumnBatch.Size],
        ColumnType.Integer => new int?[ColumnBatch.Size],
        ColumnType.Number => new double?[ColumnBatch.Size],
        ColumnType.Bool => new bool?[ColumnBatch.Size],
        _ => new string?[ColumnBatch.Size],
    };

    /// <summary>Parses one cell into row <paramref name="row"/> of <paramref name="target"/>; fast paths for the common forms.</summary>
    public static bool TryParse(ColumnSpec column, ReadOnlySpan<char> raw, Array target, int row, ref string? last, out string? reason)
    {
        reason = null;
        var span = raw.Trim();
        if (span.Length == 0)
        {
            SetNull(target, row);
            if (column.Required)
            {
                reason = "必填，不能为空";
                return false;
            }

            return true;
        }

        switch (column.Type)
        {
            case ColumnType.Text:
                ((string?[])target)[row] = Text(span, ref last);
                return true;
            case ColumnType.VillageCode when span.Length == 12 && !span.ContainsAnyExceptInRange('0', '9'):
                ((string?[])target)[row] = Text(span, ref last);
                return true;
            case ColumnType.Date when span.Length == 10 && span[4] == '-' && span[7] == '-'
                && int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                && int.TryParse(span.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && int.TryParse(span.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                && y >= 1900 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m):
                ((DateOnly?[])target)[row] = new DateOnly(y, m, d);
                return true;
            case ColumnType.Amount when decimal.TryParse(span, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
                && amount.Scale <= 2:
                ((decimal?[])target)[row] = amount;
                return true;
            case ColumnType.Integer when int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                ((int?[])target)[row] = n;
                return true;
        }

        // Everything else goes through the general parsers, which know every accepted form and the messages.
        if (!CellParser.TryParse(column, span.ToString(), out var value, out reason))
        {
            return false;
        }

        target.SetValue(value, row);
        return true;
    }

    private static void SetNull(Array target, int row)
    {
        switch (target)
        {
            case string?[] a:
                a[row] = null;
                break;
            case DateOnly?[] a:
                a[row] = null;
                break;
            case decimal?[] a:
                a[row] = null;
                break;
            case int?[] a:
                a[row] = null;
                break;
            default:
                target.SetValue(null, row);
                break;
        }
    }

    /// <summary>Consecutive rows repeat village codes, voucher numbers and account names: reuse the last string.</summary>
    private static string Text(ReadOnlySpan<char> span, ref string? last)
    {
        if (last is not null && span.SequenceEqual(last))
        {
            return last;
        }

        return last = span.ToString();
    }
}
