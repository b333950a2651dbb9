using Xuncha.Screening.Package;

namespace Xuncha.Screening.Synthetic;

/// <summary>What a planter may use: the villages given to it, the as-of date, and helpers that keep rows consistent.</summary>
public sealed class PlantContext(PackageBuilder builder, IReadOnlyList<SyntheticVillage> villages, DateOnly asOf, bool background)
{
    private int partySeq;

    public PackageBuilder B { get; } = builder;
    public IReadOnlyList<SyntheticVillage> Villages { get; } = villages;
    public DateOnly AsOf { get; } = asOf;
    public int Year => AsOf.Year;
    public bool WithBackground { get; } = background;

    /// <summary>Quarters whose 财务 disclosure a planter publishes itself (or withholds), keyed by village and YYYY-Qn.</summary>
    public Dictionary<(string Village, string Quarter), (string Period, DateOnly Date)?> DisclosureOverrides { get; } = new();

    public SyntheticVillage V(int i) => Villages[i];

    public Books Books(int i) => new(B, Villages[i]);

    public string Party(string prefix) => $"{prefix}{++partySeq:000}";

    public DateOnly D(int month, int day) => new(Year, month, day);

    public string Cadre(int village, string name, string position, DateOnly from, DateOnly? to)
    {
        var id = B.NewPersonId(new DateOnly(1970, 1, 1));
        B.Add(PackageSchema.Cadres, V(village).Code, name, id, position, from, to);
        return id;
    }

    public string Relative(string cadreId, string name, string relation, DateOnly? birth = null)
    {
        var id = B.NewPersonId(birth ?? new DateOnly(1995, 5, 5));
        B.Add(PackageSchema.Relatives, cadreId, name, id, relation);
        return id;
    }

    public void Decision(int village, string no, DateOnly date, decimal? amount, string subject = "集体事项") =>
        Books(village).Decision(no, date, subject, amount);

    public void Contract(int village, string no, string kind, string counterparty, string? counterpartyId, decimal? amount,
        DateOnly? signed, DateOnly? start = null, DateOnly? end = null, string? procurement = "询价",
        double? areaMu = null, decimal? annualRent = null, string? decision = null, string subject = "物资采购") =>
        B.Add(PackageSchema.Contracts, V(village).Code, no, kind, subject, counterparty, counterpartyId, amount,
            signed, start, end, procurement, areaMu, annualRent, decision);

    public void Subsidy(int village, string program, string name, string id, decimal amount, DateOnly payDate, string period) =>
        B.Add(PackageSchema.Subsidies, V(village).Code, program, name, id, amount, payDate, period);
}

/// <summary>Plants the anomalies of one rule (rows that must fire) and near misses (rows that must not).</summary>
public abstract class Planter
{
    public abstract string Rule { get; }

    /// <summary>How many villages it needs, counted from the first one it is given.</summary>
    public virtual int Villages => 1;

    public abstract void Plant(PlantContext c, int first);
}
