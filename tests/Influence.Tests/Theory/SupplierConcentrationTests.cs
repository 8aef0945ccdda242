using FluentAssertions;
using Influence.Theory;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Theory;

public class SupplierConcentrationTests
{
    [Fact]
    public void SupplierConcentration_IsTheHerfindahlOfShares_ByHand()
    {
        var c = Builder().Support("P", "C", 0.6).Support("X", "C", 0.3).Support("Y", "C", 0.05).Support("T", "C", 0.05).Build();

        SupplierConcentration.Instance.Evaluate(At(Index(c), "P", "C", 2005)).Should().BeApproximately(0.36 + 0.09 + 0.0025 + 0.0025, 1e-12);
    }

    [Fact]
    public void SupplierConcentration_IsOne_WithASingleSupporter()
    {
        var c = Builder().Support("P", "C", 0.6).Build();

        SupplierConcentration.Instance.Evaluate(At(Index(c), "P", "C", 2005)).Should().Be(1);
    }

    [Fact]
    public void SupplierConcentration_CountsTheClientsSiblingFactionsAsSupporters_AtFactionLevel()
    {
        // The Haqqani-like faction H receives from P and from its sibling K: two supporters of 0.5 each.
        var c = Builder().Support("P", "H", 0.4).Support("K", "H", 0.4).Build();

        SupplierConcentration.Instance.Evaluate(At(Index(c), "P", "H", 2005)).Should().BeApproximately(0.5, 1e-12);
        SupplierConcentration.Instance.Evaluate(At(Index(c), "P", "C", 2005)).Should().Be(1, "at movement level K → H is internal");
    }

    [Fact]
    public void SupplierConcentration_IsUndefined_WithoutSupportToTheClient()
    {
        var c = Builder().Support("C", "P", 0.6).Build();

        SupplierConcentration.Instance.Evaluate(At(Index(c), "P", "C", 2005)).Should().BeNull();
    }
}
