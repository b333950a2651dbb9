using System.Globalization;

namespace Xuncha.Screening.Engine;

/// <summary>
/// A screening rule: SQL over the prepared DuckDB views that returns village_code, ref and
/// amount (plus any columns its explanation needs), and the Chinese sentence for each row.
/// Several keys in ref are separated by U+001F; the engine sorts and joins them with "|".
/// </summary>
public abstract class Rule
{
    public abstract RuleCard Card { get; }

    public abstract string Sql(RuleContext ctx);

    public abstract string Explain(LeadRow row, RuleContext ctx);

    /// <summary>Rules computed outside SQL (e.g. check digits) override this instead of Sql.</summary>
    public virtual IEnumerable<LeadRow> Run(RuleContext ctx) => ctx.Query(Sql(ctx));
}

/// <summary>One result row of a rule's query, by column name.</summary>
public sealed class LeadRow(IReadOnlyDictionary<string, object?> values)
{
    public string Str(string column) => values.TryGetValue(column, out var v) && v is not null
        ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""
        : "";

    public decimal? Dec(string column) => values.TryGetValue(column, out var v) && v is not null and not DBNull
        ? Convert.ToDecimal(v, CultureInfo.InvariantCulture)
        : null;

    public double Dbl(string column) => Convert.ToDouble(values[column], CultureInfo.InvariantCulture);

    public long Int(string column) => Convert.ToInt64(values[column], CultureInfo.InvariantCulture);

    public string Date(string column) => values.TryGetValue(column, out var v) ? v switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        null => "",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    } : "";

    public string VillageCode => Str("village_code");
    public string Ref => Str("ref");
    public decimal? Amount => Dec("amount");
}

/// <summary>Money as the office writes it: 12,000.00 元.</summary>
public static class Money
{
    public static string Yuan(decimal? amount) => amount is { } a ? a.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元" : "";

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
