using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class ConflictTests
{
    // 2005: P coerces C (severity 0.6, confirmed → 0.6); C coerces P (0.5, reported → 0.35);
    // C defies a demand of P (salience 0.8, confirmed → D = 0.8); λ = 0.5.
    private static Case Mixed() => TestCases.Builder()
        .AddIssue(new Issue("i", "Issue"))
        .Add(TestCases.Coercion("kp", TestCases.Year(2005), "P", "C", 0.6))
        .Add(TestCases.Coercion("kc", TestCases.Year(2005), "C", "P", 0.5, Confidence.Reported))
        .Add(TestCases.Demand("d", TestCases.Year(2005), "i", 0.8, DemandResponse.Defied))
        .Build();

    [Fact]
    public void Conflict_SaturatesCoercionBothWaysPlusDefiance_ByHand()
    {
        // pressure = 0.6 + 0.35 + 0.5 · 0.8 = 1.35 → conflict = 1 − e^−1.35 = 0.740760.
        TestCases.Value(Mixed(), "conflict", 2005).Should().BeApproximately(1 - Math.Exp(-1.35), 1e-12);
    }

    [Fact]
    public void ConflictByPatron_CountsOnlyThePatronsCoercion()
    {
        // 1 − e^−0.6 = 0.451188.
        TestCases.Value(Mixed(), "conflictByPatron", 2005).Should().BeApproximately(1 - Math.Exp(-0.6), 1e-12);
    }

    [Fact]
    public void ConflictByClient_CountsTheClientsCoercionAndDefiance()
    {
        // 1 − e^−(0.35 + 0.5 · 0.8) = 1 − e^−0.75 = 0.527633.
        TestCases.Value(Mixed(), "conflictByClient", 2005).Should().BeApproximately(1 - Math.Exp(-0.75), 1e-12);
    }

    [Fact]
    public void Conflict_CountsIgnoredDemands_ButNotMetOnes()
    {
        // Ignored (salience 1, confirmed): D = 1 → 1 − e^−0.5. Complied and partial add no pressure.
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Demand("d1", TestCases.Year(2005), "i", 1, DemandResponse.Ignored))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "i", 1, DemandResponse.Complied))
            .Add(TestCases.Demand("d3", TestCases.Year(2005), "i", 1, DemandResponse.Partial))
            .Build();

        TestCases.Value(c, "conflict", 2005).Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
    }

    [Fact]
    public void Conflict_IsARealZero_WhenTheDyadIsObservedWithoutCoercion()
    {
        // A support flow observes the dyad in 2006; nothing coercive happened: 0, not null.
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2006), "P", "C", 0.5)).Build();

        TestCases.Value(c, "conflict", 2006).Should().Be(0);
        TestCases.Value(c, "conflictByPatron", 2006).Should().Be(0);
        TestCases.Value(c, "conflictByClient", 2006).Should().Be(0);
    }

    [Fact]
    public void Conflict_IsUndefined_WhenTheDyadHasNoEvidenceInTheWindow()
    {
        // The 1-year window of 2006 holds nothing: null (never 0, never NaN), for all three.
        var c = Mixed();

        TestCases.Value(c, "conflict", 2006).Should().BeNull();
        TestCases.Value(c, "conflictByPatron", 2006).Should().BeNull();
        TestCases.Value(c, "conflictByClient", 2006).Should().BeNull();
    }

    [Fact]
    public void Conflict_IgnoresTheClientsDemandsOnThePatron()
    {
        // C demands of P and P defies: that is not the client's defiance; the item observes the dyad → 0.
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(new DemandEvidence("d", TestCases.Year(2005), Confidence.Confirmed, TestCases.Src, "C", "P", "i", 1, DemandResponse.Defied))
            .Build();

        TestCases.Value(c, "conflict", 2005).Should().Be(0);
    }

    [Fact]
    public void Conflict_UsesScaleDefianceWeightAndWindowFromOptions()
    {
        // k = 2, λ = 0 → pressure 0.95 → 1 − e^−0.475; a 2-year window keeps 2005 in 2006's window.
        var options = ScoringOptions.Default with
        {
            Conflict = ScoringOptions.Default.Conflict with { Scale = 2, DefianceWeight = 0, WindowYears = 2 },
        };

        TestCases.Value(Mixed(), "conflict", 2005, options).Should().BeApproximately(1 - Math.Exp(-0.475), 1e-12);
        TestCases.Value(Mixed(), "conflict", 2006, options).Should().BeApproximately(1 - Math.Exp(-0.475), 1e-12);
    }

    [Fact]
    public void Conflict_LastsTwelveMonths_AtMonthGranularity()
    {
        // A clash in March 2005 (severity 0.6): the 12-month window keeps it until February 2006.
        var c = TestCases.Builder().Add(TestCases.Coercion("k", TestCases.Month(2005, 3), "P", "C", 0.6)).Build();
        var s = TestCases.Score(c, Granularity.Month);

        s.For(TestCases.PC, Period.FromMonth(2005, 2)).Conflict.Value.Should().BeNull();
        s.For(TestCases.PC, Period.FromMonth(2005, 3)).Conflict.Value.Should().BeApproximately(1 - Math.Exp(-0.6), 1e-12);
        s.For(TestCases.PC, Period.FromMonth(2006, 2)).Conflict.Value.Should().BeApproximately(1 - Math.Exp(-0.6), 1e-12);
        s.For(TestCases.PC, Period.FromMonth(2006, 3)).Conflict.Value.Should().BeNull();
    }
}
