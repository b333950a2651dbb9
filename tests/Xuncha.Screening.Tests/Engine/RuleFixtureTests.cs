using Xuncha.Screening.Engine;
using Xuncha.Screening.Synthetic;

namespace Xuncha.Screening.Tests.Engine;

/// <summary>
/// One fixture per rule: its planter writes rows that must fire and near misses at each
/// threshold's edge that must not. The run must report exactly the planted leads, from this
/// rule and from no other.
/// </summary>
public sealed class RuleFixtureTests
{
    public static readonly TheoryData<string> Rules = new(PackageGenerator.Planters.Select(p => p.Rule));

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_FindsPlantedRows_AndIgnoresNearMisses(string rule)
    {
        using var package = GeneratedPackages.Generate(8, background: false, rule);
        Assert.NotEmpty(package.Expected);
        var run = ScreeningEngine.Run(package.Folder, new ScreeningOptions(GeneratedPackages.AsOf));
        Assert.Equal(GeneratedPackages.Keys(package.Expected), GeneratedPackages.Keys(run.Leads));
        Assert.All(run.Leads, l => Assert.False(string.IsNullOrWhiteSpace(l.Explanation)));
    }

    [Fact]
    public void EveryRuleOfThePack_HasAPlanter()
    {
        Assert.Equal(RulePack.Rules.Select(r => r.Card.Code).Order(), PackageGenerator.Planters.Select(p => p.Rule).Order());
    }
}
