using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Setup;

namespace Xuncha.Core.Tests.Features;

/// <summary>What people type into the pool's forms and workbooks: region names and codes, dates, yes/no.</summary>
public sealed class PeopleParsingTests
{
    private static readonly RegionDirectory Directory = new(ReferenceData.ReadRegions().Select(r => new RegionEntry(r.Code, r.Name, r.Level, r.ParentCode)));

    [Theory]
    [InlineData("330782100014", "330782100014")]
    [InlineData("330782000000", "330782")]
    [InlineData("义乌市", "330782")]
    [InlineData("义乌", "330782")]
    [InlineData("金华市", "3307")]
    [InlineData("佛堂镇/大成社区", "330782100014")]
    [InlineData("义乌市／佛堂／大成社区居委会", "330782100014")]
    [InlineData("义乌市/佛堂镇/大成社区居委会（330782100014）", "330782100014")]
    [InlineData("佛堂镇", "330782100")]
    public void Resolve_FindsCodesAndNames(string text, string code)
    {
        var (region, error) = Directory.Resolve(text, _ => true);
        Assert.Null(error);
        Assert.Equal(code, region!.Code);
    }

    [Fact]
    public void Resolve_AmbiguousName_ListsTheCandidates_UnlessNearOnePicks()
    {
        var (none, error) = Directory.Resolve("城西街道", _ => true);
        Assert.Null(none);
        Assert.Contains("对应多个地区", error);
        Assert.Contains("义乌市 / 城西街道", error);
        var (near, _) = Directory.Resolve("城西街道", _ => true, near: "330782");
        Assert.Equal("330782006", near!.Code);
    }

    [Fact]
    public void Resolve_UnknownOrWrongLevel_SaysSo()
    {
        Assert.Equal("找不到区划「火星村」", Directory.Resolve("火星村", _ => true).Error);
        Assert.Equal("找不到区划「330799」", Directory.Resolve("330799", _ => true).Error);
        Assert.Equal("找不到区划「佛堂镇」", Directory.Resolve("佛堂镇", l => l == RegionLevel.Village).Error);
    }

    [Theory]
    [InlineData("2021-03-01", "2021-03-01")]
    [InlineData("2021/3/1", "2021-03-01")]
    [InlineData("2021.3", "2021-03-01")]
    [InlineData("2021年3月", "2021-03-01")]
    [InlineData("2021年3月15日", "2021-03-15")]
    [InlineData("20210315", "2021-03-15")]
    [InlineData("2021", "2021-01-01")]
    public void Date_ReadsTheUsualWritings(string text, string expected)
    {
        var errors = new Sink();
        Assert.Equal(DateOnly.Parse(expected), Cells.Date(text, "from", errors));
        Assert.Empty(errors.Reasons);
    }

    [Fact]
    public void Date_FromExcelCells_AndBadText()
    {
        var errors = new Sink();
        Assert.Equal(new DateOnly(2021, 3, 1), Cells.Date(new DateTime(2021, 3, 1), "from", errors));
        Assert.Equal(new DateOnly(2021, 3, 1), Cells.Date(44256d, "from", errors));
        Assert.Equal(new DateOnly(2019, 1, 1), Cells.Date(2019d, "from", errors));
        Assert.Null(Cells.Date("至今", "to", errors));
        Assert.Empty(errors.Reasons);
        Assert.Null(Cells.Date("2021-02-30", "from", errors));
        Assert.Equal("不是日期：2021-02-30（例如 2021-03-01）", Assert.Single(errors.Reasons));
    }

    [Fact]
    public void Cells_YesNo_Numbers_AndIdNumbersStoredAsNumbers()
    {
        var errors = new Sink();
        Assert.True(Cells.YesNo("是", "canLead", errors));
        Assert.False(Cells.YesNo("否", "canLead", errors));
        Assert.Null(Cells.YesNo("", "canLead", errors));
        Assert.Equal(8, Cells.WholeNumber("8年", "townshipYears", errors));
        Assert.Equal(8, Cells.WholeNumber(8d, "townshipYears", errors));
        Assert.Equal("13900000000", Cells.Text(13900000000d));
        Assert.Equal(["纪检", "审计", "财政"], Cells.List("纪检、审计，财政"));
        Assert.Empty(errors.Reasons);
        Assert.Null(Cells.IdText(330782198001011234d, "idNumber", errors));
        Assert.StartsWith("被 Excel 存成了数字（330782198001011000），后几位已丢失", Assert.Single(errors.Reasons));
    }

    private sealed class Sink : IFieldErrors
    {
        public List<string> Reasons { get; } = [];

        public void Add(string field, string reason) => Reasons.Add(reason);

        public bool Has(string field) => false;
    }
}
