using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class CounterReactionTests
{
    // Demands on issue i (salience 1, confirmed): complied 2001 and 2002, defied 2003; overreach in 2004; then
    // defied 2004 and 2005. Baseline (the 10 years before 2004, clipped to 2000–2003): compliance 2/3, defiance 1/3.
    private static CaseBuilder Base() => TestCases.Builder()
        .AddIssue(new Issue("i", "Issue"))
        .Add(TestCases.Demand("d1", TestCases.Year(2001), "i", 1, DemandResponse.Complied))
        .Add(TestCases.Demand("d2", TestCases.Year(2002), "i", 1, DemandResponse.Complied))
        .Add(TestCases.Demand("d3", TestCases.Year(2003), "i", 1, DemandResponse.Defied))
        .Add(TestCases.Overreach("o", TestCases.Year(2004)));

    private static Case Backlash() => Base()
        .Add(TestCases.Demand("d4", TestCases.Year(2004), "i", 1, DemandResponse.Defied))
        .Add(TestCases.Demand("d5", TestCases.Year(2005), "i", 1, DemandResponse.Defied))
        .Build();

    [Fact]
    public void CounterReaction_IsDefianceAfterMinusBaselineDefiance_ByHand()
    {
        // 2005: overreach in the 2-year lag window (2004); defiance over 2004–2005 = 1; baseline 1/3 → 2/3.
        // 2004: after = 2004 alone, defiance 1 → 2/3 as well.
        TestCases.Value(Backlash(), "counterReaction", 2005).Should().BeApproximately(2.0 / 3, 1e-12);
        TestCases.Value(Backlash(), "counterReaction", 2004).Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void CounterReaction_IsNegative_WhenTheClientCompliesMoreAfterTheOverreach()
    {
        // After: complied 2004 → defiance 0; 0 − 1/3 = −1/3.
        var c = Base().Add(TestCases.Demand("d4", TestCases.Year(2004), "i", 1, DemandResponse.Complied)).Build();

        TestCases.Value(c, "counterReaction", 2005).Should().BeApproximately(-1.0 / 3, 1e-12);
    }

    [Fact]
    public void CounterReaction_IsUndefined_OutsideTheLagWindow()
    {
        // 2003: no overreach yet; 2006: the lag window 2005–2006 holds none.
        TestCases.Value(Backlash(), "counterReaction", 2003).Should().BeNull();
        TestCases.Value(Backlash(), "counterReaction", 2006).Should().BeNull();
    }

    [Fact]
    public void CounterReaction_IsUndefined_WithoutDemandsAfterOrBefore()
    {
        var noneAfter = Base().Build();
        var noneBefore = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Overreach("o", TestCases.Year(2004)))
            .Add(TestCases.Demand("d4", TestCases.Year(2004), "i", 1, DemandResponse.Defied))
            .Build();

        TestCases.Value(noneAfter, "counterReaction", 2005).Should().BeNull();
        TestCases.Value(noneBefore, "counterReaction", 2005).Should().BeNull();
    }

    [Fact]
    public void CounterReaction_MeasuresFromTheEarliestOverreachInTheLagWindow()
    {
        // A second overreach in 2005 does not move the start: after still covers 2004–2005.
        // With a complied demand in 2005: after = 1 of 2 met → defiance ½ → ½ − 1/3 = 1/6.
        var c = Base()
            .Add(TestCases.Overreach("o2", TestCases.Year(2005)))
            .Add(TestCases.Demand("d4", TestCases.Year(2004), "i", 1, DemandResponse.Defied))
            .Add(TestCases.Demand("d5", TestCases.Year(2005), "i", 1, DemandResponse.Complied))
            .Build();

        TestCases.Value(c, "counterReaction", 2005).Should().BeApproximately(0.5 - (1.0 / 3), 1e-12);
    }

    [Fact]
    public void CounterReaction_UsesLagAndBaselineFromOptions()
    {
        // Lag 1 year: 2005's window (2005) holds no overreach. Baseline 1 year (2003 only: defiance 1): 1 − 1 = 0.
        var shortLag = ScoringOptions.Default with { CounterReaction = ScoringOptions.Default.CounterReaction with { LagYears = 1 } };
        var shortBaseline = ScoringOptions.Default with { CounterReaction = ScoringOptions.Default.CounterReaction with { BaselineYears = 1 } };

        TestCases.Value(Backlash(), "counterReaction", 2005, shortLag).Should().BeNull();
        TestCases.Value(Backlash(), "counterReaction", 2005, shortBaseline).Should().Be(0);
    }
}
