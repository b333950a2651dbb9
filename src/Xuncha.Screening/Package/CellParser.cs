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
                    var ok = ValueParsers.TryAmount(number, out var amount, out reason);
                    value = amount;
                    return ok;
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

        switch (column.Type)
        {
            case ColumnType.Text:
                value = text;
                return true;
            case ColumnType.VillageCode:
                {
                    var ok = ValueParsers.TryVillageCode(text, out var code, out reason);
                    value = code;
                    return ok;
                }

            case ColumnType.Date:
                {
                    var ok = ValueParsers.TryDate(text, out var date, out reason);
                    value = date;
                    return ok;
                }

            case ColumnType.Amount:
                {
                    var ok = ValueParsers.TryAmount(text, out var amount, out reason);
                    value = amount;
                    return ok;
                }

            case ColumnType.Integer:
                {
                    var ok = ValueParsers.TryInteger(text, out var n, out reason);
                    value = n;
                    return ok;
                }

            case ColumnType.Number:
                {
                    var ok = ValueParsers.TryNumber(text, out var x, out reason);
                    value = x;
                    return ok;
                }

            case ColumnType.Bool:
                {
                    var ok = ValueParsers.TryBool(text, out var b, out reason);
                    value = b;
                    return ok;
                }

            case ColumnType.Month:
                {
                    var ok = ValueParsers.TryMonth(text, out var m, out reason);
                    value = m;
                    return ok;
                }

            case ColumnType.DisclosurePeriod:
                {
                    var ok = ValueParsers.TryDisclosurePeriod(text, out var p, out reason);
                    value = p;
                    return ok;
                }

            case ColumnType.Chart:
                {
                    var ok = ValueParsers.TryChart(text, out var c, out reason);
                    value = c;
                    return ok;
                }

            default:
                value = text;
                return true;
        }
    }
}
