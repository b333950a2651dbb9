namespace Xuncha.Screening.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void TestVectors_AreCopiedNextToTheTests()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "TestData", "testvectors-resident-id.csv")));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "TestData", "testvectors-uscc.csv")));
    }
}
