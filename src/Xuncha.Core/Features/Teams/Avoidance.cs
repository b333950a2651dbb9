using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Regions;

namespace Xuncha.Core.Features.Teams;

/// <summary>A person of the pool as 回避 needs him: who he is, where he comes from, where he worked, whom he is related to.</summary>
public sealed record AvoidancePerson(
    Guid Id,
    string Name,
    string? IdNumber,
    string? HomeVillageCode,
    IReadOnlyList<PersonWork> Works,
    IReadOnlyList<PersonRelative> Relatives);

/// <summary>A village that may be inspected.</summary>
public sealed record AvoidanceVillage(string Code, string Name);

/// <summary>A tie between a person and a village, with every reason in Chinese.</summary>
public sealed record Tie(Guid PersonId, string PersonName, string VillageCode, string VillageName, IReadOnlyList<string> Reasons)
{
    public string Reason => string.Join("；", Reasons);
}

/// <summary>
/// 回避: nobody inspects a village he is tied to — born or registered there, worked in the village
/// or its township within the last N years before the round starts (county-level work is too far
/// to count), himself a cadre there, or a close relative is a cadre there (from the pool's own
/// records and from the cadres and relatives tables of the loaded data packages).
/// </summary>
public sealed class Avoidance
{
    private readonly ILookup<string, VillageCadre> cadresByVillage;
    private readonly ILookup<string, CadreRelative> relativesByRelativeId;
    private readonly IReadOnlyDictionary<string, string> regionNames;
    private readonly DateOnly asOf;
    private readonly DateOnly since;

    public Avoidance(
        IEnumerable<VillageCadre> cadres,
        IEnumerable<CadreRelative> cadreRelatives,
        IReadOnlyDictionary<string, string> regionNames,
        DateOnly asOf,
        int workYears)
    {
        cadresByVillage = cadres.ToLookup(c => c.VillageCode);
        relativesByRelativeId = cadreRelatives.ToLookup(r => Id(r.RelativeIdNumber) ?? "");
        this.regionNames = regionNames;
        this.asOf = asOf;
        since = asOf.AddYears(-workYears);
    }

    public IReadOnlyList<Tie> Ties(IEnumerable<AvoidancePerson> people, IReadOnlyCollection<AvoidanceVillage> villages)
    {
        var ties = new List<Tie>();
        foreach (var p in people)
        {
            foreach (var v in villages)
            {
                var reasons = Reasons(p, v.Code);
                if (reasons.Count > 0)
                {
                    ties.Add(new Tie(p.Id, p.Name, v.Code, v.Name, reasons));
                }
            }
        }

        return ties;
    }

    public IReadOnlyList<string> Reasons(AvoidancePerson p, string village)
    {
        var reasons = new List<string>();
        if (RegionCode.Normalize(p.HomeVillageCode) == village)
        {
            reasons.Add("户籍（出生）在本村");
        }

        foreach (var w in p.Works.OrderBy(w => w.From))
        {
            var code = RegionCode.Normalize(w.RegionCode);
            var there = code == village || (code?.Length == 9 && RegionCode.IsWithin(village, code));
            if (there && w.From <= asOf && (w.To ?? asOf) >= since)
            {
                var place = regionNames.GetValueOrDefault(code!) ?? (w.Unit.Length > 0 ? w.Unit : code);
                reasons.Add(w.To is { } to ? $"{w.From:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 在{place}工作" : $"{w.From:yyyy-MM-dd} 至今在{place}工作");
            }
        }

        var cadres = cadresByVillage[village].ToList();
        var myId = Id(p.IdNumber);
        if (myId is not null && cadres.FirstOrDefault(c => Id(c.IdNumber) == myId) is { } self)
        {
            reasons.Add($"本人任本村{PositionOf(self.Position)}");
        }

        foreach (var r in p.Relatives)
        {
            var cadre = Id(r.IdNumber) is { } rid ? cadres.FirstOrDefault(c => Id(c.IdNumber) == rid) : null;
            if (RegionCode.Normalize(r.VillageCode) == village || cadre is not null)
            {
                var position = r.Position.Length > 0 ? r.Position : cadre?.Position ?? "";
                reasons.Add($"其{RelationOf(r.Relation)} {r.Name} 任本村{PositionOf(position)}");
            }
        }

        if (myId is not null)
        {
            foreach (var link in relativesByRelativeId[myId].Where(l => l.VillageCode == village))
            {
                var cadre = cadres.FirstOrDefault(c => Id(c.IdNumber) == Id(link.CadreIdNumber));
                var who = cadre is null ? "村干部" : $"{PositionOf(cadre.Position)}{cadre.Name}";
                var reason = $"系本村{who}的{RelationOf(link.Relation)}（数据包亲属表）";
                if (!reasons.Any(x => cadre is not null && x.Contains(cadre.Name, StringComparison.Ordinal)))
                {
                    reasons.Add(reason);
                }
            }
        }

        return reasons;
    }

    private static string? Id(string? idNumber) => string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim().ToUpperInvariant();

    private static string PositionOf(string position) => position.Length > 0 ? position : "村干部";

    private static string RelationOf(string relation) => relation.Length > 0 ? relation : "近亲属";
}
