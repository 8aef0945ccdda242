using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Scoring;
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

    // A demand defied on 2020-01-15 came before an overreach on 2020-12-20, whatever the length of the periods: it is
    // baseline, not a reaction. Before the fix a yearly series pooled every demand of 2020 as "after" (1.00 here:
    // the 2019 demand was complied with), while a monthly one found no demand after the overreach (undefined).
    private static CaseBuilder DecemberOverreach() => TestCases.Builder()
        .AddIssue(new Issue("i", "Issue"))
        .Add(TestCases.Demand("c2019", TestCases.Year(2019), "i", 1, DemandResponse.Complied))
        .Add(TestCases.Demand("jan", EvidenceDate.OnDay(2020, 1, 15), "i", 1, DemandResponse.Defied))
        .Add(TestCases.Overreach("o", EvidenceDate.OnDay(2020, 12, 20)));

    private static CaseBuilder Range(CaseBuilder b)
    {
        b.From = Period.FromYear(2010);
        b.To = Period.FromYear(2022);
        b.EvidenceEnds = new DateOnly(2022, 12, 31);
        return b;
    }

    [Fact]
    public void CounterReaction_DatesDemandsByDay_NotByPeriod()
    {
        var c = Range(DecemberOverreach()).Build();

        TestCases.Value(c, "counterReaction", Period.FromYear(2020)).Should().BeNull("no demand was made after the overreach");
        TestCases.Value(c, "counterReaction", Period.FromYear(2021)).Should().BeNull();
        TestCases.Value(c, "counterReaction", Period.FromMonth(2020, 12)).Should().BeNull();
        TestCases.Value(c, "counterReaction", Period.FromQuarter(2021, 2)).Should().BeNull();

        var e = Explainer.Explain(TestCases.Score(c), TestCases.PC, Period.FromYear(2020), "counterReaction");
        e.Contributions.Single(x => x.EvidenceId == "jan").Term.Should().Be("demand made before overreach (baseline)");
        e.Contributions.Single(x => x.EvidenceId == "jan").Weight.Should().Be(1);
        e.Contributions.Single(x => x.EvidenceId == "o").Term.Should().Be("overreach");
        e.Contributions.Should().NotContain(x => x.Term.Contains("after"));
    }

    [Fact]
    public void CounterReaction_IsTheSame_InYearlyQuarterlyAndMonthlySeries_ByHand()
    {
        // A demand defied in March 2021 is the reaction: defiance 1. Baseline: the 2019 demand (complied) and the
        // January one (defied), weight 1 each: defiance ½. 1 − ½ = ½ in 2021, 2021Q1 and March 2021 alike.
        var c = Range(DecemberOverreach().Add(TestCases.Demand("mar", TestCases.Month(2021, 3), "i", 1, DemandResponse.Defied))).Build();

        TestCases.Value(c, "counterReaction", Period.FromYear(2021))!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(c, "counterReaction", Period.FromQuarter(2021, 1))!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(c, "counterReaction", Period.FromMonth(2021, 3))!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(c, "counterReaction", Period.FromMonth(2021, 2)).Should().BeNull("nothing was demanded between the overreach and February");
        TestCases.Value(c, "counterReaction", Period.FromYear(2020)).Should().BeNull();
    }

    // A standing demand (a span, 2019–2022, always defied) was made before an overreach of June 2021: its defiance
    // after the overreach is the old stance, not a reaction. Before the fix the yearly series read 1/3 in 2022
    // (after 2021–2022: the span alone, defiance 1; baseline 2011–2020: the 2017 demand and two years of the span, 2/3).
    private static CaseBuilder Standing() => Range(TestCases.Builder()
        .AddIssue(new Issue("i", "Issue"))
        .Add(TestCases.Demand("c2017", TestCases.Year(2017), "i", 1, DemandResponse.Complied))
        .Add(TestCases.Demand("standing", TestCases.Years(2019, 2022), "i", 1, DemandResponse.Defied))
        .Add(TestCases.Overreach("o", TestCases.Month(2021, 6))));

    [Fact]
    public void CounterReaction_CountsAStandingDemandMadeBeforeTheOverreach_OnlyInTheBaseline()
    {
        TestCases.Value(Standing().Build(), "counterReaction", 2022).Should().BeNull("no demand was made after the overreach");

        // With a demand made (and complied with) in March 2022: after 0. Baseline: the 2017 demand (1, complied) and
        // the span's days before 1 June 2021: 2019, 2020 and 151/365 of 2021 (defied). 0 − (2 + 151/365)/(3 + 151/365).
        var c = Standing().Add(TestCases.Demand("new", TestCases.Month(2022, 3), "i", 1, DemandResponse.Complied)).Build();
        var expected = -(2 + (151 / 365.0)) / (3 + (151 / 365.0));

        TestCases.Value(c, "counterReaction", 2022)!.Value.Should().BeApproximately(expected, 1e-12);
        TestCases.Value(c, "counterReaction", Period.FromMonth(2022, 12))!.Value.Should().BeApproximately(expected, 1e-12);

        var e = Explainer.Explain(TestCases.Score(c), TestCases.PC, Period.FromYear(2022), "counterReaction");
        var standing = e.Contributions.Single(x => x.EvidenceId == "standing");
        standing.Term.Should().Be("demand made before overreach (baseline)");
        standing.Weight.Should().BeApproximately(2 + (151 / 365.0), 1e-12);
        e.Contributions.Single(x => x.EvidenceId == "new").Term.Should().Be("demand made after overreach");
        e.Contributions.Single(x => x.EvidenceId == "new").Weight.Should().Be(1);
    }

    [Fact]
    public void CounterReaction_APointDemandMadeBeforeTheOverreachsDay_IsBaselineWithItsWholeWeight()
    {
        // Overreach on 2005-06-15; a demand dated only to June 2005 began before it: baseline, weight 1 (not the 14 of
        // its 30 days before the overreach, with the other 16 counted nowhere). Baseline: complied (2004-05) and defied
        // (2005-06), defiance 1/2; after: defied (2005-09), defiance 1; counterReaction 0.5 by year and by month.
        var b = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Demand("d0", TestCases.Month(2004, 5), "i", 1, DemandResponse.Complied))
            .Add(TestCases.Overreach("o", EvidenceDate.OnDay(2005, 6, 15)))
            .Add(TestCases.Demand("d1", TestCases.Month(2005, 6), "i", 1, DemandResponse.Defied))
            .Add(TestCases.Demand("d2", TestCases.Month(2005, 9), "i", 1, DemandResponse.Defied));
        var c = b.Build();

        TestCases.Value(c, "counterReaction", Period.FromYear(2005)).Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(c, "counterReaction", Period.FromMonth(2005, 12)).Should().BeApproximately(0.5, 1e-12);
        Explainer.Explain(TestCases.Score(c), TestCases.PC, Period.FromYear(2005), "counterReaction").Contributions
            .Single(x => x.EvidenceId == "d1").Weight.Should().BeApproximately(1, 1e-12);
    }

    // A demand dated only to 2021 (a point, made once, defied) and an overreach on 2021-09-10: the demand began before
    // the overreach, so it is baseline, with the same weight whatever the periods. The 2019 demand was complied with;
    // one made in November 2021 (after the overreach) was defied.
    private static CaseBuilder YearDatedDemand(Granularity granularity)
    {
        var b = Range(TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Demand("c2019", TestCases.Year(2019), "i", 1, DemandResponse.Complied))
            .Add(TestCases.Demand("y2021", TestCases.Year(2021), "i", 1, DemandResponse.Defied))
            .Add(TestCases.Overreach("o", EvidenceDate.OnDay(2021, 9, 10)))
            .Add(TestCases.Demand("nov", TestCases.Month(2021, 11), "i", 1, DemandResponse.Defied)));
        b.Granularity = granularity;
        return b;
    }

    [Fact]
    public void CounterReaction_APointDemandDatedMoreCoarselyThanThePeriods_CountsInTheBaselineWithAllItsSharesUpToThePeriod()
    {
        // Yearly: baseline c2019 (complied, 1) and y2021 (defied, 1): defiance 1/2; after: nov, defiance 1 → 1/2.
        // Monthly, t₀ = September 2021: y2021's shares of January–August come from the baseline's months, September's
        // from t₀, and October's on now count too. November 2021: y2021 weighs 334/365 (January–November), baseline
        // defiance (334/365) / (1 + 334/365) = 334/699, so 1 − 334/699 = 365/699 = 0.5222. December 2021 and every
        // later month of the lag window: the whole of y2021, 1/2 as in the yearly series. Before the fix y2021 counted
        // with January–September only (273/365) in every month from September: 1 − 273/638 = 365/638 = 0.5721, and
        // its October–December counted nowhere.
        var yearly = YearDatedDemand(Granularity.Year).Build();
        var monthly = YearDatedDemand(Granularity.Month).Build();
        var quarterly = YearDatedDemand(Granularity.Quarter).Build();

        TestCases.Value(yearly, "counterReaction", 2021)!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(yearly, "counterReaction", 2022)!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(monthly, "counterReaction", Period.FromMonth(2021, 10)).Should().BeNull("no demand yet after the overreach");
        TestCases.Value(monthly, "counterReaction", Period.FromMonth(2021, 11))!.Value.Should().BeApproximately(365.0 / 699, 1e-12);
        TestCases.Value(monthly, "counterReaction", Period.FromMonth(2021, 12))!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(monthly, "counterReaction", Period.FromMonth(2022, 6))!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(quarterly, "counterReaction", Period.FromQuarter(2021, 4))!.Value.Should().BeApproximately(0.5, 1e-12);

        var november = Explainer.Explain(TestCases.Score(monthly, Granularity.Month), TestCases.PC, Period.FromMonth(2021, 11), "counterReaction");
        var y2021 = november.Contributions.Single(x => x.EvidenceId == "y2021");
        y2021.Term.Should().Be("demand made before overreach (baseline)");
        y2021.Weight.Should().BeApproximately(334 / 365.0, 1e-12);
        Explainer.Explain(TestCases.Score(monthly, Granularity.Month), TestCases.PC, Period.FromMonth(2022, 6), "counterReaction").Contributions
            .Single(x => x.EvidenceId == "y2021").Weight.Should().BeApproximately(1, 1e-12);

        foreach (var c in new[] { yearly, quarterly, monthly })
        {
            MeasureSeriesTests.SeriesEqualEvaluate(c, ScoringOptions.Default, 0, Scorer.Score(c).Periods.Length - 1, c.Granularity.ToString());
        }
    }

    [Fact]
    public void CounterReaction_APointDemandOnOrAfterTheOverreachsDay_CountsAsReactionWithItsSharesUpToThePeriod()
    {
        // The symmetric case: an overreach known only to 2021 (d₀ = 1 January) and a demand dated to 2021 (defied):
        // made on d₀, so it is the reaction, from t₀ = January 2021 on. With one made in March 2021 and complied with,
        // June 2021 reads after = (181/365 defied) / (1 + 181/365) = 181/546 against a baseline of 0 (c2019,
        // complied); December 2021 reads 1/2, as the year does.
        var b = Range(TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Demand("c2019", TestCases.Year(2019), "i", 1, DemandResponse.Complied))
            .Add(TestCases.Overreach("o", TestCases.Year(2021)))
            .Add(TestCases.Demand("y2021", TestCases.Year(2021), "i", 1, DemandResponse.Defied))
            .Add(TestCases.Demand("mar", TestCases.Month(2021, 3), "i", 1, DemandResponse.Complied)));
        var yearly = b.Build();
        b.Granularity = Granularity.Month;
        var monthly = b.Build();

        TestCases.Value(yearly, "counterReaction", 2021)!.Value.Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(monthly, "counterReaction", Period.FromMonth(2021, 6))!.Value.Should().BeApproximately(181.0 / 546, 1e-12);
        TestCases.Value(monthly, "counterReaction", Period.FromMonth(2021, 12))!.Value.Should().BeApproximately(0.5, 1e-12);
        Explainer.Explain(TestCases.Score(monthly, Granularity.Month), TestCases.PC, Period.FromMonth(2021, 6), "counterReaction").Contributions
            .Single(x => x.EvidenceId == "y2021").Term.Should().Be("demand made after overreach");
        MeasureSeriesTests.SeriesEqualEvaluate(monthly, ScoringOptions.Default, 0, Scorer.Score(monthly).Periods.Length - 1, "monthly");
    }
}
