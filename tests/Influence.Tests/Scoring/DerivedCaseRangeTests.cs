using FluentAssertions;
using Influence.Cases;
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
        var act = () => Sensitivity.WhatFlips(Undeclared(), PC, Period.FromYear(2001), Verdict.PatronClient);

        act.Should().NotThrow();
    }
}
