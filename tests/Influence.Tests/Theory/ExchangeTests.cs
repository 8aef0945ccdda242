using FluentAssertions;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

public class ExchangeTests
{
    [Fact]
    public void Exchange_IsVolumeTimesReciprocity_ByHand()
    {
        // P gives 0.8 in 2005 (confirmed), C gives back 0.5 in 2005 (reported: weight 0.7 → 0.35).
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.8))
            .Add(TestCases.Support("b", TestCases.Year(2005), "C", "P", 0.5, Confidence.Reported))
            .Build();

        var s = Scorer.Score(c).For(TestCases.PC, Period.FromYear(2005));

        var volume = 1 - Math.Exp(-(0.8 + 0.35));
        var reciprocity = 2 * 0.35 / (0.8 + 0.35);
        s.Exchange.Value.Should().BeApproximately(volume * reciprocity, 1e-12);
    }

    [Fact]
    public void Exchange_IsUndefined_WhenNoFlowsInWindow()
    {
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2000), "P", "C", 0.8)).Build();

        var scores = Scorer.Score(c);

        scores.For(TestCases.PC, Period.FromYear(2004)).Exchange.Value.Should().Be(0, "the 2000 flow is still in the 5-year window");
        scores.For(TestCases.PC, Period.FromYear(2005)).Exchange.IsDefined.Should().BeFalse("no flow in 2001–2005");
    }

    [Fact]
    public void Exchange_IsUndefined_WhenTheDyadHasNoSupportAtAll()
    {
        // Coercion and demands observe the dyad but are no resource flow: exchange stays null, never 0 or NaN.
        var c = TestCases.Builder()
            .Add(TestCases.Coercion("k", TestCases.Year(2005), "P", "C", 0.9))
            .Add(TestCases.Demand("d", TestCases.Year(2005), "i", 1, DemandResponse.Complied))
            .AddIssue(new Influence.Cases.Issue("i", "Issue"))
            .Build();

        TestCases.Value(c, "exchange", 2005).Should().BeNull();
        Exchange.Reciprocity(Scorer.Score(c).At(0, 5)).Should().BeNull();
    }

    [Fact]
    public void Exchange_IsZero_ForOneWayAid()
    {
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Years(2000, 2010), "P", "C", 1)).Build();

        Scorer.Score(c).For(TestCases.PC, Period.FromYear(2005)).Exchange.Value.Should().Be(0);
    }

    [Fact]
    public void Exchange_CountsAReturnFlowWithinTheReciprocityWindow()
    {
        // P gives 1.0 in 2001; C pays back 0.5 in 2004 (confirmed).
        // 2004: volume = 1 − e^−0.5 (only the return flows in 2004); window 2000–2004: in 1.0, back 0.5
        //       reciprocity = 2·0.5 / 1.5 = 2/3 → exchange = (1 − e^−0.5) · 2/3 = 0.262313
        // 2006: window 2002–2006 holds only the return flow: reciprocity 0 → exchange 0 (defined).
        // 2009: window 2005–2009 holds no flow → undefined.
        var c = TestCases.Builder()
            .Add(TestCases.Support("give", TestCases.Year(2001), "P", "C", 1.0))
            .Add(TestCases.Support("back", TestCases.Year(2004), "C", "P", 0.5))
            .Build();

        var s = Scorer.Score(c);

        s.For(TestCases.PC, Period.FromYear(2004)).Exchange.Value.Should().BeApproximately((1 - Math.Exp(-0.5)) * 2 / 3, 1e-12);
        s.For(TestCases.PC, Period.FromYear(2006)).Exchange.Value.Should().Be(0);
        s.For(TestCases.PC, Period.FromYear(2009)).Exchange.Value.Should().BeNull();
    }

    [Fact]
    public void Exchange_UsesTheVolumeScaleAndWindowFromOptions()
    {
        // Balanced flows 0.5 + 0.5 in 2005: reciprocity 1, volume = 1 − e^(−1/k).
        // k = 2 → 1 − e^−0.5 = 0.393469. A 1-year window in 2006 holds no flow → undefined.
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.5))
            .Add(TestCases.Support("b", TestCases.Year(2005), "C", "P", 0.5))
            .Build();
        var options = ScoringOptions.Default with
        {
            Exchange = ScoringOptions.Default.Exchange with { VolumeScale = 2, ReciprocityWindowYears = 1 },
        };

        TestCases.Value(c, "exchange", 2005).Should().BeApproximately(1 - Math.Exp(-1), 1e-12);
        TestCases.Value(c, "exchange", 2005, options).Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
        TestCases.Value(c, "exchange", 2006, options).Should().BeNull();
    }

    [Fact]
    public void Exchange_SpreadsAYearPointOverMonths_ByDays()
    {
        // Monthly: a flow known to the year 2005 (365 days) puts 31/365 of its weight in January.
        // P→C 0.8 and C→P 0.8: January flow = 2 · 0.8 · 31/365; reciprocity 1 (balanced over the 60-month window).
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.8))
            .Add(TestCases.Support("b", TestCases.Year(2005), "C", "P", 0.8))
            .Build();

        var january = TestCases.Value(c, "exchange", Period.FromMonth(2005, 1));

        january.Should().BeApproximately(1 - Math.Exp(-2 * 0.8 * 31 / 365.0), 1e-12);
    }

    [Fact]
    public void Volume_IsTheSaturatedFlowOfTheVolumeWindow_AndEvaluateIsVolumeTimesReciprocity()
    {
        // P gives 0.8, C gives back 0.35 (0.5 reported) in 2005: volume = 1 − e^−1.15 = 0.683363.
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.8))
            .Add(TestCases.Support("b", TestCases.Year(2005), "C", "P", 0.5, Confidence.Reported))
            .Build();
        var scores = Scorer.Score(c);
        var at = scores.At(0, 5);

        Exchange.Volume(at).Should().BeApproximately(1 - Math.Exp(-1.15), 1e-12);
        (Exchange.Volume(at)!.Value * Exchange.Reciprocity(at)!.Value).Should().Be(scores.Get("exchange", TestCases.PC, Period.FromYear(2005)).Value!.Value);
        Exchange.Volume(scores.At(0, 10)).Should().BeNull("no flow in 2006–2010");
    }

    [Fact]
    public void Compute_IsZero_WithoutAnyFlow()
    {
        Exchange.Compute(0, 0, 0, 1).Should().Be(0);
        Exchange.Compute(1, 1, 1, 1).Should().BeApproximately(1 - Math.Exp(-1), 1e-12);
    }

    [Fact]
    public void Exchange_InAMonthlySeries_ReadsTheLastYearsFlow_AsTheYearlySeriesDoes()
    {
        // Spans both ways over whole years: the year 2003 holds 0.6 + 0.4 of flow. In a monthly series December 2003's
        // volume is the last twelve months' flow, the same year's worth (up to rounding of the days' shares), so the
        // value, and the state it feeds, do not depend on the time unit. A single month holds about a twelfth of it.
        var c = TestCases.Builder()
            .Add(TestCases.Support("give", TestCases.Years(2000, 2005), "P", "C", 0.6))
            .Add(TestCases.Support("back", TestCases.Years(2000, 2005), "C", "P", 0.4))
            .Build();
        var yearly = TestCases.Value(c, "exchange", 2003)!.Value;

        TestCases.Value(c, "exchange", Period.FromMonth(2003, 12))!.Value.Should().BeApproximately(yearly, 1e-12);
        TestCases.Value(c, "exchange", Period.FromQuarter(2003, 4))!.Value.Should().BeApproximately(yearly, 1e-12);
        yearly.Should().BeApproximately((1 - Math.Exp(-1.0)) * 0.8, 1e-12);
    }

    [Fact]
    public void Exchange_VolumeWindow_IsAnOption()
    {
        // One flow each way in 2002 only: in 2003 a one-year volume window holds nothing (volume 0, exchange 0, still
        // defined by the reciprocity window); a two-year window still holds 2002's flow.
        var c = TestCases.Builder()
            .Add(TestCases.Support("give", TestCases.Year(2002), "P", "C", 0.5))
            .Add(TestCases.Support("back", TestCases.Year(2002), "C", "P", 0.5))
            .Build();
        var twoYears = ScoringOptions.Default with { Exchange = new ExchangeOptions { VolumeWindowYears = 2 } };

        TestCases.Value(c, "exchange", 2003).Should().Be(0);
        TestCases.Value(c, "exchange", 2003, twoYears).Should().BeApproximately(1 - Math.Exp(-1.0), 1e-12);
    }
}
