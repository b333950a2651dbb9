using DuckDB.NET.Data;

namespace Xuncha.Screening.Engine;

/// <summary>
/// Narrows every table rules read to some villages by temporary views of the same names, which
/// DuckDB resolves before the main schema. Used to run a rule with one county's own thresholds;
/// all threshold rules judge a village (or its township) on its own data, so this is exact.
/// </summary>
internal static class CountyFilter
{
    private static readonly string[] Relations = ["e", "vouchers", "payments", "con", "dec", "sub", "pet", "disc", "links"];

    public static void Restrict(DuckDBConnection db, string condition)
    {
        // Temporary objects live in catalog "temp", schema "main": name the database to reach the real tables.
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT current_database()";
        var database = (string)cmd.ExecuteScalar()!;
        foreach (var r in Relations)
        {
            Exec(db, $"CREATE OR REPLACE TEMP VIEW {r} AS SELECT * FROM \"{database}\".main.{r} WHERE {condition}");
        }
    }

    public static void Lift(DuckDBConnection db)
    {
        foreach (var r in Relations)
        {
            Exec(db, $"DROP VIEW IF EXISTS temp.{r}");
        }
    }

    private static void Exec(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
