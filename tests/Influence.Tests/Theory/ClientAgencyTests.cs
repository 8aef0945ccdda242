using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

public class ClientAgencyTests
{
    [Fact]
    public void ClientAgency_IsTheMeanOfItsFourParts_ByHand()
    {
        // 2005: demands complied (salience 0.9) and defied (0.8), both confirmed and both red lines (≥ 0.8):
        //   defiance = 1 − 0.9/1.7 = 0.470588; red lines = 0.8/1.7 = 0.470588.
        // C coerces P (0.5): client force = 1 − e^−0.5 = 0.393469.
        // C receives 0.6 from P and 0.4 from X: outside options = 1 − 0.6 = 0.4.
        // agency = (0.470588 + 0.470588 + 0.393469 + 0.4) / 4 = 0.433661.
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Demand("d1", TestCases.Year(2005), "i", 0.9, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "i", 0.8, DemandResponse.Defied))
            .Add(TestCases.Coercion("k", TestCases.Year(2005), "C", "P", 0.5))
            .Add(TestCases.Support("sp", TestCases.Year(2005), "P", "C", 0.6))
            .Add(TestCases.Support("sx", TestCases.Year(2005), "X", "C", 0.4))
            .Build();
        var s = TestCases.Score(c);

        var parts = ClientAgency.Parts(s.At(0, 5));

        parts.Defiance.Should().BeApproximately(0.8 / 1.7, 1e-12);
        parts.RedLines.Should().BeApproximately(0.8 / 1.7, 1e-12);
        parts.ClientForce.Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
        parts.OutsideOptions.Should().BeApproximately(0.4, 1e-12);
        s.For(TestCases.PC, Period.FromYear(2005)).ClientAgency.Value
            .Should().BeApproximately(((2 * 0.8 / 1.7) + (1 - Math.Exp(-0.5)) + 0.4) / 4, 1e-12);
    }

    [Fact]
    public void ClientAgency_LeavesOutUndefinedParts()
    {
        // One defied demand of salience 0.5 (no red line) and nothing else: defiance 1; client force 0 (the demand
        // observes the dyad); no red-line demand and no support: those parts are undefined → (1 + 0) / 2 = 0.5.
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Demand("d", TestCases.Year(2005), "i", 0.5, DemandResponse.Defied))
            .Build();

        TestCases.Value(c, "clientAgency", 2005).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void ClientAgency_IsUndefined_WithNothingInAnyWindow()
    {
        // Evidence only in 2000: the 3-year compliance, 1-year conflict and 5-year reciprocity windows of 2010 are empty.
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2000), "P", "C", 0.5)).Build();

        TestCases.Value(c, "clientAgency", 2010).Should().BeNull();
        TestCases.Value(c, "clientAgency", 2000).Should().Be(0, "force 0 and outside options 1 − 1 = 0");
    }
}
