using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// A case that declares no range covers the years of its evidence. The analyses that score a copy with fewer (or
/// resampled) items score it over the original's periods, so the copy must cover what the original covers.
/// </summary>
public class DerivedCaseRangeTests
{
    private static readonly Dyad PC = new("P", "C");

    /// <summary>P supports C in 2000 and 2001; only X's item is dated 2002; no declared range.</summary>
    private static Case Undeclared()
    {
        var b = NetworkCases.Builder()
            .Support("P", "C", 0.5, year: 2000).Support("P", "C", 0.5, year: 2001)
            .Support("X", "C", 0.5, year: 2002);
        b.From = null;
        b.To = null;
        b.EvidenceEnds = null;
        return b.Build();
    }

    [Fact]
    public void ACopyWithoutTheEdgeYearsItems_KeepsTheOriginalsRange()
    {
        var c = Undeclared();
        var reduced = c.WhereEvidence(row => c.Evidence[row].Id.StartsWith("s-P-", StringComparison.Ordinal));

        reduced.Evidence.Count.Should().Be(2);
        Scorer.ResolveRange(reduced).Should().Be(Scorer.ResolveRange(c)).And.Be((Period.FromYear(2000), Period.FromYear(2002)));
        c.From.Should().BeNull("the original still declares nothing");
        reduced.From.Should().BeNull("the copy declares nothing either: it covers the original's years without saying so");
        Scorer.Score(c.WhereEvidence(_ => true)).InputHash.Should().Be(Scorer.Score(c).InputHash, "a copy with every item is the same input");
    }

    [Fact]
    public void Counterfactual_WithoutTheOnlyThirdPartyOfTheLastYear_Scores()
    {
        var r = Counterfactual.WithoutThirdParty(Undeclared(), PC, "X");

        r.Periods.Select(p => p.Period).Should().Equal(Period.FromYear(2000), Period.FromYear(2001), Period.FromYear(2002));
        r.Periods[2].PatronShare.With.Should().BeApproximately(1.0 / 1.5, 1e-12, "P's 2000–2001 support is in the window beside X's");
        r.Periods[2].PatronShare.Without.Should().Be(1, "without X, P is C's only supplier");
    }

    [Fact]
    public void BootstrapDraws_ThatLeaveOutTheEdgeYears_StillScore()
    {
        var act = () => Intervals.Compute(Undeclared(), intervals: new IntervalOptions { Draws = 200, Seed = 1, Kind = IntervalKind.Bootstrap });

        act.Should().NotThrow("a draw without the 2002 item covers 2000–2002 like the case it was drawn from");
    }

    [Fact]
    public void WhatFlips_ScoresTheCaseWithoutItems_OverTheOriginalsPeriods()
    {
        // P supports C from 2000 and C supports P back; capabilities are known; the only item of 2002 is P's coercion
        // of C. The search for what flips 2002's state scores the case without that item, a copy whose evidence
        // ends in 2001: it must still cover 2002.
        var b = NetworkCases.Builder()
            .Support("P", "C", 0.8, year: 2000).Support("P", "C", 0.8, year: 2001)
            .Support("C", "P", 0.5, year: 2000).Support("C", "P", 0.5, year: 2001)
            .Coerce("P", "C", 0.9, year: 2002);
        b.AddCapability("kp", EvidenceDate.InYear(2000), Confidence.Confirmed, "s1", "P", 10);
        b.AddCapability("kc", EvidenceDate.InYear(2000), Confidence.Confirmed, "s1", "C", 1);
        b.From = null;
        b.To = null;
        b.EvidenceEnds = null;
        var c = b.Build();
        Scorer.Score(c).For(PC)[^1].State.State.Should().NotBeNull("the test needs a state to flip in 2002");

        var flip = Sensitivity.WhatFlips(c, PC, Period.FromYear(2002), Verdict.State);

        // The search scores the case without each candidate, the coercion of 2002 among them, before it settles.
        flip.EvidenceToRemove.Should().NotBeEmpty();
        flip.VerdictWithoutEvidence.Should().NotBe(flip.Current);
    }
}
