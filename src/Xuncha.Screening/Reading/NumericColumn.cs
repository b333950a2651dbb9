using System.Globalization;

namespace Xuncha.Screening.Reading;

/// <summary>A cell that should have held a number and did not.</summary>
public sealed record InvalidCell(int RowNumber, string Text);

/// <summary>The numbers of one column; empty cells and non-numeric cells are counted, not fatal.</summary>
public sealed record NumericColumn(IReadOnlyList<decimal> Values, int EmptyCells, IReadOnlyList<InvalidCell> InvalidCells)
{
    public static NumericColumn Read(TableFile table, int column)
    {
        var values = new List<decimal>();
        var invalid = new List<InvalidCell>();
        var empty = 0;
        foreach (var row in table.Rows)
        {
            switch (ToAmount(row[column]))
            {
                case { IsEmpty: true }:
                    empty++;
                    break;
                case { Amount: { } amount }:
                    values.Add(amount);
                    break;
                default:
                    invalid.Add(new InvalidCell(row.Number, Convert.ToString(row[column], CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }

        return new NumericColumn(values, empty, invalid);
    }

    private static (bool IsEmpty, decimal? Amount) ToAmount(object? cell) => cell switch
    {
        null => (true, null),
        string s when string.IsNullOrWhiteSpace(s) => (true, null),
        string s => (false, AmountText.TryParse(s, out var amount) ? amount : null),
        decimal d => (false, d),
        int or long => (false, Convert.ToDecimal(cell, CultureInfo.InvariantCulture)),
        // Excel stores numbers as doubles and shows 15 significant digits; decimal's conversion
        // rounds to the same 15, so 0.29 becomes 0.29 again rather than 0.28999….
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (false, (decimal)d),
        _ => (false, null),
    };
}
