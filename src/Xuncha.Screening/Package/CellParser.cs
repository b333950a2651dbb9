using System.Globalization;

namespace Xuncha.Screening.Package;

/// <summary>Turns a raw cell (CSV text or an Excel value) into the column's typed value.</summary>
internal static class CellParser
{
    public static bool TryParse(ColumnSpec column, object? cell, out object? value, out string? reason)
    {
        value = null;
        reason = null;
        if (cell is DateTime dt && column.Type == ColumnType.Date)
        {
            value = DateOnly.FromDateTime(dt);
            return true;
        }

        if (cell is double number)
        {
            switch (column.Type)
            {
                case ColumnType.Amount:
                    var cents = ValueParsers.TryAmount(number, out var rounded, out reason);
                    value = rounded;
                    return cents;
                case ColumnType.Number:
                    value = number;
                    return true;
            }

            cell = ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }

        var text = cell switch
        {
            null => "",
            string s => s,
            DateTime d when column.Type == ColumnType.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
        };
        text = text.Trim();
        if (text.Length == 0)
        {
            if (column.Required)
            {
                reason = "必填，不能为空";
                return false;
            }

            return true;
        }

        (var ok, value, reason) = column.Type switch
        {
            ColumnType.VillageCode => (ValueParsers.TryVillageCode(text, out var code, out var r), code, r),
            ColumnType.Date => (ValueParsers.TryDate(text, out var date, out var r), date, r),
            ColumnType.Amount => (ValueParsers.TryAmount(text, out var amount, out var r), amount, r),
            ColumnType.Integer => (ValueParsers.TryInteger(text, out var n, out var r), n, r),
            ColumnType.Number => (ValueParsers.TryNumber(text, out var x, out var r), x, r),
            ColumnType.Bool => (ValueParsers.TryBool(text, out var b, out var r), b, r),
            ColumnType.Month => (ValueParsers.TryMonth(text, out var m, out var r), m, r),
            ColumnType.DisclosurePeriod => (ValueParsers.TryDisclosurePeriod(text, out var p, out var r), p, r),
            ColumnType.Chart => (ValueParsers.TryChart(text, out var c, out var r), c, r),
            _ => (true, (object?)text, (string?)null),
        };
        return ok;
    }
}
