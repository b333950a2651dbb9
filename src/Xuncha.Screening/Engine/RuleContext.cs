using System.Globalization;
using DuckDB.NET.Data;

namespace Xuncha.Screening.Engine;

/// <summary>What a rule sees: the DuckDB connection with prepared views, the as-of date, its thresholds.</summary>
public sealed class RuleContext(DuckDBConnection db, DateOnly asOf, IReadOnlyDictionary<string, decimal> thresholds)
{
    public DateOnly AsOf { get; } = asOf;

    public string AsOfSql => Sql(AsOf);

    public DuckDBConnection Db { get; } = db;

    public decimal T(string key) => thresholds.TryGetValue(key, out var v)
        ? v
        : throw new InvalidOperationException($"threshold {key} not defined");

    /// <summary>A threshold as an SQL literal (validated numbers only ever reach SQL).</summary>
    public string TS(string key) => T(key).ToString(CultureInfo.InvariantCulture);

    public static string Sql(DateOnly d) => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    public IEnumerable<LeadRow> Query(string sql)
    {
        using var cmd = Db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<LeadRow>();
        while (reader.Read())
        {
            var values = new Dictionary<string, object?>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(new LeadRow(values));
        }

        return rows;
    }
}
