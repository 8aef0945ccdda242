using System.Globalization;
using Influence.Cases;
using Influence.Internal;
using Influence.Scoring;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearRegression;

namespace Influence.TimeSeries;

/// <summary>The trend of a series over a range of periods (see <see cref="Trends"/>).</summary>
/// <param name="From">The first period of the range.</param>
/// <param name="To">The last period of the range.</param>
/// <param name="Points">The number of defined values used.</param>
/// <param name="Skipped">The number of undefined periods left out (never imputed).</param>
/// <param name="Level">The coverage of the intervals.</param>
/// <param name="Slope">The least-squares slope per period, or null with fewer than 3 points.</param>
/// <param name="SlopeLow">The lower end of the slope's interval (Student t, n − 2 degrees of freedom).</param>
/// <param name="SlopeHigh">The upper end of the slope's interval.</param>
/// <param name="Intercept">The fitted value at <paramref name="From"/>.</param>
/// <remarks>
/// A statistic is null, never NaN or infinite, when it is undefined, including when it does not fit in a double
/// (values near ±1.8e308).
/// </remarks>
/// <param name="RSquared">The share of variance the line explains (null when the series is flat).</param>
/// <param name="MannKendall">The rank-based test and Sen's slope, or null with fewer than 3 points.</param>
public sealed record TrendResult(
    Period From,
    Period To,
    int Points,
    int Skipped,
    double Level,
    double? Slope,
    double? SlopeLow,
    double? SlopeHigh,
    double? Intercept,
    double? RSquared,
    MannKendallTest? MannKendall)
{
    /// <summary>The number of periods per year, to turn a slope per period into one per year.</summary>
    public int PeriodsPerYear => From.Granularity.PeriodsPerYear();
}

/// <summary>
/// The Mann–Kendall test for a monotonic trend and Sen's slope: rank-based, so one outlier or a skewed distribution
/// does not drive them, which suits short, noisy series of scores.
/// </summary>
/// <param name="Points">The number of values.</param>
/// <param name="S">S = Σ over i &lt; j of sign(x_j − x_i).</param>
/// <param name="VarianceS">Var(S) under no trend, with the tie correction: [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18.</param>
/// <param name="Z">
/// The normal score (S ∓ 1) / √Var(S), with continuity correction; 0 when S = 0; null (undefined) when Var(S) = 0,
/// that is when every value is the same.
/// </param>
/// <param name="PValue">
/// The two-sided p-value: exact when there are no ties and n ≤ 50, else from <paramref name="Z"/> (erfc(|Z|/√2), never
/// rounded: a tiny p stays a tiny positive number, not 0); null (undefined, not 1) when Var(S) = 0: a constant series
/// has no order to test, which is not the same as no evidence of a trend.
/// </param>
/// <param name="IsExact">Whether <paramref name="PValue"/> is exact.</param>
/// <param name="Tau">Kendall's τ-b: S / √(N · (N − Σ t(t−1)/2)), N = n(n−1)/2; null when Var(S) = 0 (every pair tied).</param>
/// <param name="SenSlope">Sen's slope per period: the median of (x_j − x_i) / (t_j − t_i) over all pairs.</param>
/// <param name="SenSlopeLow">The lower end of Sen's slope's interval (Gilbert 1987), or null when the series is too short for one.</param>
/// <param name="SenSlopeHigh">The upper end, or null (also when it does not fit in a double).</param>
/// <param name="Corrected">
/// The same test with Var(S) corrected for the autocorrelation of the values (Hamed and Rao 1998): read it instead of
/// <paramref name="Z"/> and <paramref name="PValue"/> when the values may be serially dependent, as a windowed measure's are.
/// </param>
public sealed record MannKendallTest(
    int Points,
    long S,
    double VarianceS,
    double? Z,
    double? PValue,
    bool IsExact,
    double? Tau,
    double SenSlope,
    double? SenSlopeLow,
    double? SenSlopeHigh,
    HamedRaoCorrection Corrected);

/// <summary>
/// The modified Mann–Kendall test of Hamed and Rao (1998): Var(S) multiplied by n/n*ₛ, which the significant
/// autocorrelations of the ranks of the detrended series give (see
/// <see href="https://github.com/influence-research/influence/blob/main/docs/time-series.md">docs/time-series.md</see>).
/// S is unchanged. The p-value is always from the normal approximation.
/// </summary>
/// <param name="Factor">n/n*ₛ = 1 + 2/(n(n−1)(n−2)) · Σ (n−k)(n−k−1)(n−k−2) r_k over the significant lags k; null when undefined.</param>
/// <param name="SignificantLags">How many lags k in 1 … n−1 had |r_k| above the 5% bound 1.96/√n (0 when undefined).</param>
/// <param name="VarianceS">The corrected Var(S) = Var(S) · <paramref name="Factor"/>; null when undefined.</param>
/// <param name="Z">The corrected normal score (S ∓ 1)/√(corrected Var(S)), 0 when S = 0; null when undefined.</param>
/// <param name="PValue">The two-sided p-value erfc(|Z|/√2); null when undefined.</param>
/// <param name="Undefined">Why the correction is undefined (the ranks of the detrended series are all tied, or n/n*ₛ ≤ 0), or null when it is defined.</param>
public sealed record HamedRaoCorrection(
    double? Factor,
    int SignificantLags,
    double? VarianceS,
    double? Z,
    double? PValue,
    string? Undefined);

/// <summary>
/// Trends of score series: the least-squares slope with its interval, and the Mann–Kendall test with Sen's slope
/// (<see href="https://github.com/influence-research/influence/blob/main/docs/time-series.md">docs/time-series.md</see>).
/// </summary>
/// <remarks>
/// Undefined periods are left out (not imputed); each value keeps its period position, so x is time in periods and
/// slopes are per period (× <see cref="TrendResult.PeriodsPerYear"/> for per year). Kendall (1975), Mann (1945),
/// Sen (1968), Gilbert (1987) ch. 16; the correction for autocorrelation, Hamed and Rao (1998).
/// </remarks>
public static class Trends
{
    /// <summary>The largest series whose Mann–Kendall p-value is computed exactly (when it has no ties).</summary>
    public const int ExactLimit = 50;

    /// <summary>The trend of a measure for one dyad over a range of the scored periods.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="measure">The measure name.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="from">The first period (null: the first in which the dyad is scored, both its parties existing).</param>
    /// <param name="to">The last period (null: the last in which the dyad is scored).</param>
    /// <param name="level">The coverage of the intervals (default 0.9).</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentException">The measure, dyad or a period was not scored, or the range is reversed.</exception>
    public static TrendResult Fit(ScoreSet scores, string measure, Dyad dyad, Period? from = null, Period? to = null, double level = 0.9)
    {
        var (values, start) = DefinedSeries.FromScores(scores, measure, dyad, from, to);
        return Fit(values, start, level);
    }

    /// <summary>The trend of a series.</summary>
    /// <param name="values">One value per period (null where undefined).</param>
    /// <param name="from">The period of the first value.</param>
    /// <param name="level">The coverage of the intervals, in (0, 0.999] (default 0.9), the rule of every coverage the library takes (<see cref="Uncertainty.IntervalOptions.Level"/>).</param>
    /// <returns>
    /// The trend; with fewer than 3 defined values its statistics are null, and so is any that does not fit in a
    /// double (for example the interval of a slope near the largest double). Never NaN or infinite.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// The series is empty, holds a NaN or infinity, or its values span more than the largest double (max − min overflows).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 0.999].</exception>
    public static TrendResult Fit(IReadOnlyList<double?> values, Period from, double level = 0.9)
    {
        CheckLevel(level);
        var s = DefinedSeries.Of(values, from, nameof(values));
        if (s.Count < 3)
        {
            return new TrendResult(s.From, s.To, s.Count, s.Skipped, level, null, null, null, null, null, null);
        }

        s.RequireFiniteRange(nameof(values));
        var x = s.Positions.Select(p => (double)p).ToArray();

        // Computed at the series' scale (see DefinedSeries.Exponent: ordinary series as they are), then scaled back;
        // a result that does not fit in a double is undefined.
        var y = s.Scaled;
        var n = y.Length;
        var (intercept, slope) = SimpleRegression.Fit(x, y);
        var meanX = x.Average();
        var meanY = y.Average();
        double sxx = 0, ssr = 0, sst = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            var r = y[i] - (intercept + (slope * x[i]));
            ssr += r * r;
            sst += (y[i] - meanY) * (y[i] - meanY);
        }

        var se = Math.Sqrt(ssr / (n - 2) / sxx);
        var t = StudentT.InvCDF(0, 1, n - 2, 1 - ((1 - level) / 2));
        double? r2 = sst > 0 ? Math.Clamp(1 - (ssr / sst), 0, 1) : null;
        var mk = MannKendall(s, level);
        return new TrendResult(
            s.From,
            s.To,
            n,
            s.Skipped,
            level,
            s.UnscaleOrNull(slope),
            s.UnscaleOrNull(slope - (t * se)),
            s.UnscaleOrNull(slope + (t * se)),
            s.UnscaleOrNull(intercept),
            r2 is { } v ? DefinedSeries.Finite(v) : null,
            mk);
    }

    /// <summary>The Mann–Kendall test and Sen's slope of a series.</summary>
    /// <param name="values">One value per period (null where undefined).</param>
    /// <param name="level">The coverage of Sen's slope's interval (default 0.9).</param>
    /// <returns>The test, or null with fewer than 3 defined values.</returns>
    /// <exception cref="ArgumentException">
    /// The series is empty, holds a NaN or infinity, or its values span more than the largest double (max − min overflows).
    /// </exception>
    public static MannKendallTest? MannKendall(IReadOnlyList<double?> values, double level = 0.9)
    {
        CheckLevel(level);
        var s = DefinedSeries.Of(values, Period.FromYear(2000), nameof(values));
        if (s.Count < 3)
        {
            return null;
        }

        s.RequireFiniteRange(nameof(values));
        return MannKendall(s, level);
    }

    /// <summary>
    /// The two-sided exact p-value of Mann–Kendall's S for n values without ties: P(|S'| ≥ |S|) over the n!
    /// equally likely orders, from the distribution of the number of inversions of a permutation
    /// (S = n(n−1)/2 − 2 · inversions).
    /// </summary>
    /// <param name="n">The number of values (1 … <see cref="ExactLimit"/>).</param>
    /// <param name="s">The statistic.</param>
    /// <returns>The p-value in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="n"/> is outside 1 … <see cref="ExactLimit"/>, or <paramref name="s"/> is not a value S takes for
    /// n values without ties (−n(n−1)/2 … n(n−1)/2, in steps of 2).
    /// </exception>
    public static double ExactPValue(int n, long s)
    {
        if (n is < 1 or > ExactLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, string.Create(CultureInfo.InvariantCulture, $"the exact distribution of S is computed for 1 to {ExactLimit} values; was {n} (use the normal approximation beyond)"));
        }
        var pairs = n * (n - 1) / 2;
        if (s < -pairs || s > pairs || (pairs - s) % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(s), s, $"S of {n} values without ties is one of −{pairs}, −{pairs - 2}, …, {pairs}");
        }

        if (s == 0)
        {
            return 1;
        }

        // f[k] = P(inversions = k) for permutations of m elements, built up m = 1 … n.
        var f = new double[pairs + 1];
        f[0] = 1;
        var max = 0;
        for (var m = 2; m <= n; m++)
        {
            var next = new double[pairs + 1];
            var newMax = max + m - 1;
            for (var k = 0; k <= newMax; k++)
            {
                double sum = 0;
                for (var j = 0; j < m && j <= k; j++)
                {
                    if (k - j <= max)
                    {
                        sum += f[k - j];
                    }
                }

                next[k] = sum / m;
            }

            f = next;
            max = newMax;
        }

        // P(S ≥ |s|) = P(inversions ≤ (pairs − |s|) / 2).
        var limit = (pairs - Math.Abs(s)) / 2;
        double tail = 0;
        for (var k = 0; k <= limit; k++)
        {
            tail += f[k];
        }

        return Math.Min(1, 2 * tail);
    }

    private static MannKendallTest MannKendall(DefinedSeries series, double level)
    {
        // S and the ties from the values themselves; the slopes at the series' scale (see DefinedSeries.Exponent).
        var y = series.Values;
        var scaled = series.Scaled;
        var t = series.Positions;
        var n = y.Length;
        long s = 0;
        var slopes = new List<double>(n * (n - 1) / 2);
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(y[j] - y[i]);
                slopes.Add((scaled[j] - scaled[i]) / (t[j] - t[i]));
            }
        }

        var ties = y.GroupBy(v => v).Select(g => (long)g.Count()).Where(c => c > 1).ToArray();
        double nn = n;
        var variance = ((nn * (nn - 1) * ((2 * nn) + 5)) - ties.Sum(c => c * (c - 1) * ((2.0 * c) + 5))) / 18;
        // Var(S) = 0 only when every value is the same (one group of n ties; n ≥ 3 here): S is then 0 with no spread,
        // and z, p and τ-b are undefined (null), not 0, 1 and 0.
        double? z = variance > 0 ? s > 0 ? (s - 1) / Math.Sqrt(variance) : s < 0 ? (s + 1) / Math.Sqrt(variance) : 0 : null;
        var exact = ties.Length == 0 && n <= ExactLimit;
        // 2·(1 − Φ(|z|)) as erfc(|z|/√2): the complement computed directly, not as 1 − Φ, which cancels to 0 beyond |z| ≈ 8.3
        // (and loses digits well before); p stays a positive double down to about 1e-308.
        double? p = exact ? ExactPValue(n, s) : z is { } zz ? Math.Min(1, SpecialFunctions.Erfc(Math.Abs(zz) / Math.Sqrt(2))) : null;
        var pairs = nn * (nn - 1) / 2;
        var tiedPairs = ties.Sum(c => c * (c - 1) / 2.0);
        double? tau = pairs - tiedPairs > 0 ? s / Math.Sqrt(pairs * (pairs - tiedPairs)) : null;

        slopes.Sort();

        // With a finite range (DefinedSeries.RequireFiniteRange) every slope, so their median, fits in a double.
        var senScaled = MathNet.Numerics.Statistics.SortedArrayStatistics.Median([.. slopes]);
        var sen = series.Unscale(senScaled);
        var c = Normal.InvCDF(0, 1, 1 - ((1 - level) / 2)) * Math.Sqrt(variance);
        var m1 = (slopes.Count - c) / 2;
        var m2 = ((slopes.Count + c) / 2) + 1;
        double? low = m1 >= 1 ? series.UnscaleOrNull(OrderStatistic(slopes, m1)) : null;
        double? high = m2 <= slopes.Count ? series.UnscaleOrNull(OrderStatistic(slopes, m2)) : null;
        return new MannKendallTest(n, s, variance, z, p, exact, tau, sen, low, high, HamedRao(scaled, t, senScaled, s, variance));
    }

    /// <summary>
    /// The two-sided 5% bound on the autocorrelation of the ranks, as a multiple of 1/√n: Φ⁻¹(0.975).
    /// </summary>
    private const double LagBound = 1.959963984540054;

    /// <summary>
    /// Hamed and Rao (1998): detrend with Sen's slope, rank, and correct Var(S) by the significant autocorrelations
    /// of the ranks. Every step is defined for n ≥ 3 except where the ranks are all tied or the factor is not positive.
    /// </summary>
    private static HamedRaoCorrection HamedRao(double[] scaled, int[] positions, double senScaled, long s, double variance)
    {
        var n = scaled.Length;
        var detrended = new double[n];
        for (var i = 0; i < n; i++)
        {
            detrended[i] = scaled[i] - (senScaled * positions[i]);
        }

        // Average ranks, with values that differ only by the rounding of x − β·t (a few units in the last place of the
        // largest term) taken as tied: values exactly on a line must detrend to a constant, not to rounding noise.
        double magnitude = 0;
        for (var i = 0; i < n; i++)
        {
            magnitude = Math.Max(magnitude, Math.Abs(scaled[i]) + Math.Abs(senScaled * positions[i]));
        }

        var tolerance = 64 * Math.ScaleB(1, -52) * magnitude;
        var order = Enumerable.Range(0, n).OrderBy(i => detrended[i]).ThenBy(i => i).ToArray();
        var ranks = new double[n];
        for (var a = 0; a < n;)
        {
            var b = a;
            while (b + 1 < n && detrended[order[b + 1]] - detrended[order[b]] <= tolerance)
            {
                b++;
            }

            for (var k = a; k <= b; k++)
            {
                ranks[order[k]] = ((a + b) / 2.0) + 1;
            }

            a = b + 1;
        }

        var mean = (n + 1) / 2.0;
        double denominator = 0;
        foreach (var r in ranks)
        {
            denominator += (r - mean) * (r - mean);
        }

        if (!(denominator > 0) || !(variance > 0))
        {
            return new HamedRaoCorrection(null, 0, null, null, null, "the series less Sen's slope is constant (its ranks are all tied), so the autocorrelation of its ranks is undefined");
        }

        // r_k = Σ_{i ≤ n−k} (R_i − R̄)(R_{i+k} − R̄) / Σ (R_i − R̄)², the usual sample autocorrelation (as R's acf);
        // lags k ≥ n − 2 have weight (n−k)(n−k−1)(n−k−2) = 0.
        var bound = LagBound / Math.Sqrt(n);
        double sum = 0;
        var significant = 0;
        for (var k = 1; k < n; k++)
        {
            double c = 0;
            for (var i = 0; i + k < n; i++)
            {
                c += (ranks[i] - mean) * (ranks[i + k] - mean);
            }

            var rk = c / denominator;
            if (Math.Abs(rk) > bound)
            {
                significant++;
                sum += (double)(n - k) * (n - k - 1) * (n - k - 2) * rk;
            }
        }

        double nn = n;
        var factor = 1 + (2 / (nn * (nn - 1) * (nn - 2)) * sum);
        if (!(factor > 0))
        {
            return new HamedRaoCorrection(null, significant, null, null, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the correction factor n/n*ₛ = {factor:G6} is not positive, so the corrected variance of S is undefined"));
        }

        var corrected = variance * factor;
        var z = s > 0 ? (s - 1) / Math.Sqrt(corrected) : s < 0 ? (s + 1) / Math.Sqrt(corrected) : 0;
        var p = Math.Min(1, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
        return new HamedRaoCorrection(factor, significant, DefinedSeries.Finite(corrected), DefinedSeries.Finite(z), DefinedSeries.Finite(p), null);
    }

    /// <summary>The value at a 1-based, possibly fractional rank of a sorted list (linear interpolation).</summary>
    private static double OrderStatistic(List<double> sorted, double rank)
    {
        var lo = (int)Math.Floor(rank);
        var frac = rank - lo;
        var a = sorted[lo - 1];
        return lo >= sorted.Count || frac == 0 ? a : a + (frac * (sorted[lo] - a));
    }

    private static void CheckLevel(double level)
    {
        if (Check.Level(level) is { } expected)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"level must be {expected}");
        }
    }
}
