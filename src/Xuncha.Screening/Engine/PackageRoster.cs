using DuckDB.NET.Data;

namespace Xuncha.Screening.Engine;

/// <summary>
/// What the rest of Xuncha keeps from a package besides leads: the cadres and their relatives
/// (for 回避 when teams are built), the petitions (for risk targeting; the reporter is protected
/// data that the caller must encrypt before keeping it and never log) and per-village counts that choose checklist items.
/// </summary>
public sealed record PackageRoster(
    IReadOnlyList<RosterCadre> Cadres,
    IReadOnlyList<RosterRelative> Relatives,
    IReadOnlyList<RosterPetition> Petitions,
    IReadOnlyList<RosterVillageStats> Stats)
{
    public static PackageRoster Read(DuckDBConnection db, IReadOnlySet<string> tables)
    {
        var cadres = tables.Contains("cadres")
            ? Rows(db, "SELECT village_code, name, id_number, position, term_start, term_end FROM cadres ORDER BY village_code, _line",
                r => new RosterCadre(r.GetString(0), Text(r, 1), r.GetString(2), Text(r, 3), Date(r, 4), Date(r, 5)))
            : [];

        // A relative matters only through a cadre of a village in this package.
        var relatives = tables.Contains("relatives") && tables.Contains("cadres")
            ? Rows(db, """
                SELECT DISTINCT c.village_code, r.id_number, r.relative_name, r.relative_id, r.relation
                FROM relatives r JOIN cadres c ON c.id_number = r.id_number
                ORDER BY 1, 2, 4
                """, r => new RosterRelative(r.GetString(0), r.GetString(1), Text(r, 2), r.GetString(3), Text(r, 4)))
            : [];

        var petitions = tables.Contains("petitions")
            ? Rows(db, "SELECT village_code, petition_no, received_date, category, summary, status, reporter_name, reporter_phone FROM petitions ORDER BY village_code, _line",
                r => new RosterPetition(r.GetString(0), r.GetString(1), Date(r, 2)!.Value, Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7)))
            : [];

        var contracts = tables.Contains("contracts") ? "(SELECT count(*) FROM contracts c WHERE c.village_code = v.village_code)" : "0";
        var works = tables.Contains("contracts") ? "(SELECT coalesce(sum(amount), 0) FROM contracts c WHERE c.village_code = v.village_code AND c.kind LIKE '%工程%')" : "0";
        var recipients = tables.Contains("subsidies") ? "(SELECT count(DISTINCT recipient_id) FROM subsidies s WHERE s.village_code = v.village_code)" : "0";
        var stats = Rows(db, $"SELECT v.village_code, {contracts}, {works}, {recipients} FROM villages v ORDER BY 1",
            r => new RosterVillageStats(r.GetString(0), Convert.ToInt32(r.GetValue(1)), Convert.ToDecimal(r.GetValue(2)), Convert.ToInt32(r.GetValue(3))));
        return new PackageRoster(cadres, relatives, petitions, stats);
    }

    private static List<T> Rows<T>(DuckDBConnection db, string sql, Func<DuckDBDataReader, T> map)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(map(r));
        }

        return list;
    }

    private static string? Text(DuckDBDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(DuckDBDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        var other => DateOnly.Parse(other.ToString()!, System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed record RosterCadre(string VillageCode, string? Name, string IdNumber, string? Position, DateOnly? TermStart, DateOnly? TermEnd);

public sealed record RosterRelative(string VillageCode, string CadreIdNumber, string? RelativeName, string RelativeIdNumber, string? Relation);

/// <summary>A petition row. ReporterName/ReporterPhone are protected: encrypt before storing; the record's ToString hides them.</summary>
public sealed record RosterPetition(string VillageCode, string PetitionNo, DateOnly ReceivedDate, string? Category, string? Summary, string? Status,
    string? ReporterName = null, string? ReporterPhone = null)
{
    // A record prints every property; keep the reporter out of any log line or debugger dump.
    private bool PrintMembers(System.Text.StringBuilder b)
    {
        b.Append($"VillageCode = {VillageCode}, PetitionNo = {PetitionNo}, ReceivedDate = {ReceivedDate}, Category = {Category}, Status = {Status}");
        return true;
    }
}

/// <summary>Counts that choose conditional checklist items: contracts, works contract amount, distinct subsidy recipients.</summary>
public sealed record RosterVillageStats(string VillageCode, int Contracts, decimal WorksAmount, int SubsidyRecipients);
