using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary><see cref="ScoreSet.SeriesWithPeriods"/>, <see cref="ScoreSet.HasInterval(int, int, int)"/> and the lookups by dyad.</summary>
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

    [Fact]
    public void HasInterval_ByNames_AnswersAsByPositions_AndRefusesAsGetDoes()
    {
        var point = Score(2023, 2024);
        var drawn = Intervals.Compute(point, new IntervalOptions { Draws = 20, Seed = 1 });
        var y2024 = Period.FromYear(2024);
        var leftOut = Scorer.Score(BuiltIn, ScoringOptions.Default, new ScoringRequest { Dyads = [PakistanTaliban], From = y2024, To = y2024, Measures = ["exchange"] });

        foreach (var scores in new[] { point, drawn })
        {
            foreach (var m in scores.Measures)
            {
                for (var p = 0; p < scores.PeriodCount; p++)
                {
                    scores.HasInterval(m.Name, PakistanTaliban, scores.Periods[p]).Should().Be(scores.HasInterval(scores.MeasureIndexOf(m.Name), 0, p), $"{m.Name} in {scores.Periods[p]}");
                }
            }
        }

        drawn.HasInterval("exchange", PakistanTaliban, y2024).Should().BeTrue();
        point.HasInterval("share", PakistanTaliban, y2024).Should().Be(point.HasInterval("patronShare", PakistanTaliban, y2024), "a short name of the score table is taken as Get takes it");
        point.HasInterval("inputEfficiency", PakistanTaliban, y2024).Should().BeTrue("input efficiency has its own interval");
        foreach (var (call, get, parameter) in new (Action, Action, string)[]
        {
            (() => point.HasInterval("nonsense", PakistanTaliban, y2024), () => point.Get("nonsense", PakistanTaliban, y2024), "measure"),
            (() => leftOut.HasInterval("conflict", PakistanTaliban, y2024), () => leftOut.Get("conflict", PakistanTaliban, y2024), "measure"),
            (() => point.HasInterval("exchange", new Dyad("taliban", "pakistan"), y2024), () => point.Get("exchange", new Dyad("taliban", "pakistan"), y2024), "dyad"),
            (() => point.HasInterval("exchange", PakistanTaliban, Period.FromYear(2030)), () => point.Get("exchange", PakistanTaliban, Period.FromYear(2030)), "period"),
            (() => point.HasInterval("exchange", PakistanTaliban, Period.FromQuarter(2024, 1)), () => point.Get("exchange", PakistanTaliban, Period.FromQuarter(2024, 1)), "period"),
        })
        {
            var expected = get.Should().Throw<ArgumentException>().Which;
            call.Should().Throw<ArgumentException>().WithParameterName(parameter).Which.Message.Should().Be(expected.Message, "HasInterval refuses a name as Get does");
        }

        ((Action)(() => point.HasInterval(null!, PakistanTaliban, y2024))).Should().Throw<ArgumentNullException>().WithParameterName("measure");
    }

    [Fact]
    public void Lookups_ByDyad_SayAnActorIsNotInTheCase_WhenThatIsWhyItWasNotScored()
    {
        var scores = Score(2024, 2024);
        var y2024 = Period.FromYear(2024);
        var stranger = new Dyad("pakistan", "nobody");
        var scorer = () => Scorer.Score(BuiltIn, ScoringOptions.Default, new ScoringRequest { Dyads = [stranger] });
        var said = scorer.Should().Throw<ArgumentException>().Which.Message;
        said.Should().StartWith("dyad pakistan→nobody: no actor is called \"nobody\" in case 'pakistan-taliban'");

        Action[] lookups =
        [
            () => scores.For(stranger, y2024),
            () => scores.For(stranger),
            () => scores.Get("exchange", stranger, y2024),
            () => scores.HasInterval("exchange", stranger, y2024),
            () => scores.Series("exchange", stranger),
            () => scores.SeriesWithPeriods("exchange", stranger),
            () => scores.Summarise("exchange", stranger, y2024, y2024),
            () => scores.PatronClientCounts(stranger, y2024, y2024),
            () => Explainer.Explain(scores, stranger, y2024, "exchange"),
            () => Influence.TimeSeries.Trends.Fit(scores, "exchange", stranger),
            () => Influence.TimeSeries.ChangePoints.Detect(scores, "exchange", stranger),
        ];
        foreach (var lookup in lookups)
        {
            var e = lookup.Should().Throw<ArgumentException>().WithParameterName("dyad").Which;
            e.Message.Should().Be(said.Replace("(Parameter 'request')", "(Parameter 'dyad')", StringComparison.Ordinal), "the scorer's words, not \"was not scored\"");
            e.Message.Should().NotContain("was not scored");
        }

        ((Action)(() => scores.For(new Dyad("nobody", "nemo"), y2024))).Should().Throw<ArgumentException>()
            .WithMessage("dyad nobody→nemo: no actor is called \"nobody\"*; dyad nobody→nemo: no actor is called \"nemo\"*", "both missing actors are named at once");
    }

    [Fact]
    public void Lookups_ByDyad_OfActorsInTheCase_SayItWasNotScored_AndListTheScoredOnes()
    {
        var scores = Score(2024, 2024);

        ((Action)(() => scores.For(new Dyad("taliban", "pakistan"), Period.FromYear(2024)))).Should().Throw<ArgumentException>().WithParameterName("dyad")
            .WithMessage("dyad taliban→pakistan was not scored; scored: pakistan→taliban*");
    }
}
