using Xuncha.Core.Domain.People;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Teams;

namespace Xuncha.Core.Tests.Features.Teams;

public sealed class AvoidanceTests
{
    private const string Village = "330782100014";
    private const string Township = "330782100";
    private const string OtherVillage = "330782101001";
    private static readonly DateOnly RoundStart = new(2026, 9, 1);

    private static readonly Dictionary<string, string> Names = new()
    {
        [Village] = "郑山头村",
        [Township] = "佛堂镇",
        ["330782"] = "义乌市",
        [OtherVillage] = "倍磊村",
    };

    private static Avoidance Make(IEnumerable<VillageCadre>? cadres = null, IEnumerable<CadreRelative>? relatives = null) =>
        new(cadres ?? [], relatives ?? [], Names, RoundStart, workYears: 5);

    private static AvoidancePerson Person(string? id = "330782198001010011", string? home = null, PersonWork[]? works = null, PersonRelative[]? relatives = null) =>
        new(Guid.NewGuid(), "王测试", id, home, works ?? [], relatives ?? []);

    private static PersonWork Work(string code, DateOnly from, DateOnly? to) => new() { RegionCode = code, From = from, To = to };

    [Fact]
    public void Reasons_HomeVillage_TiesOnlyThatVillage()
    {
        var p = Person(home: Village);
        Assert.Equal(["户籍（出生）在本村"], Make().Reasons(p, Village));
        Assert.Empty(Make().Reasons(p, OtherVillage));
    }

    [Fact]
    public void Reasons_TownshipWorkWithinYears_TiesItsVillages_CountyWorkAndOldWorkDoNot()
    {
        var now = Person(works: [Work(Township, new DateOnly(2021, 3, 1), null)]);
        var county = Person(works: [Work("330782", new DateOnly(2022, 1, 1), null)]);
        var old = Person(works: [Work(Township, new DateOnly(2010, 1, 1), new DateOnly(2021, 8, 31))]);
        var recent = Person(works: [Work(Township, new DateOnly(2010, 1, 1), new DateOnly(2021, 9, 1))]);

        Assert.Equal(["2021-03-01 至今在佛堂镇工作"], Make().Reasons(now, Village));
        Assert.Empty(Make().Reasons(now, OtherVillage));
        Assert.Empty(Make().Reasons(county, Village));
        Assert.Empty(Make().Reasons(old, Village));
        Assert.Equal(["2010-01-01 至 2021-09-01 在佛堂镇工作"], Make().Reasons(recent, Village));
    }

    [Fact]
    public void Reasons_PoolRelativeIsCadre_NamesRelationAndPosition()
    {
        var p = Person(relatives: [new PersonRelative { Name = "王某", Relation = "配偶", VillageCode = Village, Position = "书记" }]);
        Assert.Equal(["其配偶 王某 任本村书记"], Make().Reasons(p, Village));
    }

    [Fact]
    public void Reasons_PackageRelativesTable_TiesThePersonByIdNumber()
    {
        var cadre = new VillageCadre { VillageCode = Village, Name = "郑大山", IdNumber = "330782197001010022", Position = "主任" };
        var link = new CadreRelative { VillageCode = Village, CadreIdNumber = cadre.IdNumber, RelativeName = "王测试", RelativeIdNumber = "330782198001010011", Relation = "儿子" };
        var avoidance = Make([cadre], [link]);

        Assert.Equal(["系本村主任郑大山的儿子（数据包亲属表）"], avoidance.Reasons(Person(), Village));
        Assert.Empty(avoidance.Reasons(Person(id: "330782199001010033"), Village));
        Assert.Empty(avoidance.Reasons(Person(), OtherVillage));
    }

    [Fact]
    public void Reasons_PersonOrHisRelativeInPackageCadres_Ties()
    {
        var cadre = new VillageCadre { VillageCode = Village, Name = "郑大山", IdNumber = "33078219700101002X", Position = "委员" };
        var avoidance = Make([cadre]);

        Assert.Equal(["本人任本村委员"], avoidance.Reasons(Person(id: "33078219700101002x"), Village));
        var withRelative = Person(relatives: [new PersonRelative { Name = "郑大山", Relation = "父亲", IdNumber = cadre.IdNumber, VillageCode = OtherVillage }]);
        Assert.Equal(["其父亲 郑大山 任本村委员"], avoidance.Reasons(withRelative, Village));
    }

    [Fact]
    public void Ties_ListsEveryTiedPair_WithNames()
    {
        var p = Person(home: Village);
        var tie = Assert.Single(Make().Ties([p], [new AvoidanceVillage(Village, "郑山头村"), new AvoidanceVillage(OtherVillage, "倍磊村")]));
        Assert.Equal(("王测试", "郑山头村", "户籍（出生）在本村"), (tie.PersonName, tie.VillageName, tie.Reason));
    }
}
