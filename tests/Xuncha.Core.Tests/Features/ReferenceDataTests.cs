using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.Setup;

namespace Xuncha.Core.Tests.Features;

public sealed class ReferenceDataTests
{
    private static readonly IReadOnlyList<Region> Regions = ReferenceData.ReadRegions();

    [Fact]
    public void ReadRegions_HasJinhuasWholeTree()
    {
        Assert.Single(Regions, r => r.Level == RegionLevel.City);
        Assert.Equal(9, Regions.Count(r => r.Level == RegionLevel.County));
        Assert.Equal(146, Regions.Count(r => r.Level == RegionLevel.Township));
        Assert.Equal(3300, Regions.Count(r => r.Level == RegionLevel.Village));
        Assert.Equal(42, Regions.Count(r => r.Level == RegionLevel.Township && r.Kind == "街道"));
        Assert.Equal(74, Regions.Count(r => r.Level == RegionLevel.Township && r.Kind == "镇"));
        Assert.Equal(30, Regions.Count(r => r.Level == RegionLevel.Township && r.Kind == "乡"));
    }

    [Fact]
    public void ReadRegions_CodesAreUniqueAndNestUnderTheirParents()
    {
        var byCode = Regions.ToDictionary(r => r.Code);
        Assert.Equal(Regions.Count, byCode.Count);
        foreach (var r in Regions.Where(r => r.Level != RegionLevel.City))
        {
            Assert.True(byCode.ContainsKey(r.ParentCode!), $"{r.Code} {r.Name}: parent {r.ParentCode} missing");
            Assert.StartsWith(r.ParentCode!, r.Code);
            Assert.Equal(r.Level - 1, byCode[r.ParentCode!].Level);
            Assert.Equal(r.Level, RegionCode.LevelOf(r.Code));
        }
    }

    [Fact]
    public void ReadRegions_KnowsWellKnownPlaces()
    {
        Assert.Equal("义乌市", Regions.Single(r => r.Code == "330782").Name);
        Assert.Equal("佛堂镇", Regions.Single(r => r.Code == "330782100").Name);
        var village = Regions.Single(r => r.Code == "330702103259");
        Assert.Equal("清潭村村委会", village.Name);
        Assert.Equal("村", village.Kind);
    }
}
