using FluentAssertions;
using Influence.Cases;
using Influence.Generation;
using Influence.IO;
using Influence.Networks;
using Influence.Scoring;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// Options at the ends of their ranges: a window of 1e300 years passes validation, so it must score, and it scores as
/// a window covering the whole grid does; scales and half-lives at the extremes give no NaN.
/// </summary>
public class ExtremeOptionsTests
{
    private static readonly Case BuiltIn = CaseReader.LoadBuiltIn();

    private static readonly Case Monthly = UniverseGenerator.Generate(new UniverseOptions { Actors = 8, Periods = 36, Evidence = 1500, Seed = 5, Granularity = Granularity.Month });

    public static TheoryData<string> Windows => [.. OptionKnob.All.Where(k => k.Kind == OptionKind.Window).Select(k => k.Name)];

    public static TheoryData<string> Scales => [.. OptionKnob.All.Where(k => k.Kind == OptionKind.Scale).Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Windows))]
    public void AHugeWindow_ScoresAsAWindowCoveringTheWholeGrid(string option)
    {
        var knob = OptionKnob.Find(option)!;
        foreach (var @case in new[] { BuiltIn, Monthly })
        {
            // Every grid here is shorter than 1000 years, so a 1000-year window already covers it.
            var covering = Scorer.Score(@case, knob.With(ScoringOptions.Default, 1000));

            foreach (var huge in new[] { 1e300, double.MaxValue, 1e9 })
            {
                var scores = Scorer.Score(@case, knob.With(ScoringOptions.Default, huge));

                Cells(scores).Should().Equal(Cells(covering), $"{option} = {huge} in {@case.Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Windows))]
    [MemberData(nameof(Scales))]
    public void TheSmallestAndLargestValues_ScoreWithoutNaN(string option)
    {
        var knob = OptionKnob.Find(option)!;
        foreach (var value in new[] { double.Epsilon, 1e-300, 1e300, double.MaxValue })
        {
            var scores = Scorer.Score(BuiltIn, knob.With(ScoringOptions.Default, value));

            Cells(scores).Where(v => v is { } x && !double.IsFinite(x)).Should().BeEmpty($"{option} = {value}");
        }
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    public void TheActorNetwork_WithAHugeWindow_CoversTheWholeHistory(double years)
    {
        var options = ScoringOptions.Default with { Multilateral = ScoringOptions.Default.Multilateral with { NetworkWindowYears = years } };
        var period = BuiltIn.To ?? Period.FromYear(2024);

        var network = ActorNetwork.ForPeriod(BuiltIn, period, options);
        var covering = ActorNetwork.ForPeriod(BuiltIn, period, ScoringOptions.Default with { Multilateral = ScoringOptions.Default.Multilateral with { NetworkWindowYears = 1000 } });

        network.Edges.Should().BeEquivalentTo(covering.Edges);
    }

    [Fact]
    public void PeriodsIn_Saturates_LongerThanAnyGrid()
    {
        var longest = Granularity.Month.PeriodsIn(1e300);

        longest.Should().BeGreaterThan(12 * 9999);
        Granularity.Month.PeriodsIn(double.MaxValue).Should().Be(longest);
        Granularity.Year.PeriodsIn(1e300).Should().BeGreaterThan(9999);
        Granularity.Month.PeriodsIn(5).Should().Be(60);
        Granularity.Month.PeriodsIn(1e-300).Should().Be(1);
    }

    private static IEnumerable<double?> Cells(ScoreSet scores)
    {
        for (var m = 0; m < scores.Measures.Length; m++)
        {
            for (var d = 0; d < scores.Dyads.Length; d++)
            {
                for (var p = 0; p < scores.PeriodCount; p++)
                {
                    var s = scores.Get(m, d, p);
                    yield return s.Value;
                    yield return s.Low;
                    yield return s.High;
                }
            }

            for (var d = 0; d < scores.Dyads.Length; d++)
            {
                for (var p = 0; p < scores.PeriodCount; p++)
                {
                    yield return scores.PatronClient(d, p).Margin;
                }
            }
        }
    }
}
