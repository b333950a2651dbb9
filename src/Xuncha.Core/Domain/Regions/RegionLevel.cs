namespace Xuncha.Core.Domain.Regions;

/// <summary>Levels of the administrative tree. Values are stored; never renumber.</summary>
public enum RegionLevel
{
    City = 0,
    County = 1,
    Township = 2,
    Village = 3,
}

public static class RegionLevelNames
{
    public static string ToChinese(this RegionLevel level) => level switch
    {
        RegionLevel.City => "市",
        RegionLevel.County => "县（市、区）",
        RegionLevel.Township => "乡镇（街道）",
        RegionLevel.Village => "村（社区）",
        _ => level.ToString(),
    };
}
