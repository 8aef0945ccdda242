using FluentAssertions;
using Influence.Cases;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.TimeSeries;

public class ChangePointsTests
{
    private static readonly Period Y2000 = Period.FromYear(2000);

    private static double?[] Noisy(int seed, params (int Length, double Mean)[] segments)
    {
        var rng = new Random(seed);
        var values = new List<double?>();
        foreach (var (length, mean) in segments)
        {
            for (var i = 0; i < length; i++)
            {
                // Box–Muller: standard normal noise with σ = 0.05.
                var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                values.Add(mean + (0.05 * z));
            }
        }

        return [.. values];
    }

    [Fact]
    public void Detect_FindsAStepInTheMean_WithItsSize()
    {
        var r = ChangePoints.Detect(Noisy(1, (12, 0.2), (10, 0.7)), Y2000);

        r.ChangePoints.Should().ContainSingle();
        var c = r.ChangePoints[0];
        c.Period.Should().Be(Period.FromYear(2012));
        c.Position.Should().Be(12);
        c.Shift.Should().BeApproximately(0.5, 0.05);
        c.Shift.Should().Be(c.MeanAfter - c.MeanBefore);
        r.Segments.Should().HaveCount(2);
        r.Segments[0].To.Should().Be(Period.FromYear(2011));
    }

    [Fact]
    public void Detect_FindsTwoSteps()
    {
        var r = ChangePoints.Detect(Noisy(2, (10, 0.2), (8, 0.8), (10, 0.4)), Y2000);

        r.ChangePoints.Select(c => c.Position).Should().Equal(10, 18);
        r.ChangePoints[1].Shift.Should().BeApproximately(-0.4, 0.06);
    }

    [Fact]
    public void Detect_RarelyFindsAChange_InNoiseAlone()
    {
        // The penalty 3·σ̂²·ln n keeps false alarms rare (about 9% of series of 25 points): count them over 200 series of pure noise.
        var alarms = Enumerable.Range(0, 200).Count(seed => !ChangePoints.Detect(Noisy(seed, (25, 0.5)), Y2000).ChangePoints.IsEmpty);

        alarms.Should().BeLessThan(30);
    }

    [Fact]
    public void Detect_FindsNothing_InAConstantSeries()
    {
        var r = ChangePoints.Detect([0.3, 0.3, 0.3, 0.3, 0.3, 0.3], Y2000);

        r.ChangePoints.Should().BeEmpty();
        r.NoiseSigma.Should().Be(0);
        r.Segments.Should().ContainSingle().Which.Mean.Should().Be(0.3);
    }

    [Fact]
    public void Detect_FindsAStepInAPiecewiseConstantSeries()
    {
        // Every first difference but one is 0, so the MAD is 0 and σ̂ falls back to the standard deviation of the differences.
        var r = ChangePoints.Detect([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], Y2000);

        r.ChangePoints.Should().ContainSingle().Which.Position.Should().Be(5);
        r.NoiseSigma.Should().BePositive();
    }

    [Fact]
    public void Detect_SkipsUndefinedPeriods_AndReportsAChangeAtTheNextDefinedOne()
    {
        double?[] gappy = [0, 0, 0, 0, null, null, 1, 1, 1, 1];

        var r = ChangePoints.Detect(gappy, Y2000);

        r.Points.Should().Be(8);
        r.Skipped.Should().Be(2);
        r.ChangePoints.Should().ContainSingle().Which.Period.Should().Be(Period.FromYear(2006));
        r.Segments[0].To.Should().Be(Period.FromYear(2003));
    }

    [Theory]
    [InlineData(0.0, 0.1, 3)]
    [InlineData(0.0, 0.05, 3)]
    [InlineData(0.0, 0.29, 2)]
    [InlineData(0.0, 0.58, 2)]
    [InlineData(0.3, -0.4, 4)]
    public void Detect_BreaksATieBetweenSymmetricSplits_AtTheEarlierOne(double low, double high, int run)
    {
        // low × run, their midpoint, high × run: splitting before or after the midpoint costs exactly the same
        // (the midpoint is as far from either run), and the docs promise the earlier split. Found by a review: the two
        // costs come from prefix sums that differ in their last bits, and for these series the later split won.
        var values = Enumerable.Repeat<double?>(low, run).Append((low + high) / 2).Concat(Enumerable.Repeat<double?>(high, run)).ToArray();

        var r = ChangePoints.Detect(values, Y2000);

        r.ChangePoints.Should().ContainSingle().Which.Position.Should().Be(run, $"{string.Join(", ", values)} ties at {run} and {run + 1}");
        r.Segments[0].Points.Should().Be(run);
    }

    [Fact]
    public void Detect_KeepsSegmentsAtLeastTheMinimumLength()
    {
        double?[] spike = [0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0];

        ChangePoints.Detect(spike, Y2000).ChangePoints.Should().BeEmpty();
        ChangePoints.Detect(spike, Y2000, new ChangePointOptions { MinimumSegmentLength = 1, NoiseSigma = 0.1 }).ChangePoints.Should().HaveCount(2);
    }

    [Fact]
    public void Detect_UsesThePenaltyItReports()
    {
        var r = ChangePoints.Detect(Noisy(3, (20, 0.5)), Y2000);

        r.Penalty.Should().BeApproximately(3 * r.NoiseSigma!.Value * r.NoiseSigma.Value * Math.Log(20), 1e-12);
    }

    [Fact]
    public void Detect_HandlesAnEmptyOrSinglePointSeries()
    {
        ChangePoints.Detect([null, null], Y2000).Segments.Should().BeEmpty();
        ChangePoints.Detect([0.4], Y2000).Segments.Should().ContainSingle();
    }

    [Fact]
    public void EstimateNoise_IsTheScaledMadOfFirstDifferences()
    {
        // differences 1, −1, 1, −1, 3: median 1, absolute deviations 0, 2, 0, 2, 2 → MAD 2.
        ChangePoints.EstimateNoise([0, 1, 0, 1, 0, 3]).Should().BeApproximately(1.4826 * 2 / Math.Sqrt(2), 1e-12);
    }

    [Fact]
    public void Options_RejectAMinimumSegmentBelowOne()
    {
        var act = () => new ChangePointOptions { MinimumSegmentLength = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("MinimumSegmentLength");
    }

    [Fact]
    public void Options_RejectANonPositivePenaltyFactor()
    {
        var act = () => new ChangePointOptions { PenaltyFactor = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("PenaltyFactor");
    }

    [Fact]
    public void Detect_ReadsAMeasureSeriesFromScores()
    {
        var b = TestCases.Builder();
        for (var y = 2000; y <= 2010; y++)
        {
            b.Add(TestCases.Coercion($"k{y}", TestCases.Year(y), "P", "C", y < 2006 ? 0.05 : 0.9));
        }

        var r = ChangePoints.Detect(Scorer.Score(b.Build()), "conflict", new Dyad("P", "C"));

        r.ChangePoints.Should().ContainSingle().Which.Period.Should().Be(Period.FromYear(2006));
    }
    [Fact]
    public void Detect_WarnsWhenSigmaIsBelowOnePercentOfTheRange_WithoutChangingTheResult()
    {
        // The conflict series of Pakistan → Taliban, 2015–2026, rounded: a run of zeros makes σ̂ ≈ 0.0007, so every step
        // between pairs of years counts.
        double?[] x = [0, 0, 0, 0, 0, 0, 0.3436, 0.3430, 0.8011, 0.9905, 0.8800, 0.7102];

        var r = ChangePoints.Detect(x, Period.FromYear(2015));

        r.NoiseSigma.Should().BeLessThan(ChangePoints.SmallNoiseFraction * 0.9905);
        r.SmallNoiseWarning.Should().NotBeNull().And.Contain("below 1% of the series' range (0.991)").And.Contain("MinimumNoiseSigma");
        r.ChangePoints.Select(c => c.Period.Year).Should().Equal([2021, 2023, 2025], "the warning does not change the search");
    }

    [Fact]
    public void Detect_DoesNotWarn_OnNoiseWithAStep_OrOnAConstantSeries()
    {
        ChangePoints.Detect(Noisy(1, (12, 0.2), (10, 0.7)), Y2000).SmallNoiseWarning.Should().BeNull("σ = 0.05 against a range near 0.7");
        ChangePoints.Detect([0.4, 0.4, 0.4, 0.4], Y2000).SmallNoiseWarning.Should().BeNull("a constant series has no range to compare with");
        ChangePoints.Detect([0.4], Y2000).SmallNoiseWarning.Should().BeNull();
    }

    [Fact]
    public void Detect_WarnsAboutAGivenSigma_TooWhenItIsTiny()
    {
        var r = ChangePoints.Detect(Noisy(1, (12, 0.2), (10, 0.7)), Y2000, new ChangePointOptions { NoiseSigma = 1e-4 });

        r.SmallNoiseWarning.Should().StartWith("the given σ = 0.0001 is below 1%");
    }

    [Fact]
    public void MinimumNoiseSigma_FloorsTheEstimate_AndOnlyStepsLargeAgainstItCount()
    {
        double?[] x = [0, 0, 0, 0, 0, 0, 0.3436, 0.3430, 0.8011, 0.9905, 0.8800, 0.7102];

        var r = ChangePoints.Detect(x, Period.FromYear(2015), new ChangePointOptions { MinimumNoiseSigma = 0.05 });

        r.NoiseSigma.Should().Be(0.05);
        r.Penalty.Should().BeApproximately(3 * 0.05 * 0.05 * Math.Log(12), 1e-15);
        r.SmallNoiseWarning.Should().BeNull("0.05 is above 1% of the range");
        r.ChangePoints.Select(c => c.Period.Year).Should().Equal([2021, 2023], "the 2025 step (−0.10 between two pairs) no longer pays β");
    }

    [Fact]
    public void MinimumNoiseSigma_LeavesALargerEstimateAlone_AndYieldsToAGivenSigma()
    {
        var noisy = Noisy(1, (12, 0.2), (10, 0.7));
        var plain = ChangePoints.Detect(noisy, Y2000);

        ChangePoints.Detect(noisy, Y2000, new ChangePointOptions { MinimumNoiseSigma = 1e-6 }).Should().Be(plain);
        ChangePoints.Detect(noisy, Y2000, new ChangePointOptions { MinimumNoiseSigma = 1, NoiseSigma = 0.05 }).NoiseSigma.Should().Be(0.05);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_RejectANonPositiveOrNonFiniteMinimumNoiseSigma(double floor)
    {
        var act = () => new ChangePointOptions { MinimumNoiseSigma = floor };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinimumNoiseSigma");
    }
}
