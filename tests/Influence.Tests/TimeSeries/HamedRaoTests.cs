using FluentAssertions;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.TimeSeries;

/// <summary>
/// The modified Mann–Kendall test (Hamed and Rao 1998). The expected figures were computed independently by a
/// throwaway standard-library Python script (numpy was not available) following R's modifiedmk::mmkh: Sen's slope,
/// detrend, average ranks, the sample autocorrelation of the ranks at lags 1 … n − 1, lags with |r_k| &gt; 1.96/√n kept.
/// </summary>
public class HamedRaoTests
{
    [Fact]
    public void Corrected_MatchesAnIndependentComputation_WithOneSignificantLag()
    {
        // A trend with a lag-3 echo: r_3 = 0.539 of the detrended ranks exceeds 1.96/√16 = 0.49; r_1, r_2 do not.
        double?[] x = [1.2, 1.9, 2.1, 2.8, 2.6, 3.4, 4.1, 4.0, 4.6, 5.3, 5.1, 5.9, 6.8, 6.5, 7.2, 7.9];

        var mk = Trends.MannKendall(x)!;

        mk.S.Should().Be(112);
        mk.VarianceS.Should().BeApproximately(493.3333333333333, 1e-9);
        mk.SenSlope.Should().BeApproximately(0.4279220779220779, 1e-12);
        var c = mk.Corrected;
        c.Undefined.Should().BeNull();
        c.SignificantLags.Should().Be(1);
        c.Factor.Should().BeApproximately(1.5505199579831932, 1e-12);
        c.VarianceS.Should().BeApproximately(764.9231792717086, 1e-9);
        c.Z.Should().BeApproximately(4.013414986771126, 1e-12);
        c.PValue.Should().BeApproximately(5.984656277006199e-05, 1e-15);
        mk.Z.Should().BeGreaterThan(c.Z!.Value, "positive autocorrelation widens Var(S), so the corrected z is smaller");
    }

    [Fact]
    public void Corrected_EqualsTheNormalApproximation_WhenNoLagIsSignificant()
    {
        double?[] x = [3, 1, 4, 1, 5, 9, 2, 6];

        var mk = Trends.MannKendall(x)!;

        mk.S.Should().Be(11);
        mk.VarianceS.Should().BeApproximately(64.33333333333333, 1e-9, "one pair of tied 1s");
        mk.Corrected.SignificantLags.Should().Be(0);
        mk.Corrected.Factor.Should().Be(1);
        mk.Corrected.Z.Should().BeApproximately(1.2467574523850742, 1e-12);
        mk.Corrected.PValue.Should().BeApproximately(0.21248644570250086, 1e-12);
        mk.Corrected.Z.Should().Be(mk.Z, "with factor 1 the corrected z is the classic one");
    }

    [Fact]
    public void Corrected_IsUndefined_WhenTheFactorIsNotPositive()
    {
        // Strong negative lag-1 autocorrelation of the ranks: n/n*ₛ = −0.01818 (independent computation).
        double?[] x = [0, 0, 1, 0, 2, 1, 2];

        var c = Trends.MannKendall(x)!.Corrected;

        c.SignificantLags.Should().Be(1);
        (c.Factor, c.VarianceS, c.Z, c.PValue).Should().Be(((double?)null, (double?)null, (double?)null, (double?)null));
        c.Undefined.Should().Contain("not positive").And.Contain("-0.0181818");
    }

    [Fact]
    public void Corrected_IsUndefined_WhenTheDetrendedSeriesIsConstant()
    {
        double?[] line = [1, 2, 3, 4, 5];
        double?[] decimals = [0.1, 0.2, 0.3, 0.4, 0.5]; // detrends to 0.1, 0.1, 0.09999999999999998, …: rounding, not dependence
        double?[] flat = [2, 2, 2, 2];

        foreach (var x in new[] { line, decimals, flat })
        {
            var c = Trends.MannKendall(x)!.Corrected;

            (c.Factor, c.Z, c.PValue).Should().Be(((double?)null, (double?)null, (double?)null));
            c.SignificantLags.Should().Be(0);
            c.Undefined.Should().Contain("ranks are all tied");
        }
    }

    [Fact]
    public void Corrected_HasFactorOne_WithThreeValues_WhereNoLagCarriesWeight()
    {
        var mk = Trends.MannKendall([1.0, 2.0, 4.0])!;

        mk.Corrected.Factor.Should().Be(1);
        mk.Corrected.VarianceS.Should().Be(mk.VarianceS);
        mk.IsExact.Should().BeTrue("the classic p of 3 values without ties is exact");
        mk.Corrected.Z.Should().Be(mk.Z);
        mk.Corrected.PValue.Should().BeApproximately(0.2962698714842864, 1e-12, "the corrected p is the normal approximation: erfc(1.0445/√2) for S = 3, Var(S) = 11/3");
    }

    [Fact]
    public void Corrected_UsesThePeriodPositions_WhenDetrending_AcrossAGap()
    {
        // With the gap the values lie on one line in time (slope 1 per period), so the detrended series is constant;
        // taken as consecutive they would not be.
        double?[] x = [1, 2, null, 4, 5, 6];

        var c = Trends.MannKendall(x)!.Corrected;

        c.Undefined.Should().Contain("ranks are all tied");
    }
}
