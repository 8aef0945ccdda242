using FluentAssertions;
using Influence.Networks;
using Influence.Theory;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Theory;

public class ReverseLeverageTests
{
    private static readonly Influence.Cases.Case Case = Builder()
        .Support("C", "T", 0.5)
        .Coerce("T", "P", 0.8)
        .Support("C", "Y", 0.4, year: 2007)
        .Coerce("X", "P", 0.4, year: 2009)
        .Build();

    [Fact]
    public void ReverseLeverage_SaturatesTheWeakerLegOfEachPath_ByHand()
    {
        ReverseLeverage.Instance.Evaluate(At(Index(Case), "P", "C", 2005)).Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
    }

    [Fact]
    public void Paths_NameTheThirdParty_AndBothLegs()
    {
        var c = Case;

        ReverseLeverage.Paths(At(Index(c), "P", "C", 2005)).Should().Equal(new ReverseLeveragePath(c.A("C"), c.A("T"), c.A("P"), 0.5, 0.8));
    }

    [Fact]
    public void ReverseLeverage_IsZero_WhenALegIsObservedButNoPathCloses()
    {
        ReverseLeverage.Instance.Evaluate(At(Index(Case), "P", "C", 2007)).Should().Be(0, "C supports Y, who does not coerce P");
        ReverseLeverage.Instance.Evaluate(At(Index(Case), "P", "C", 2009)).Should().Be(0, "X coerces P but C does not support X");
    }

    [Fact]
    public void ReverseLeverage_IsUndefined_WhenNeitherLegIsObserved()
    {
        ReverseLeverage.Instance.Evaluate(At(Index(Case), "P", "C", 2003)).Should().BeNull();
    }

    [Fact]
    public void ReverseLeverage_RunsThroughAFactionsSupport_RolledUpToItsMovement()
    {
        var c = Builder().Support("H", "T", 0.5).Coerce("T", "P", 0.8).Build();

        ReverseLeverage.Instance.Evaluate(At(Index(c), "P", "C", 2005)).Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
        ReverseLeverage.Instance.Evaluate(At(Index(c), "P", "H", 2005)).Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
        ReverseLeverage.Instance.Evaluate(At(Index(c), "P", "K", 2005)).Should().Be(0, "K does not support T, but T coerces P");
    }

    [Fact]
    public void Trace_ListsBothLegsOfEachPath()
    {
        var uses = new List<EvidenceUse>();

        ReverseLeverage.Instance.Trace(At(Index(Case), "P", "C", 2005), uses);

        uses.Select(u => u.Term).Should().Equal("client's support to T", "T's coercion of the patron");
    }
}
