using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Indexing;

public class EvidenceIndexTests
{
    private static EvidenceIndex Index(Case c, Period first, Period last) =>
        EvidenceIndex.Build(c, new PeriodGrid(first, last), ScoringOptions.Default);

    private static (EvidenceIndex Index, int Pair) One(EvidenceDate date, Period first, Period last)
    {
        var c = TestCases.Builder().Add(TestCases.Support("s", date, "P", "C", 1)).Build();
        var index = Index(c, first, last);
        return (index, index.PairOf(c.ActorIndexOf("P"), c.ActorIndexOf("C")));
    }

    [Fact]
    public void APointKnownToTheYear_CountsOnceInItsYear()
    {
        var (index, pair) = One(TestCases.Year(2001), Period.FromYear(2000), Period.FromYear(2002));

        index.At(PairSum.Support, pair, 0).Should().Be(0);
        index.At(PairSum.Support, pair, 1).Should().Be(1);
        index.At(PairSum.Support, pair, 2).Should().Be(0);
    }

    [Fact]
    public void APointKnownToTheYear_SpreadsOverQuartersByDays()
    {
        // 2001 has 365 days: Q1 90, Q2 91, Q3 92, Q4 92 → shares 90/365, 91/365, 92/365, 92/365 (sum 1).
        var (index, pair) = One(TestCases.Year(2001), Period.FromQuarter(2001, 1), Period.FromQuarter(2001, 4));

        index.At(PairSum.Support, pair, 0).Should().BeApproximately(90 / 365.0, 1e-15);
        index.At(PairSum.Support, pair, 1).Should().BeApproximately(91 / 365.0, 1e-15);
        index.At(PairSum.Support, pair, 2).Should().BeApproximately(92 / 365.0, 1e-15);
        index.At(PairSum.Support, pair, 3).Should().BeApproximately(92 / 365.0, 1e-15);
        index.Sum(PairSum.Support, pair, 0, 3).Should().BeApproximately(1, 1e-12);
        index.Count(PairCount.Support, pair, 0, 3).Should().Be(4, "the item touches each quarter once");
    }

    [Fact]
    public void APointKnownToTheYear_SpreadsOverMonthsByDays_InALeapYear()
    {
        // 2000 has 366 days: February's share is 29/366, January's 31/366.
        var (index, pair) = One(TestCases.Year(2000), Period.FromMonth(2000, 1), Period.FromMonth(2000, 12));

        index.At(PairSum.Support, pair, 0).Should().BeApproximately(31 / 366.0, 1e-15);
        index.At(PairSum.Support, pair, 1).Should().BeApproximately(29 / 366.0, 1e-15);
        index.Sum(PairSum.Support, pair, 0, 11).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void APointKnownToTheMonth_CountsWhollyInItsQuarter()
    {
        var (index, pair) = One(TestCases.Month(2001, 5), Period.FromQuarter(2001, 1), Period.FromQuarter(2001, 4));

        index.At(PairSum.Support, pair, 0).Should().Be(0);
        index.At(PairSum.Support, pair, 1).Should().Be(1);
    }

    [Fact]
    public void ASpan_IsAYearlyRate_SpreadOverThePeriodsOfEachYear()
    {
        // 2001–2002 at magnitude 1 is 1 a year: 1 in each year; in each quarter its days over the year's (90/365 for
        // 2001Q1, 92/365 for 2001Q3), so each year's quarters add up to 1 again.
        var (years, py) = One(TestCases.Years(2001, 2002), Period.FromYear(2000), Period.FromYear(2003));
        var (quarters, pq) = One(TestCases.Years(2001, 2002), Period.FromQuarter(2001, 1), Period.FromQuarter(2002, 4));

        Enumerable.Range(0, 4).Select(t => years.At(PairSum.Support, py, t)).Should().Equal(0, 1, 1, 0);
        Enumerable.Range(0, 4).Select(t => quarters.At(PairSum.Support, pq, t)).Should().Equal(90 / 365.0, 91 / 365.0, 92 / 365.0, 92 / 365.0);
        Enumerable.Range(0, 4).Sum(t => quarters.At(PairSum.Support, pq, t)).Should().BeApproximately(1, 1e-15);
    }

    [Fact]
    public void ASpan_CountsTheDaysItCovers_OverTheDaysOfTheYear()
    {
        // July 2001 – June 2002 by year: 2001 holds 184 of 365 days, 2002 holds 181 of 365.
        // 15 February – 31 March 2001 by month: February 14 days, March 31 days, each over 2001's 365.
        // In a leap year the divisor is 366: all of February 2004 is 29/366.
        var (years, py) = One(EvidenceDate.Span(TestCases.Month(2001, 7), TestCases.Month(2002, 6)), Period.FromYear(2001), Period.FromYear(2002));
        var (months, pm) = One(EvidenceDate.Span(EvidenceDate.OnDay(new DateOnly(2001, 2, 15)), TestCases.Month(2001, 3)), Period.FromMonth(2001, 1), Period.FromMonth(2001, 4));
        var (leap, pl) = One(EvidenceDate.Span(TestCases.Month(2004, 2), TestCases.Month(2004, 2)), Period.FromMonth(2004, 1), Period.FromMonth(2004, 3));

        years.At(PairSum.Support, py, 0).Should().BeApproximately(184 / 365.0, 1e-15);
        years.At(PairSum.Support, py, 1).Should().BeApproximately(181 / 365.0, 1e-15);
        Enumerable.Range(0, 4).Select(t => months.At(PairSum.Support, pm, t)).Should().Equal(0, 14 / 365.0, 31 / 365.0, 0);
        leap.At(PairSum.Support, pl, 1).Should().Be(29 / 366.0);
    }

    [Fact]
    public void ASeriesOfPointsAndSpans_SumsToTheSameOverAYear_AtEveryGranularity()
    {
        // A point (an event, 2015) and a span (a flow through 2015): a yearly, a quarterly and a monthly series of the
        // same evidence hold the same total for 2015, so ratios of windowed sums (exchange, the account balance) agree.
        var b = TestCases.Builder()
            .Add(TestCases.Support("event", TestCases.Year(2015), "P", "C", 0.5))
            .Add(TestCases.Support("flow", TestCases.Years(2015, 2015), "C", "P", 0.5));
        b.EvidenceEnds = null;
        var c = b.Build();
        foreach (var (first, last) in new[] { (Period.FromYear(2015), Period.FromYear(2015)), (Period.FromQuarter(2015, 1), Period.FromQuarter(2015, 4)), (Period.FromMonth(2015, 1), Period.FromMonth(2015, 12)) })
        {
            var index = Index(c, first, last);
            foreach (var (from, to) in new[] { (0, 1), (1, 0) })
            {
                var pair = index.PairOf(from, to);
                Enumerable.Range(0, index.Periods).Sum(t => index.At(PairSum.Support, pair, t)).Should().BeApproximately(0.5, 1e-15, $"{from}→{to} at {first.Granularity}");
            }
        }
    }

    [Fact]
    public void Weights_AreConfidenceTimesMagnitude()
    {
        // 0.5 reported → 0.35; 0.5 alleged → 0.2; both in 2001: 0.55.
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2001), "P", "C", 0.5, Confidence.Reported))
            .Add(TestCases.Support("b", TestCases.Year(2001), "P", "C", 0.5, Confidence.Alleged))
            .Build();
        var index = Index(c, Period.FromYear(2001), Period.FromYear(2001));

        index.At(PairSum.Support, index.PairOf(0, 1), 0).Should().BeApproximately(0.55, 1e-15);
        index.Weight(c.Evidence.IndexOf("a")).Should().BeApproximately(0.35, 1e-15);
    }

    [Fact]
    public void EvidenceOutsideTheGrid_IsIgnored()
    {
        var (index, pair) = One(TestCases.Year(1999), Period.FromYear(2000), Period.FromYear(2001));

        index.Sum(PairSum.Support, pair, 0, 1).Should().Be(0);
        index.Count(PairCount.Activity, pair, 0, 1).Should().Be(0);
    }

    [Fact]
    public void AFactionsEvidence_CountsForItsMovement()
    {
        // F is a faction of movement M. P supports F (0.5): the pairs P→F and P→M both hold it; F's return flow to
        // P (0.3) counts as M → P as well, so exchange P → M sees flows both ways.
        var c = TestCases.Builder()
            .AddActor(new Actor("M", "Movement", ActorKind.Movement))
            .AddActor(new Actor("F", "Faction", ActorKind.Faction) { Parent = "M" })
            .AddDyad("P", "M")
            .Add(TestCases.Support("give", TestCases.Year(2005), "P", "F", 0.5))
            .Add(TestCases.Support("back", TestCases.Year(2005), "F", "P", 0.3))
            .Build();
        var index = Index(c, Period.FromYear(2005), Period.FromYear(2005));
        int A(string id) => c.ActorIndexOf(id);

        index.At(PairSum.Support, index.PairOf(A("P"), A("F")), 0).Should().Be(0.5);
        index.At(PairSum.Support, index.PairOf(A("P"), A("M")), 0).Should().Be(0.5);
        index.At(PairSum.Support, index.PairOf(A("M"), A("P")), 0).Should().Be(0.3);
        TestCases.Value(c, "exchange", Period.FromYear(2005), dyad: new Dyad("P", "M"))
            .Should().BeApproximately((1 - Math.Exp(-0.8)) * 2 * 0.3 / 0.8, 1e-12);
    }

    [Fact]
    public void EvidenceInsideAMovement_FormsNoPairWithTheMovement()
    {
        // F and G are factions of M. F → M is internal (no pair at all); F → G is a pair of factions, but at the
        // movement's level it is internal: no M → G, F → M or M → M pair.
        var c = TestCases.Builder()
            .AddActor(new Actor("M", "Movement", ActorKind.Movement))
            .AddActor(new Actor("F", "Faction F", ActorKind.Faction) { Parent = "M" })
            .AddActor(new Actor("G", "Faction G", ActorKind.Faction) { Parent = "M" })
            .Add(TestCases.Support("up", TestCases.Year(2005), "F", "M", 0.5))
            .Add(TestCases.Coercion("feud", TestCases.Year(2005), "F", "G", 0.5))
            .Build();
        var index = Index(c, Period.FromYear(2005), Period.FromYear(2005));
        int A(string id) => c.ActorIndexOf(id);

        index.PairOf(A("F"), A("M")).Should().Be(-1);
        index.PairOf(A("M"), A("M")).Should().Be(-1);
        index.PairOf(A("M"), A("G")).Should().Be(-1);
        index.PairOf(A("F"), A("G")).Should().BeGreaterThanOrEqualTo(0);
        index.PairCountTotal.Should().Be(1);
        index.SupportReceived(A("M"), 0, 0).Should().Be(0, "a faction's support to its own movement is internal");
    }

    [Fact]
    public void Ancestors_ListTheActorThenItsParents_NearestFirst()
    {
        var c = TestCases.Builder()
            .AddActor(new Actor("M", "Movement", ActorKind.Movement))
            .AddActor(new Actor("F", "Faction", ActorKind.Faction) { Parent = "M" })
            .AddActor(new Actor("S", "Sub-faction", ActorKind.Faction) { Parent = "F" })
            .Build();
        var index = Index(c, Period.FromYear(2005), Period.FromYear(2005));

        index.AncestorsOrSelf(c.ActorIndexOf("S")).Should().Equal(c.ActorIndexOf("S"), c.ActorIndexOf("F"), c.ActorIndexOf("M"));
    }

    [Fact]
    public void APairsSumsAndCounts_AreStoredOverItsActiveSpan_AndReadZeroOutsideIt()
    {
        // Support in 2003 and a coercive act spanning 2005–2006 on a 2000–2009 grid: the pair's blocks hold 2003–2006
        // only (positions 3–6), and every read outside them is 0, whatever the window.
        var c = TestCases.Builder()
            .Add(TestCases.Support("s", TestCases.Year(2003), "P", "C", 0.5))
            .Add(TestCases.Coercion("k", TestCases.Years(2005, 2006), "P", "C", 0.8))
            .Build();
        var index = Index(c, Period.FromYear(2000), Period.FromYear(2009));
        var pair = index.PairOf(0, 1);

        var support = index.SumSeries(PairSum.Support, pair);
        support.Start.Should().Be(3);
        support.Values.Length.Should().Be(4, "the span runs from the first period any item touches to the last");
        var read = new double[14];
        for (var t = -2; t < 12; t++)
        {
            read[t + 2] = support[t];
        }

        read.Should().Equal(0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0);
        Enumerable.Range(0, 10).Select(t => index.At(PairSum.Coercion, pair, t)).Should().Equal(0, 0, 0, 0, 0, 0.8, 0.8, 0, 0, 0);
        index.Sum(PairSum.Coercion, pair, -5, 20).Should().Be(1.6);
        index.Sum(PairSum.Coercion, pair, 6, 9).Should().Be(0.8);
        index.Sum(PairSum.Support, pair, 0, 2).Should().Be(0);
        index.Count(PairCount.Coercion, pair, 0, 9).Should().Be(2, "one item counted in each of its two periods");
        index.Count(PairCount.Coercion, pair, 6, 9).Should().Be(1);
        index.Count(PairCount.Activity, pair, 0, 4).Should().Be(1);
        index.Count(PairCount.Activity, pair, 7, 9).Should().Be(0);
        index.CountPrefix(PairCount.Support, pair).In(-3, 2).Should().Be(0);
        index.CountPrefix(PairCount.Support, pair).In(3, 30).Should().Be(1);
        index.FirstSupportPeriod(pair).Should().Be(3, "a position in the grid, not in the span");
        index.HasSupport(pair, 0, 2).Should().BeFalse();
        index.HasSupport(pair, 2, 3).Should().BeTrue();
        index.CumulativeSupport(pair, 9).Should().Be(0.5);
        index.CumulativeSupport(pair, 2).Should().Be(0, "before the span");
        index.CumulativeSupport(pair, -1).Should().Be(0);
        index.CumulativeSupport(-1, 9).Should().Be(0);
        index.HasSupport(pair, 5, 3).Should().BeFalse("a reversed window is empty");
        index.HasSupport(pair, -10, 30).Should().BeTrue("windows are clipped to the grid");
        index.HasSupport(-1, 0, 9).Should().BeFalse();

        var dest = new double[10];
        Windows.Sums(index.SumSeries(PairSum.Coercion, pair), 2, 0, dest);
        dest.Should().Equal(0, 0, 0, 0, 0, 0.8, 1.6, 0.8, 0, 0);
    }

    [Fact]
    public void CumulativeSupportAndFirstSupport_FollowThePeriods()
    {
        // 0.5 in 2001 and 0.25 in 2003 on a 2000–2004 grid: first support at position 1; running sums 0, .5, .5, .75, .75.
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2001), "P", "C", 0.5))
            .Add(TestCases.Support("b", TestCases.Year(2003), "P", "C", 0.25))
            .Build();
        var index = Index(c, Period.FromYear(2000), Period.FromYear(2004));
        var pair = index.PairOf(0, 1);

        index.FirstSupportPeriod(pair).Should().Be(1);
        index.FirstSupportPeriod(-1).Should().Be(-1);
        Enumerable.Range(0, 5).Select(t => index.CumulativeSupport(pair, t)).Should().Equal(0, 0.5, 0.5, 0.75, 0.75);
        index.CumulativeSupport(pair, 99).Should().Be(0.75, "positions past the grid read its last period");
    }

    [Fact]
    public void Items_ListsTheRowsOfAKindTouchingAWindow_InCanonicalOrder()
    {
        var c = TestCases.Builder()
            .Add(TestCases.Support("b", TestCases.Year(2003), "P", "C", 0.5))
            .Add(TestCases.Support("a", TestCases.Years(2000, 2001), "P", "C", 0.5))
            .Add(TestCases.Coercion("k", TestCases.Year(2001), "P", "C", 0.5))
            .Build();
        var index = Index(c, Period.FromYear(2000), Period.FromYear(2004));
        var pair = index.PairOf(0, 1);

        index.Items(pair, EvidenceKind.Support, 1, 3).Select(c.Evidence.IdAt).Should().Equal("a", "b");
        index.Items(pair, EvidenceKind.Support, 2, 2).Should().BeEmpty();
        index.Items(-1, EvidenceKind.Support, 0, 4).Should().BeEmpty();
    }

    [Fact]
    public void Build_ThrowsOnNullArguments()
    {
        var c = TestCases.Builder().Build();
        var grid = new PeriodGrid(Period.FromYear(2000), Period.FromYear(2001));

        ((Action)(() => EvidenceIndex.Build(null!, grid, ScoringOptions.Default))).Should().Throw<ArgumentNullException>().WithParameterName("case");
        ((Action)(() => EvidenceIndex.Build(c, null!, ScoringOptions.Default))).Should().Throw<ArgumentNullException>().WithParameterName("grid");
        ((Action)(() => EvidenceIndex.Build(c, grid, null!))).Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Fact]
    public void Accessors_RefusePositionsOutsideTheIndex_InsteadOfReadingTheNextBlock()
    {
        // Two pairs with support in 2001 (P → C) and 2000 (C → P): their blocks lie side by side, so an unchecked
        // At(pair 0, t = 3) would read the next pair's first period.
        var c = TestCases.Builder()
            .Add(TestCases.Support("s1", TestCases.Year(2001), "P", "C", 1))
            .Add(TestCases.Support("s2", TestCases.Year(2000), "C", "P", 1))
            .Build();
        var index = Index(c, Period.FromYear(2000), Period.FromYear(2002));
        var pair = index.PairOf(c.ActorIndexOf("P"), c.ActorIndexOf("C"));
        var actors = c.Actors.Length;

        index.At(PairSum.Support, pair, 1).Should().Be(1);
        index.At(PairSum.Support, -1, 1).Should().Be(0, "−1 is the documented 'no pair'");
        Refuses(() => index.At(PairSum.Support, pair, 3), "t", "[0, 2]; was 3");
        Refuses(() => index.At(PairSum.Support, pair, -1), "t", "was -1");
        Refuses(() => index.At(PairSum.Support, index.PairCountTotal, 0), "pair", "−1 (no pair) or in [0, 1]");
        Refuses(() => index.Sum(PairSum.Support, -2, 0, 2), "pair", "was -2");
        Refuses(() => index.Count(PairCount.Activity, 7, 0, 2), "pair", "was 7");
        Refuses(() => index.PairFrom(-1), "pair", "was -1");
        index.PairOf(0, actors).Should().Be(-1, "PairOf answers 'no pair' for any position (PairLookUpTests)");
        Refuses(() => index.TryCapability(actors, 0, out _), "actor", $"was {actors}");
        Refuses(() => index.TryCapability(0, 3, out _), "t", "was 3");
        Refuses(() => index.AttainmentAt(0, 0), "objective", "there is none");
        Refuses(() => index.Share(c.Evidence.Count, 0), "row", $"was {c.Evidence.Count}");
        Refuses(() => index.Weight(-1), "row", "was -1");
        Refuses(() => index.SupportReceived(-1, 0, 2), "actor", "was -1");

        // Iterators check when called, not when first enumerated.
        Refuses(() => index.Items(5, EvidenceKind.Support, 0, 2), "pair", "was 5");
        Refuses(() => index.PairsInto(actors), "actor", $"was {actors}");
        Refuses(() => index.CapabilityItems(0, -1), "t", "was -1");
        Refuses(() => index.ObjectiveItems(0, 0, 2), "objective", "there is none");
        index.Items(-1, EvidenceKind.Support, 0, 2).Should().BeEmpty();
    }

    private static void Refuses(Action read, string parameter, string message) =>
        read.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter).Which.Message.Should().Contain(message);

    [Fact]
    public void PeriodGrid_RejectsMixedGranularitiesAndReversedRanges()
    {
        var mixed = () => new PeriodGrid(Period.FromYear(2000), Period.FromMonth(2001, 1));
        var reversed = () => new PeriodGrid(Period.FromYear(2001), Period.FromYear(2000));

        mixed.Should().Throw<ArgumentException>().WithParameterName("last");
        reversed.Should().Throw<ArgumentException>().WithParameterName("last");
    }

    [Fact]
    public void PeriodGrid_LocatesDays()
    {
        var grid = new PeriodGrid(Period.FromQuarter(2001, 1), Period.FromQuarter(2001, 4));

        grid.Count.Should().Be(4);
        grid.Days(0).Should().Be(90);
        grid.IndexOfDay(new DateOnly(2001, 5, 1).DayNumber).Should().Be(1);
        grid.IndexOfDay(new DateOnly(2000, 12, 31).DayNumber).Should().Be(-1);
        grid.IndexOfDay(new DateOnly(2002, 1, 1).DayNumber).Should().Be(4);
        grid.Last.Should().Be(Period.FromQuarter(2001, 4));
    }
}
