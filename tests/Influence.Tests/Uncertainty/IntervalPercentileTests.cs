using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Uncertainty;

/// <summary>
/// How an interval is made from the draws (docs/uncertainty.md, section 4): the (1 − L)/2 and (1 + L)/2 quantiles of
/// the draws in which the value is defined, by Hyndman and Fan's definition 7, widened if need be to contain the point
/// estimate; a count's interval widened to whole numbers (docs/multilateral.md). Checked against the draws themselves,
/// each scored by <see cref="Intervals.ScoreDraw"/>, and a quantile written out here.
/// </summary>
public class IntervalPercentileTests
{
    private const int Draws = 40;

    /// <summary>
    /// Hyndman and Fan's definition 7 (R's and NumPy's default): h = (n − 1)·p, then linear interpolation between the
    /// order statistics x[⌊h⌋] and x[⌊h⌋ + 1] (0-based).
    /// </summary>
    private static double Definition7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }

    [Fact]
    public void Definition7_GivesTheHandComputedQuantiles()
    {
        double[] sorted = [0.1, 0.2, 0.4, 0.5, 0.8];

        // p = 0.05: h = 4 · 0.05 = 0.2, so 0.1 + 0.2 · (0.2 − 0.1) = 0.12.
        Definition7(sorted, 0.05).Should().BeApproximately(0.12, 1e-12);
        // p = 0.95: h = 3.8, so 0.5 + 0.8 · (0.8 − 0.5) = 0.74.
        Definition7(sorted, 0.95).Should().BeApproximately(0.74, 1e-12);
        // p = 0.5: h = 2, the middle value itself.
        Definition7(sorted, 0.5).Should().Be(0.4);
    }

    [Fact]
    public void EveryInterval_IsTheDefinition7QuantilesOfItsDefinedDraws_WidenedToTheValue()
    {
        var (checkedCells, _, _) = CompareWithTheDraws(GeneratedCases.Generate(7), new IntervalOptions { Draws = Draws, Seed = 11 });

        checkedCells.Should().BeGreaterThan(100);
    }

    [Fact]
    public void AnInterval_IsWidenedToContainItsValue_WhenTheDrawsLieBelowIt()
    {
        // One support item a year, P → C, 2000–2009. A draw keeps a year's item with probability 1 − e^−1 = 0.63, so it
        // has every year of exchange with probability 0.63^10 ≈ 0.01: endurance (duration × continuity) in 2009 is
        // below the value in almost every draw, the 95% quantile of the draws is below it, and the interval is widened.
        var b = TestCases.Builder();
        for (var year = 2000; year <= 2009; year++)
        {
            b.Add(TestCases.Support($"give-{year}", TestCases.Year(year), "P", "C", 0.5));
        }

        var (checkedCells, widened, _) = CompareWithTheDraws(b.Build(), new IntervalOptions { Draws = Draws, Seed = 1, Kind = IntervalKind.Bootstrap }, only: "endurance");

        checkedCells.Should().BeGreaterThan(5);
        widened.Should().BeGreaterThan(0);
    }

    [Fact]
    public void ACountsInterval_IsWidenedToWholeNumbers()
    {
        // P gives C 1.5 a year, X 0.2 and Y 0.15: over the 5-year window X's share (0.2 / 1.85 = 0.108) and Y's (0.081)
        // lie either side of the alternative-patron threshold 0.1, so resampling moves the count.
        var b = TestCases.Builder().AddActor(new Actor("Y", "Another third party", ActorKind.State));
        for (var year = 2000; year <= 2010; year++)
        {
            for (var k = 0; k < 3; k++)
            {
                b.AddSupport($"p-{year}-{k}", TestCases.Year(year), Confidence.Confirmed, "s1", "P", "C", ResourceType.Funding, 0.5);
            }

            b.AddSupport($"x-{year}", TestCases.Year(year), Confidence.Confirmed, "s1", "X", "C", ResourceType.Arms, 0.2);
            b.AddSupport($"y-{year}", TestCases.Year(year), Confidence.Confirmed, "s1", "Y", "C", ResourceType.Training, 0.15);
        }

        var @case = b.Build();

        // Several seeds, so that some quantile falls between two different counts (the 5% quantile of 40 draws lies
        // between the second and third smallest) and the rounding out is exercised.
        var results = Enumerable.Range(1, 8).Select(seed => CompareWithTheDraws(@case, new IntervalOptions { Draws = Draws, Seed = (ulong)seed, Kind = IntervalKind.Bootstrap }, only: "alternativePatrons")).ToList();

        results.Sum(r => r.Checked).Should().BeGreaterThan(40);
        results.Sum(r => r.Fractional).Should().BeGreaterThan(0);
    }

    [Fact]
    public void ABootstrapOnlyRun_AndAJointRunWithTheSameSeed_ResampleTheEvidenceIdentically()
    {
        // Power asymmetry reads capability observations only, and no option of the Monte Carlo changes a single
        // observation's value: with capabilities resampled, its draws depend on the bootstrap alone.
        var b = TestCases.Builder();
        foreach (var (id, year, actor, value) in new[] { ("p0", 2000, "P", 80.0), ("p2", 2002, "P", 60), ("p4", 2004, "P", 90), ("p6", 2006, "P", 50), ("c0", 2000, "C", 20), ("c3", 2003, "C", 30), ("c5", 2005, "C", 10) })
        {
            b.AddCapability(id, TestCases.Year(year), Confidence.Confirmed, "s1", actor, value);
        }

        b.Add(TestCases.Support("give", TestCases.Years(2000, 2010), "P", "C", 0.6)).Add(TestCases.Support("back", TestCases.Years(2000, 2010), "C", "P", 0.3));
        var @case = b.Build();
        var point = Scorer.Score(@case);
        var request = RequestOf(point);
        var bootstrap = new IntervalOptions { Draws = Draws, Seed = 5, Kind = IntervalKind.Bootstrap, ResampledKinds = [EvidenceKind.Capability, EvidenceKind.Support] };
        var joint = bootstrap with { Kind = IntervalKind.Both };
        var asymmetry = point.MeasureIndexOf("asymmetry");
        var exchange = point.MeasureIndexOf("exchange");

        var differsInExchange = false;
        for (var d = 0; d < Draws; d++)
        {
            var alone = Intervals.ScoreDraw(@case, point.Options, request, bootstrap, d);
            var both = Intervals.ScoreDraw(@case, point.Options, request, joint, d);
            for (var p = 0; p < point.PeriodCount; p++)
            {
                var a = alone.Get(asymmetry, 0, p).Value;
                var j = both.Get(asymmetry, 0, p).Value;
                (a is null).Should().Be(j is null, $"draw {d}, {point.Periods[p]}");
                if (a is { } x)
                {
                    j!.Value.Should().BeApproximately(x, 1e-12, $"draw {d}, {point.Periods[p]}: the same items were drawn");
                }

                differsInExchange |= alone.Get(exchange, 0, p).Value != both.Get(exchange, 0, p).Value;
            }
        }

        differsInExchange.Should().BeTrue("the joint run also perturbs the options, which exchange reads");
        var aloneIntervals = Intervals.Compute(point, bootstrap);
        var jointIntervals = Intervals.Compute(point, joint);
        var widths = Enumerable.Range(0, point.PeriodCount).Select(p => aloneIntervals.Get(asymmetry, 0, p)).Where(s => s.IsDefined).ToList();
        widths.Should().Contain(s => s.High > s.Low, "resampling the capability observations moves power asymmetry");
        for (var p = 0; p < point.PeriodCount; p++)
        {
            var a = aloneIntervals.Get(asymmetry, 0, p);
            var j = jointIntervals.Get(asymmetry, 0, p);
            (a.Low is null).Should().Be(j.Low is null);
            if (a.Low is { } low)
            {
                j.Low!.Value.Should().BeApproximately(low, 1e-12);
                j.High!.Value.Should().BeApproximately(a.High!.Value, 1e-12);
            }
        }
    }

    private static ScoringRequest RequestOf(ScoreSet point) =>
        new() { Dyads = point.Dyads, Granularity = point.Granularity, From = point.From, To = point.To };

    /// <summary>
    /// Scores each draw, computes every interval of the first dyad from its draws as the docs define it, and compares
    /// it with <see cref="Intervals.Compute(ScoreSet, IntervalOptions?)"/>; returns the cells compared, how many were
    /// widened to contain their value, and how many count quantiles were not whole numbers.
    /// </summary>
    private static (int Checked, int Widened, int Fractional) CompareWithTheDraws(Case @case, IntervalOptions how, string? only = null)
    {
        var point = Scorer.Score(@case);
        var request = RequestOf(point);
        var draws = Enumerable.Range(0, how.Draws).Select(d => Intervals.ScoreDraw(@case, point.Options, request, how, d)).ToList();
        var computed = Intervals.Compute(point, how);
        var tail = (1 - how.Level) / 2;
        int compared = 0, widened = 0, fractional = 0;
        for (var m = 0; m < point.Measures.Length; m++)
        {
            if (only is not null && point.Measures[m].Name != only)
            {
                continue;
            }

            var isCount = point.Measures[m].Scale == MeasureScale.Count;
            for (var p = 0; p < point.PeriodCount; p++)
            {
                var name = $"{point.Measures[m].Name} {point.Periods[p]}";
                var actual = computed.Get(m, 0, p);
                if (point.Get(m, 0, p).Value is not { } value)
                {
                    actual.Should().Be(default(Score), name);
                    continue;
                }

                var sorted = draws.Select(s => s.Get(m, 0, p).Value).OfType<double>().Order().ToArray();
                if (sorted.Length == 0)
                {
                    (actual.Low, actual.High).Should().Be((value, value), name + ": no draw has a value");
                    continue;
                }

                var low = Definition7(sorted, tail);
                var high = Definition7(sorted, 1 - tail);
                if (isCount)
                {
                    fractional += low != Math.Floor(low) || high != Math.Ceiling(high) ? 1 : 0;
                    (low, high) = (Math.Floor(low), Math.Ceiling(high));
                }

                widened += value < low || value > high ? 1 : 0;
                actual.Value.Should().Be(value, name);
                actual.Low!.Value.Should().BeApproximately(Math.Min(low, value), 1e-12, name);
                actual.High!.Value.Should().BeApproximately(Math.Max(high, value), 1e-12, name);
                compared++;
            }
        }

        return (compared, widened, fractional);
    }
}
