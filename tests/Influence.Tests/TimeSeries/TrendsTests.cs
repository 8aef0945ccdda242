using FluentAssertions;
using Influence.Cases;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.TimeSeries;

public class TrendsTests
{
    private static readonly Period Y2000 = Period.FromYear(2000);

    [Fact]
    public void WithoutARange_TheDyadsOwnRangeIsFitted_NotTheYearsBeforeAPartyExisted()
    {
        var scores = Scorer.Score(Influence.IO.CaseReader.LoadBuiltIn());
        var dyad = new Dyad("pakistan", "taliban");

        var own = Trends.Fit(scores, "conflict", dyad);
        var whole = Trends.Fit(scores, "conflict", dyad, scores.From, scores.To);
        var breaks = ChangePoints.Detect(scores, "conflict", dyad);

        (own.From, own.To, own.Skipped).Should().Be((Period.FromYear(1994), Period.FromYear(2026), 0));
        (breaks.From, breaks.Skipped).Should().Be((Period.FromYear(1994), 0));
        (whole.From, whole.Skipped).Should().Be((Period.FromYear(1973), 21), "the Taliban exist from 1994");
        whole.Slope.Should().BeApproximately(own.Slope!.Value, 1e-12, "leading undefined years move no point");
    }

    [Fact]
    public void Fit_FindsTheSlopeOfAnExactLine_WithAZeroWidthInterval()
    {
        double?[] line = [0.1, 0.2, 0.3, 0.4, 0.5];

        var t = Trends.Fit(line, Y2000);

        t.Slope.Should().BeApproximately(0.1, 1e-12);
        t.SlopeLow.Should().BeApproximately(0.1, 1e-9);
        t.SlopeHigh.Should().BeApproximately(0.1, 1e-9);
        t.Intercept.Should().BeApproximately(0.1, 1e-12);
        t.RSquared.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Fit_GivesTheStudentTInterval()
    {
        // y = 1, 3, 2, 5, 4 at x = 0 … 4: slope 0.8, residual SS 3.6, Sxx 10, se = √(3.6 / 3 / 10) = 0.34641;
        // t(0.95, 3) = 2.35336, so the 90% interval is 0.8 ± 0.81523.
        double?[] y = [1, 3, 2, 5, 4];

        var t = Trends.Fit(y, Y2000);

        t.Slope.Should().BeApproximately(0.8, 1e-12);
        t.SlopeLow.Should().BeApproximately(0.8 - 0.815229, 1e-5);
        t.SlopeHigh.Should().BeApproximately(0.8 + 0.815229, 1e-5);
        t.RSquared.Should().BeApproximately(0.64, 1e-12);
    }

    [Fact]
    public void Fit_SkipsUndefinedPeriods_KeepingTheirPlaceInTime()
    {
        double?[] gappy = [0.0, null, 0.2, null, 0.4, 0.5];

        var t = Trends.Fit(gappy, Y2000);

        t.Points.Should().Be(4);
        t.Skipped.Should().Be(2);
        t.Slope.Should().BeApproximately(0.1, 1e-12);
        t.To.Should().Be(Period.FromYear(2005));
    }

    [Fact]
    public void Fit_IsUndefined_WithFewerThanThreePoints()
    {
        var t = Trends.Fit([0.3, null, 0.5], Y2000);

        t.Points.Should().Be(2);
        t.Slope.Should().BeNull();
        t.SlopeLow.Should().BeNull();
        t.MannKendall.Should().BeNull();
    }

    [Fact]
    public void Fit_HasNoRSquared_ForAFlatSeries()
    {
        var t = Trends.Fit([0.4, 0.4, 0.4, 0.4], Y2000);

        t.Slope.Should().Be(0);
        t.RSquared.Should().BeNull();
        t.MannKendall!.S.Should().Be(0);
        t.MannKendall.VarianceS.Should().Be(0);
    }

    [Fact]
    public void MannKendall_OfAConstantSeries_IsUndefined_NotPOne()
    {
        // Var(S) = 0: every pair is tied, so there is no order to test; p = 1 would read as "no evidence of a trend".
        var mk = Trends.MannKendall([0.4, 0.4, null, 0.4, 0.4, 0.4])!;

        (mk.Z, mk.PValue, mk.Tau).Should().Be(((double?)null, (double?)null, (double?)null));
        mk.S.Should().Be(0);
        mk.IsExact.Should().BeFalse();
        mk.SenSlope.Should().Be(0);
        mk.Corrected.Undefined.Should().NotBeNull();
    }

    [Fact]
    public void MannKendall_OfASeriesWithSomeTies_StaysDefined_WithSZero()
    {
        var mk = Trends.MannKendall([0.4, 0.5, 0.5, 0.4])!;

        mk.S.Should().Be(0);
        (mk.Z, mk.PValue, mk.Tau).Should().Be(((double?)0, (double?)1, (double?)0));
    }

    [Fact]
    public void Fit_RejectsANonFiniteValue()
    {
        var act = () => Trends.Fit([0.1, double.NaN, 0.3], Y2000);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("values");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.9995)]
    [InlineData(0.999999999999)]
    public void Fit_RejectsALevelOutsideTheReliableRange(double level)
    {
        var act = () => Trends.Fit([0.1, 0.2, 0.3], Y2000, level);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("level must be a coverage in (0, 0.999]*").Which.ParamName.Should().Be("level");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(52)]
    public void Fit_AtTheHighestLevel_GivesTheStudentTInterval(int points)
    {
        // With 3 points (1 degree of freedom) the numerics library's quantile fails above 0.9995; at 0.999 the
        // interval is the slope ± t · se with t(1; 0.9995) = 636.619…, known in closed form: tan(π (p − ½)).
        var values = Enumerable.Range(0, points).Select(i => (double?)((0.01 * i) + (i % 2 == 0 ? 0.003 : -0.002))).ToArray();

        var fit = Trends.Fit(values, Y2000, 0.999);

        fit.SlopeLow.Should().NotBeNull();
        fit.SlopeHigh.Should().BeGreaterThan(fit.SlopeLow!.Value);
        if (points == 3)
        {
            // x = 0, 1, 2: the slope's standard error is √(SSR / (n − 2) / Sxx) with Sxx = 2.
            var y = values.Select(v => v!.Value).ToArray();
            var slope = (y[2] - y[0]) / 2;
            var mean = y.Average();
            var ssr = Enumerable.Range(0, 3).Sum(i => Math.Pow(y[i] - (mean + (slope * (i - 1))), 2));
            var se = Math.Sqrt(ssr / 1 / 2);
            var t = Math.Tan(Math.PI * (0.9995 - 0.5));
            var halfWidth = (fit.SlopeHigh!.Value - fit.SlopeLow.Value) / 2;
            halfWidth.Should().BeApproximately(t * se, 1e-6 * t * se);
        }
    }

    [Fact]
    public void MannKendall_CountsConcordantMinusDiscordantPairs()
    {
        // pairs of 1, 3, 2, 5, 4: 8 rising, 2 falling.
        var mk = Trends.MannKendall([1, 3, 2, 5, 4])!;

        mk.S.Should().Be(6);
        mk.VarianceS.Should().BeApproximately(5 * 4 * 15 / 18.0, 1e-12);
        mk.Tau.Should().BeApproximately(0.6, 1e-12);
        mk.IsExact.Should().BeTrue();
    }

    [Fact]
    public void MannKendall_CorrectsTheVarianceForTies()
    {
        // 1, 2, 2, 3: one group of 2 ties; Var = (4·3·13 − 2·1·9) / 18 = 138 / 18.
        var mk = Trends.MannKendall([1, 2, 2, 3])!;

        mk.S.Should().Be(5);
        mk.VarianceS.Should().BeApproximately(138 / 18.0, 1e-12);
        mk.IsExact.Should().BeFalse();
        mk.Z.Should().BeApproximately(4 / Math.Sqrt(138 / 18.0), 1e-12);
        mk.Tau.Should().BeApproximately(5 / Math.Sqrt(6 * 5), 1e-12);
    }

    [Fact]
    public void ExactPValue_OfFourRisingValues_IsTwoIn24()
    {
        Trends.ExactPValue(4, 6).Should().BeApproximately(2 / 24.0, 1e-15);
        Trends.ExactPValue(4, -6).Should().BeApproximately(2 / 24.0, 1e-15);
        Trends.ExactPValue(4, 0).Should().Be(1);
    }

    [Fact]
    public void ExactPValue_MatchesCountingEveryPermutation()
    {
        const int n = 6;
        var all = Permutations(Enumerable.Range(0, n).ToArray()).Select(p => S(p)).ToArray();
        foreach (var s in all.Distinct().Where(s => s > 0))
        {
            var expected = all.Count(x => Math.Abs(x) >= s) / (double)all.Length;
            Trends.ExactPValue(n, s).Should().BeApproximately(expected, 1e-12, $"S = {s}");
        }
    }

    [Fact]
    public void SenSlope_IgnoresAnOutlier()
    {
        double?[] y = [0.0, 0.1, 0.2, 0.9, 0.4, 0.5, 0.6];

        var mk = Trends.MannKendall(y)!;

        mk.SenSlope.Should().BeApproximately(0.1, 1e-12);
        mk.SenSlopeLow.Should().BeLessThanOrEqualTo(0.1);
        mk.SenSlopeHigh.Should().BeGreaterThanOrEqualTo(0.1);
    }

    [Fact]
    public void SenSlope_HasNoInterval_WhenTheSeriesIsTooShortForOne()
    {
        // n = 4: C = 1.645 · √(8.667) = 4.84 > N' − 2 = 4, so the lower rank (6 − 4.84) / 2 < 1.
        var mk = Trends.MannKendall([0.1, 0.2, 0.3, 0.4])!;

        mk.SenSlopeLow.Should().BeNull();
        mk.SenSlopeHigh.Should().BeNull();
    }

    [Fact]
    public void Fit_ReadsAMeasureSeriesFromScores()
    {
        var b = TestCases.Builder();
        for (var y = 2000; y <= 2010; y++)
        {
            for (var k = 0; k <= y - 2000; k++)
            {
                b.Add(TestCases.Coercion($"k{y}-{k}", TestCases.Year(y), "P", "C", 0.1));
            }
        }

        var scores = Scorer.Score(b.Build());
        var t = Trends.Fit(scores, "conflict", new Dyad("P", "C"), Period.FromYear(2002), Period.FromYear(2008));

        t.From.Should().Be(Period.FromYear(2002));
        t.Points.Should().Be(7);
        t.Slope.Should().BePositive();
        t.MannKendall!.S.Should().Be(21);
    }

    private static int S(int[] p)
    {
        var s = 0;
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = i + 1; j < p.Length; j++)
            {
                s += Math.Sign(p[j] - p[i]);
            }
        }

        return s;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var p in Permutations(rest))
            {
                yield return [items[i], .. p];
            }
        }
    }
}
