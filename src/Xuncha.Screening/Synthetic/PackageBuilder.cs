using System.Globalization;
using System.Text;
using Xuncha.Screening.Package;

namespace Xuncha.Screening.Synthetic;

public sealed record SyntheticVillage(string Code, string Name, string Township, string County, string Chart, bool DeclareChart);

/// <summary>An expected lead: what a correct screening run must report for a planted anomaly.</summary>
public sealed record ExpectedLead(string Rule, string Village, string Ref, decimal? Amount);

/// <summary>Writes the rows of a package straight to its CSV files (so packages of millions of rows fit in memory).</summary>
public sealed class PackageBuilder : IDisposable
{
    private readonly Dictionary<string, StreamWriter> writers = new();
    private readonly Dictionary<string, long> counts = new();
    private readonly Dictionary<string, int> voucherSeq = new();
    private long personSeq;

    public PackageBuilder(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var table in PackageSchema.Tables)
        {
            var w = new StreamWriter(Path.Combine(folder, table.Name + ".csv"), false, new UTF8Encoding(false), 1 << 16);
            w.Write(string.Join(',', table.Columns.Select(c => c.Key)));
            w.Write('\n');
            writers[table.Name] = w;
            counts[table.Name] = 0;
        }
    }

    public List<ExpectedLead> Expected { get; } = [];

    /// <summary>Each village's first entry date, for the quarters it must publish.</summary>
    public Dictionary<string, DateOnly> FirstEntry { get; } = new();

    public long Count(string table) => counts[table];

    public void Add(TableSpec table, params object?[] values)
    {
        if (values.Length != table.Columns.Count)
        {
            throw new ArgumentException($"{table.Name}: {values.Length} values for {table.Columns.Count} columns");
        }

        if (table == PackageSchema.Entries && values[2] is DateOnly d && values[0] is string village
            && (!FirstEntry.TryGetValue(village, out var first) || d < first))
        {
            FirstEntry[village] = d;
        }

        var w = writers[table.Name];
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                w.Write(',');
            }

            w.Write(Quote(Format(values[i])));
        }

        w.Write('\n');
        counts[table.Name]++;
    }

    public void Expect(string rule, string village, string reference, decimal? amount = null) =>
        Expected.Add(new ExpectedLead(rule, village, reference, amount));

    public string NextVoucherNo(string village, int year)
    {
        var key = village + year;
        var n = voucherSeq.GetValueOrDefault(key) + 1;
        voucherSeq[key] = n;
        return $"{year}-记-{n:0000}";
    }

    /// <summary>
    /// A valid resident ID (GB 11643-1999) no one else in the package has: the address code and
    /// sequence number carry a running count, so any birth date may be used.
    /// </summary>
    public string NewPersonId(DateOnly birth)
    {
        var seq = ++personSeq;
        var first17 = $"33{seq / 1000 % 10000:0000}{birth:yyyyMMdd}{seq % 1000:000}";
        return first17 + Checks.ResidentId.ComputeCheckDigit(first17);
    }

    public void Dispose()
    {
        foreach (var w in writers.Values)
        {
            w.Dispose();
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Quote(string? v) =>
        v is null ? "" : v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
}

internal static class Ids
{
    public static string WithCheck(string first17) => first17 + Checks.ResidentId.ComputeCheckDigit(first17);

    /// <summary>A fresh valid ID whose check character is X.</summary>
    public static string WithCheckX(PackageBuilder b)
    {
        while (true)
        {
            var id = b.NewPersonId(new DateOnly(1960, 1, 1));
            if (id[17] == 'X')
            {
                return id;
            }
        }
    }
}
