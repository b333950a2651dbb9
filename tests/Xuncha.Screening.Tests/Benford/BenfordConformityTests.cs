using Xuncha.Screening.Benford;

namespace Xuncha.Screening.Tests.Benford;

public sealed class BenfordConformityTests
{
    [Theory]
    [InlineData(0.0, BenfordConformity.Close)]
    [InlineData(0.006, BenfordConformity.Close)]
    [InlineData(0.00601, BenfordConformity.Acceptable)]
    [InlineData(0.012, BenfordConformity.Acceptable)]
    [InlineData(0.015, BenfordConformity.Marginal)]
    [InlineData(0.01501, BenfordConformity.Nonconformity)]
    public void FirstDigit_Thresholds(double mad, BenfordConformity expected)
    {
        Assert.Equal(expected, BenfordConformityLevels.Classify(mad, BenfordDigits.First));
    }

    [Theory]
    [InlineData(0.0012, BenfordConformity.Close)]
    [InlineData(0.00121, BenfordConformity.Acceptable)]
    [InlineData(0.0018, BenfordConformity.Acceptable)]
    [InlineData(0.0022, BenfordConformity.Marginal)]
    [InlineData(0.00221, BenfordConformity.Nonconformity)]
    public void FirstTwoDigits_Thresholds(double mad, BenfordConformity expected)
    {
        Assert.Equal(expected, BenfordConformityLevels.Classify(mad, BenfordDigits.FirstTwo));
    }

    [Theory]
    [InlineData(BenfordConformity.Close, "close conformity", "高度符合")]
    [InlineData(BenfordConformity.Acceptable, "acceptable conformity", "可接受")]
    [InlineData(BenfordConformity.Marginal, "marginally acceptable conformity", "勉强可接受")]
    [InlineData(BenfordConformity.Nonconformity, "nonconformity", "不符合")]
    public void Labels_AreTheJsonContractAndTheChineseDisplay(BenfordConformity conformity, string english, string chinese)
    {
        Assert.Equal(english, conformity.English());
        Assert.Equal(chinese, conformity.Chinese());
    }
}
