using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.TimeSeries;

/// <summary>
/// How far back a measure's values reach (<see cref="MeasureWindow"/>), which decides the p-value trend tells the
/// reader to use: read from the options the scores were computed with, at their granularity; unknown for a measure of
/// your own; and, when the window is the period itself, whether an item the series reads spans more than one period.
/// </summary>
public sealed class MeasureWindowTests
{
    private static readonly Dyad Dyad = new("pakistan", "taliban");

    [Fact]
    public void EveryBuiltInMeasure_HasAKnownReach()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { Dyads = [Dyad], Measures = [.. Measures.BuiltIn.Select(m => m.Name)] });

        foreach (var m in Measures.BuiltIn)
        {
            var w = MeasureWindow.Of(scores, m.Name, Dyad, scores.Periods[0], scores.Periods[^1]);
            w.Known.Should().BeTrue(m.Name);
            (w.Years is not null || w.CarriesHistory).Should().BeTrue($"{m.Name} reaches back over a window or over its history");
        }
    }

    [Fact]
    public void AMeasureOfYourOwn_HasAnUnknownReach_AndItsCorrectedPIsTheOneToRead()
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new Half()] };
        var scores = Scorer.Score(CaseReader.LoadBuiltIn(), options, new ScoringRequest { Dyads = [Dyad], Measures = ["half"] });

        var w = MeasureWindow.Of(scores, "half", Dyad, scores.Periods[0], scores.Periods[^1]);

        w.Should().Be(new MeasureWindow(false, null, null, false));
        w.SharesEvidence.Should().BeTrue();
        var json = TrendWriter.ToJson(Trends.Fit(scores, "half", Dyad), scores, "half", Dyad);
        json.Should().Contain("\"windowYears\": null").And.Contain("\"carriesHistory\": null").And.Contain("\"readPValue\": \"mannKendall.corrected.pValue\"");
    }

    [Fact]
    public void TheWindowInPeriods_FollowsTheGranularity()
    {
        var quarterly = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { Dyads = [Dyad], Granularity = Granularity.Quarter });

        var w = MeasureWindow.Of(quarterly, "conflict", Dyad, quarterly.Periods[0], quarterly.Periods[^1]);

        (w.Known, w.Years, w.Periods, w.CarriesHistory).Should().Be((true, 1.0, 4, false));
        w.SharesEvidence.Should().BeTrue("four quarters share each year of evidence");
    }

    [Fact]
    public void OnlyPointDatedItems_InAYearlySeries_LeaveEachValueOnItsOwnYear_SoTheClassicPIsTheOneToRead()
    {
        var scores = TestCases.Score(Yearly(span: null));
        var trend = Trends.Fit(scores, "presence", TestCases.PC);

        var w = MeasureWindow.Of(scores, "presence", TestCases.PC, trend.From, trend.To);

        (w.Periods, w.CarriesHistory, w.ItemsRead, w.SpanningItems).Should().Be((1, false, 11, 0), "eleven presence items, one point in each year 2000–2010");
        w.SharesEvidence.Should().BeFalse();
        var json = TrendWriter.ToJson(trend, scores, "presence", TestCases.PC);
        json.Should().Contain("\"itemsRead\": 11").And.Contain("\"spanningItems\": 0").And.Contain("\"readPValue\": \"mannKendall.pValue\"");
    }

    [Fact]
    public void OneMultiYearSpan_MakesConsecutiveValuesShareEvidence_SoTheCorrectedPIsTheOneToRead()
    {
        // The same points and one presence span 2003–2005, which counts in 2003, 2004 and 2005.
        var scores = TestCases.Score(Yearly(span: TestCases.Years(2003, 2005)));
        var trend = Trends.Fit(scores, "presence", TestCases.PC);

        var w = MeasureWindow.Of(scores, "presence", TestCases.PC, trend.From, trend.To);

        (w.Periods, w.CarriesHistory, w.ItemsRead, w.SpanningItems).Should().Be((1, false, 12, 1));
        w.SharesEvidence.Should().BeTrue("2003, 2004 and 2005 all rest on the span");
        var json = TrendWriter.ToJson(trend, scores, "presence", TestCases.PC);
        json.Should().Contain("\"itemsRead\": 12").And.Contain("\"spanningItems\": 1").And.Contain("\"readPValue\": \"mannKendall.corrected.pValue\"");
    }

    [Fact]
    public void ASpan_CountsOnlyWhenItCoversMoreThanOnePeriodOfTheRange()
    {
        // The span 2003–2005 is read in 2005, but of the range 2005–2010 it covers 2005 alone; a span that crosses
        // new year by a month covers two years and counts.
        var scores = TestCases.Score(Yearly(span: TestCases.Years(2003, 2005)));
        var crossing = TestCases.Score(Yearly(span: EvidenceDate.Span(TestCases.Month(2006, 12), TestCases.Month(2007, 1))));

        var from2005 = MeasureWindow.Of(scores, "presence", TestCases.PC, Period.FromYear(2005), Period.FromYear(2010));
        var from2004 = MeasureWindow.Of(scores, "presence", TestCases.PC, Period.FromYear(2004), Period.FromYear(2010));
        var overNewYear = MeasureWindow.Of(crossing, "presence", TestCases.PC, Period.FromYear(2000), Period.FromYear(2010));

        (from2005.ItemsRead, from2005.SpanningItems, from2005.SharesEvidence).Should().Be((7, 0, false));
        (from2004.ItemsRead, from2004.SpanningItems, from2004.SharesEvidence).Should().Be((8, 1, true));
        (overNewYear.ItemsRead, overNewYear.SpanningItems, overNewYear.SharesEvidence).Should().Be((12, 1, true));
    }

    /// <summary>
    /// P's presence in C as a point in each year 2000–2010 (at year, month or day precision), and, when given, one more
    /// presence item over <paramref name="span"/>.
    /// </summary>
    internal static Case Yearly(EvidenceDate? span)
    {
        var b = TestCases.Builder();
        for (var y = 2000; y <= 2010; y++)
        {
            var date = (y % 3) switch
            {
                0 => TestCases.Year(y),
                1 => TestCases.Month(y, 6),
                _ => EvidenceDate.OnDay(y, 12, 31),
            };
            b.Add(TestCases.Presence($"pre-{y}", date, "P", "C", 0.1 + (0.05 * (y % 4))));
        }

        if (span is { } s)
        {
            b.Add(TestCases.Presence("pre-span", s, "P", "C", 0.5));
        }

        return b.Build();
    }

    private sealed class Half() : Measure("half")
    {
        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "0.5 + a hundredth of t mod 7";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => 0.5 + ((at.T % 7) * 0.01);

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }
}
