using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary><see cref="ScoreSet.SeriesWithPeriods"/> and <see cref="ScoreSet.HasInterval"/>.</summary>
public class ScoreSetSeriesTests
{
    private static readonly Case BuiltIn = CaseReader.LoadBuiltIn();
    private static readonly Dyad PakistanTaliban = new("pakistan", "taliban");

    private static ScoreSet Score(int from, int to) =>
        Scorer.Score(BuiltIn, ScoringOptions.Default, new ScoringRequest { Dyads = [PakistanTaliban], From = Period.FromYear(from), To = Period.FromYear(to) });

    [Fact]
    public void SeriesWithPeriods_GivesEveryPeriodWithItsScore_UndefinedOnesIncluded()
    {
        var scores = Score(1992, 1996); // the Taliban existed from 1994

        var points = scores.SeriesWithPeriods("exchange", PakistanTaliban);

        points.Select(x => x.Period).Should().Equal(scores.Periods);
        points.Select(x => x.Score.Value).Should().Equal(scores.Series("exchange", PakistanTaliban), "the bare series is the same values");
        points.Select(x => x.Score).Should().Equal(Enumerable.Range(0, 5).Select(p => scores.Get("exchange", PakistanTaliban, Period.FromYear(1992 + p))));
        points[0].Score.IsDefined.Should().BeFalse("the Taliban did not exist in 1992");
        points[0].Period.Should().Be(Period.FromYear(1992));
        points[^1].Score.IsDefined.Should().BeTrue();
    }

    [Fact]
    public void SeriesWithPeriods_TakesTheShortNames_AndSaysWhichPointsHaveAnInterval()
    {
        var scores = Score(2023, 2024);

        var efficiency = scores.SeriesWithPeriods("inputEfficiency", PakistanTaliban);
        var share = scores.SeriesWithPeriods("share", PakistanTaliban);

        efficiency[1].HasInterval.Should().BeTrue("input efficiency has its own regression interval");
        efficiency[1].Score.Low.Should().Be(-0.01936601390665337);
        share.Should().OnlyContain(p => !p.HasInterval && p.Score.IsDefined, "without draws no interval was computed");
        share.Select(p => p.Score.Value).Should().Equal(scores.Series("patronShare", PakistanTaliban));
    }

    [Fact]
    public void SeriesWithPeriods_RejectsAMeasureOrDyadThatWasNotScored()
    {
        var scores = Score(2024, 2024);

        ((Action)(() => scores.SeriesWithPeriods("nonsense", PakistanTaliban))).Should().Throw<ArgumentException>().WithParameterName("measure");
        ((Action)(() => scores.SeriesWithPeriods("exchange", new Dyad("pakistan", "nobody")))).Should().Throw<ArgumentException>().WithParameterName("dyad");
    }

    [Fact]
    public void HasInterval_IsTrue_OnlyForComputedIntervals_OfDefinedValues()
    {
        var point = Score(2024, 2024);
        var drawn = Intervals.Compute(point, new IntervalOptions { Draws = 20, Seed = 1 });
        int exchange = point.MeasureIndexOf("exchange"), counter = point.MeasureIndexOf("counterReaction");

        point.HasInterval(exchange, 0, 0).Should().BeFalse("no draws were made");
        point.Get(exchange, 0, 0).Low.Should().Be(point.Get(exchange, 0, 0).Value, "the score itself still repeats the value, as before");
        drawn.HasInterval(exchange, 0, 0).Should().BeTrue();
        point.HasInterval(counter, 0, 0).Should().BeFalse("the value is undefined");
        drawn.HasInterval(counter, 0, 0).Should().BeFalse("the value is undefined");
        ((Action)(() => point.HasInterval(point.Measures.Length, 0, 0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => point.HasInterval(0, 0, 1))).Should().Throw<ArgumentOutOfRangeException>();
    }
}
