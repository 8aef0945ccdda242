using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class PresenceInfluenceGapTests
{
    private static CaseBuilder Present() => TestCases.Builder()
        .AddIssue(new Issue("i", "Issue"))
        .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
        .Add(TestCases.Presence("a", TestCases.Year(2005), "P", "C", 0.5))
        .Add(TestCases.Presence("b", TestCases.Year(2005), "P", "C", 0.5, Confidence.Reported));

    [Fact]
    public void Gap_IsPresenceMinusTheMeanOfAttainmentAndCompliance_ByHand()
    {
        // presence = 1 − e^−0.85 = 0.572585; attainment 0.8, compliance ½ (one partial) → influence 0.65;
        // gap = 0.572585 − 0.65 = −0.077415.
        var c = Present()
            .Add(TestCases.Attained("att", TestCases.Year(2005), "o1", 0.8))
            .Add(TestCases.Demand("d", TestCases.Year(2005), "i", 1, DemandResponse.Partial))
            .Build();

        TestCases.Value(c, "presenceInfluenceGap", 2005).Should().BeApproximately(1 - Math.Exp(-0.85) - 0.65, 1e-12);
    }

    [Fact]
    public void Gap_UsesWhicheverPartOfInfluenceIsDefined()
    {
        // Compliance alone: 0.572585 − 1 (complied).
        var c = Present().Add(TestCases.Demand("d", TestCases.Year(2005), "i", 1, DemandResponse.Complied)).Build();

        TestCases.Value(c, "presenceInfluenceGap", 2005).Should().BeApproximately(1 - Math.Exp(-0.85) - 1, 1e-12);
    }

    [Fact]
    public void Gap_IsUndefined_WithoutInfluence()
    {
        TestCases.Value(Present().Build(), "presenceInfluenceGap", 2005).Should().BeNull();
    }

    [Fact]
    public void Gap_IsUndefined_WithoutPresence()
    {
        // Attainment is observed in 2006 but nothing observes the dyad in 2006: presence and the gap are null.
        var c = Present().Add(TestCases.Attained("att", TestCases.Year(2006), "o1", 0.8)).Build();

        TestCases.Value(c, "presenceInfluenceGap", 2006).Should().BeNull();
        TestCases.Value(c, "attainment", 2006).Should().Be(0.8);
    }
}
