using FluentAssertions;
using Influence.Cases;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.TimeSeries;

/// <summary>
/// Trends and change points of series with extreme but finite values: no NaN or infinity comes out (a result that
/// does not fit in a double is null), and scaling a series by a power of two scales every result exactly.
/// </summary>
public class ExtremeValuesTests
{
    private static readonly Period Y2000 = Period.FromYear(2000);

    private static readonly double?[] Ordinary = [0.12, 0.35, 0.2, 0.61, 0.48, 0.55, 0.9, 0.71, 0.66, 0.83, 0.4, 0.95];

    private static double?[] Times(double?[] values, double factor) => [.. values.Select(v => v * factor)];

    public static TheoryData<double> Factors => new() { 1e160, 1e300, 5e307, 1e-160, 1e-300, 4.9e-324 * (1L << 40) };

    [Theory]
    [MemberData(nameof(Factors))]
    public void Fit_OfAnExtremeSeries_IsFinite(double factor)
    {
        double?[] y = Times([1, 2, 1, 3, 2, 1.5, 1.75], factor);

        var t = Trends.Fit(y, Y2000);

        AllFinite(t);
        t.Slope.Should().NotBeNull();
        t.RSquared.Should().NotBeNull().And.BeInRange(0, 1);
        t.MannKendall!.SenSlopeLow.Should().NotBeNull();
        t.MannKendall.SenSlopeHigh.Should().NotBeNull();
    }

    [Fact]
    public void Fit_OfTheReportedSeries_HasAFiniteIntervalAndRSquared()
    {
        var t = Trends.Fit(new double?[] { 1e160, 2e160, 1e160, 3e160, 2e160 }, Y2000);

        AllFinite(t);
        t.SlopeLow.Should().NotBeNull();
        t.SlopeHigh.Should().NotBeNull();
        t.RSquared.Should().NotBeNull();
    }

    [Fact]
    public void Fit_NearTheLargestDouble_GivesSensIntervalAndNullsWhatDoesNotFit()
    {
        var t = Trends.Fit(new double?[] { 1e308, 1.5e308, 1e308, 1.7e308, 1.2e308, 1.6e308 }, Y2000);

        AllFinite(t);
        t.MannKendall!.SenSlopeLow.Should().NotBeNull();
        t.MannKendall.SenSlopeHigh.Should().NotBeNull();
        t.RSquared.Should().NotBeNull();
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    [InlineData(900)]
    [InlineData(-900)]
    public void Fit_OfASeriesScaledByAPowerOfTwo_ScalesEveryResultExactly(int exponent)
    {
        var factor = Math.ScaleB(1, exponent);

        var a = Trends.Fit(Ordinary, Y2000);
        var b = Trends.Fit(Times(Ordinary, factor), Y2000);

        b.Slope.Should().Be(a.Slope * factor);
        b.SlopeLow.Should().Be(a.SlopeLow * factor);
        b.SlopeHigh.Should().Be(a.SlopeHigh * factor);
        b.Intercept.Should().Be(a.Intercept * factor);
        b.RSquared.Should().Be(a.RSquared);
        b.MannKendall!.SenSlope.Should().Be(a.MannKendall!.SenSlope * factor);
        b.MannKendall.SenSlopeLow.Should().Be(a.MannKendall.SenSlopeLow * factor);
        b.MannKendall.SenSlopeHigh.Should().Be(a.MannKendall.SenSlopeHigh * factor);
        b.MannKendall.PValue.Should().Be(a.MannKendall.PValue);
        b.MannKendall.Tau.Should().Be(a.MannKendall.Tau);
    }

    [Fact]
    public void Fit_WhoseSlopeIntervalDoesNotFitInADouble_LeavesItUndefined()
    {
        // Slope 0 with one degree of freedom: t(0.95, 1) · se ≈ 6.3 × 0.98e308 does not fit.
        var t = Trends.Fit(new double?[] { -0.85e308, 0.85e308, -0.85e308 }, Y2000);

        AllFinite(t);
        t.Slope.Should().Be(0);
        t.Intercept.Should().NotBeNull();
        t.SlopeLow.Should().BeNull();
        t.SlopeHigh.Should().BeNull();
    }

    [Fact]
    public void Fit_OfValuesSpanningMoreThanTheLargestDouble_IsRejected()
    {
        var act = () => Trends.Fit(new double?[] { -1e308, 1e308, 0, 1e308 }, Y2000);

        act.Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("*span*-1E+308*1E+308*");
    }

    [Theory]
    [MemberData(nameof(Factors))]
    public void Detect_OfAnExtremeSeries_IsFinite(double factor)
    {
        double?[] y = Times([1, 1.1, 0.9, 1, 1.05, 3, 3.1, 2.9, 3, 3.05], factor);

        var r = ChangePoints.Detect(y, Y2000);

        AllFinite(r);
        r.NoiseSigma.Should().NotBeNull();
        r.ChangePoints.Should().ContainSingle().Which.Period.Should().Be(Period.FromYear(2005));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    [InlineData(700)]
    [InlineData(-700)]
    public void Detect_OfASeriesScaledByAPowerOfTwo_ScalesEveryResultExactly(int exponent)
    {
        var factor = Math.ScaleB(1, exponent);
        double?[] y = [1, 1.1, 0.9, 1, 1.05, 3, 3.1, 2.9, 3, 3.05, 2, 2.1, 1.9];

        var a = ChangePoints.Detect(y, Y2000);
        var b = ChangePoints.Detect(Times(y, factor), Y2000);

        b.NoiseSigma.Should().Be(a.NoiseSigma * factor);
        b.Penalty.Should().Be(a.Penalty * factor * factor is { } p && double.IsFinite(p) ? p : null, "β beyond the largest double is undefined");
        b.ChangePoints.Select(c => (c.Period, c.MeanBefore, c.MeanAfter, c.Shift))
            .Should().Equal(a.ChangePoints.Select(c => (c.Period, c.MeanBefore * factor, c.MeanAfter * factor, c.Shift * factor)));
        b.Segments.Select(s => s.Mean).Should().Equal(a.Segments.Select(s => s.Mean * factor));
    }

    [Fact]
    public void Detect_WhosePenaltyDoesNotFitInADouble_LeavesItUndefined()
    {
        var r = ChangePoints.Detect(new double?[] { 1e160, 2e160, 1e160, 3e160, 2e160, 9e160, 8e160, 9e160 }, Y2000);

        AllFinite(r);
        r.NoiseSigma.Should().NotBeNull();
        r.Penalty.Should().BeNull("σ̂² · c · ln n is about 1e321");
    }

    [Fact]
    public void Detect_WithAKnownSigmaWhosePenaltyOverflows_FindsNoChangeAndLeavesThePenaltyUndefined()
    {
        var r = ChangePoints.Detect(Ordinary, Y2000, ChangePointOptions.Default with { NoiseSigma = 1e200 });

        AllFinite(r);
        r.NoiseSigma.Should().Be(1e200);
        r.Penalty.Should().BeNull();
        r.ChangePoints.Should().BeEmpty();
    }

    [Fact]
    public void Detect_OfValuesSpanningMoreThanTheLargestDouble_IsRejected()
    {
        var act = () => ChangePoints.Detect(new double?[] { -1e308, 1e308, 0, 1e308 }, Y2000);

        act.Should().Throw<ArgumentException>().WithParameterName("values");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void EstimateNoise_RejectsValuesThatAreNotFinite(double bad)
    {
        var act = () => ChangePoints.EstimateNoise([1, bad, 2]);

        act.Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("*values?1? was*");
    }

    [Fact]
    public void EstimateNoise_OfHugeValues_IsFinite()
    {
        ChangePoints.EstimateNoise([1e300, 1.7e308, 1e307, 1.5e308]).Should().BeInRange(1e306, double.MaxValue);
    }

    [Fact]
    public void EstimateNoise_ThatDoesNotFitInADouble_IsRejected()
    {
        var act = () => ChangePoints.EstimateNoise([-1.7e308, 1.7e308, -1.7e308, 1.7e308]);

        act.Should().Throw<ArgumentException>().WithParameterName("values");
    }

    [Fact]
    public void Trends_OfAHugeCustomCount_AreFinite()
    {
        var dyad = new Dyad("P", "C");
        var b = TestCases.Builder();
        b.From = Period.FromYear(2000);
        b.To = Period.FromYear(2009);
        var @case = b.Add(TestCases.Support("s", TestCases.Year(2000), "P", "C", 0.5)).Build();
        var scores = Scorer.Score(@case, ScoringOptions.Default with { CustomMeasures = [new HugeCount()], MaxDegreeOfParallelism = 1 }, ScoringRequest.ForDyad("P", "C"));

        var t = Trends.Fit(scores, "hugeCount", dyad);
        var c = ChangePoints.Detect(scores, "hugeCount", dyad);

        AllFinite(t);
        AllFinite(c);
        t.Points.Should().Be(10);
    }

    private static void AllFinite(TrendResult t)
    {
        double?[] values = [t.Slope, t.SlopeLow, t.SlopeHigh, t.Intercept, t.RSquared];
        values.Should().OnlyContain(v => v == null || double.IsFinite(v.Value), $"trend {t}");
        if (t.MannKendall is { } mk)
        {
            double?[] more = [mk.VarianceS, mk.Z, mk.PValue, mk.Tau, mk.SenSlope, mk.SenSlopeLow, mk.SenSlopeHigh];
            more.Should().OnlyContain(v => v == null || double.IsFinite(v.Value), $"test {mk}");
        }
    }

    private static void AllFinite(ChangePointResult r)
    {
        double?[] values = [r.NoiseSigma, r.Penalty, .. r.Segments.Select(s => (double?)s.Mean), .. r.ChangePoints.SelectMany(c => new double?[] { c.MeanBefore, c.MeanAfter, c.Shift })];
        values.Should().OnlyContain(v => v == null || double.IsFinite(v.Value), $"result {r}");
    }

    /// <summary>A count of 1e300, 2e300 or 3e300 by period (every double that large is a whole number).</summary>
    private sealed class HugeCount() : Measure("hugeCount")
    {
        public override MeasureScale Scale => MeasureScale.Count;

        public override string Formula => "huge";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => 1e300 * ((at.T % 3) + 1);

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }
}
