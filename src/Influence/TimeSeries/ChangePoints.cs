using System.Collections.Immutable;
using System.Globalization;
using Influence.Cases;
using Influence.Internal;
using Influence.Scoring;
using MathNet.Numerics.Statistics;

namespace Influence.TimeSeries;

/// <summary>How change points are searched for. Immutable; every value is validated when set.</summary>
public sealed record ChangePointOptions
{
    /// <summary>The defaults: segments of at least 2 points, penalty 3 · σ̂² · ln n, σ̂ estimated.</summary>
    public static ChangePointOptions Default { get; } = new();

    /// <summary>The fewest points a segment may have (default 2, so one outlier is not a segment of its own).</summary>
    public int MinimumSegmentLength
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumSegmentLength), $"MinimumSegmentLength must be ≥ 1; was {value}");
    } = 2;

    /// <summary>
    /// c in the penalty β = c · σ̂² · ln n per change point (default 3: the modified BIC of Zhang and Siegmund 2007,
    /// the default of R's changepoint package for changes in mean; c = 2 is the plain BIC).
    /// </summary>
    /// <remarks>
    /// Measured on series of Gaussian noise with σ estimated as below (<see href="https://github.com/influence-research/influence/blob/main/docs/time-series.md">docs/time-series.md</see>): with c = 3 a change point
    /// is found in 13% of pure-noise series of 15 points, 9% of 25 and 4% of 50; with c = 2, in 26%, 22% and 15%.
    /// A shift of 2σ in the middle of 25 points is found (within one period) in 80% of series with c = 3, 83% with c = 2.
    /// </remarks>
    public double PenaltyFactor
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(PenaltyFactor), $"PenaltyFactor must be a positive, finite number; was {Check.Show(value)}");
    } = 3;

    /// <summary>The noise standard deviation σ, when known (null: estimated from the series; see <see cref="ChangePoints"/>).</summary>
    public double? NoiseSigma
    {
        get;
        init => field = value is null || (value > 0 && double.IsFinite(value.Value)) ? value : throw new ArgumentOutOfRangeException(nameof(NoiseSigma), $"NoiseSigma must be a positive, finite number or null; was {Check.Show(value!.Value)}");
    }

    /// <summary>
    /// A floor under the estimated σ̂: the search uses max(σ̂, floor) (null, the default: no floor, σ̂ as estimated).
    /// Ignored when <see cref="NoiseSigma"/> is given.
    /// </summary>
    /// <remarks>
    /// For series whose σ̂ collapses (most first differences near zero, as in a run of zeros): the penalty then grows
    /// with the floor, so only steps large against it count. Choose it from what a step too small to matter is, before
    /// looking at the result, and report it; <see cref="ChangePointResult.SmallNoiseWarning"/> says when σ̂ is small.
    /// </remarks>
    public double? MinimumNoiseSigma
    {
        get;
        init => field = value is null || (value > 0 && double.IsFinite(value.Value)) ? value : throw new ArgumentOutOfRangeException(nameof(MinimumNoiseSigma), $"MinimumNoiseSigma must be a positive, finite number or null; was {Check.Show(value!.Value)}");
    }
}

/// <summary>A change in the mean of a series.</summary>
/// <param name="Period">The first period of the new segment.</param>
/// <param name="Position">Its position in the series (0 = the series' first period).</param>
/// <param name="MeanBefore">The mean of the segment before.</param>
/// <param name="MeanAfter">The mean of the segment from <paramref name="Period"/> on.</param>
/// <param name="Shift">MeanAfter − MeanBefore: the size of the shift.</param>
public sealed record ChangePoint(Period Period, int Position, double MeanBefore, double MeanAfter, double Shift);

/// <summary>A stretch of a series with one mean.</summary>
/// <param name="From">Its first period with a value.</param>
/// <param name="To">Its last period with a value.</param>
/// <param name="Points">The number of defined values in it.</param>
/// <param name="Mean">Their mean.</param>
public sealed record Segment(Period From, Period To, int Points, double Mean);

/// <summary>The change points of a series (see <see cref="ChangePoints"/>).</summary>
/// <param name="From">The first period of the series.</param>
/// <param name="To">The last period.</param>
/// <param name="Points">The number of defined values searched.</param>
/// <param name="Skipped">The number of undefined periods left out (never imputed).</param>
/// <param name="NoiseSigma">σ̂: the noise standard deviation used (null with fewer than 2 points, or when it does not fit in a double).</param>
/// <param name="Penalty">β: the cost of one more change point (null with fewer than 2 points, or when it does not fit in a double).</param>
/// <param name="ChangePoints">The change points, in time order.</param>
/// <param name="Segments">The segments between them, in time order (empty when no value is defined).</param>
/// <param name="SmallNoiseWarning">
/// Null, or a warning that the σ used is below <see cref="ChangePoints.SmallNoiseFraction"/> of the series' range
/// (max − min), so that the penalty cannot separate steps from noise and small steps count as change points.
/// </param>
public sealed record ChangePointResult(
    Period From,
    Period To,
    int Points,
    int Skipped,
    double? NoiseSigma,
    double? Penalty,
    ImmutableArray<ChangePoint> ChangePoints,
    ImmutableArray<Segment> Segments,
    string? SmallNoiseWarning = null)
{
    /// <inheritdoc />
    /// <remarks>Compares <see cref="ChangePoints"/> and <see cref="Segments"/> by their contents, in order.</remarks>
    public bool Equals(ChangePointResult? other) =>
        other is not null && From == other.From && To == other.To && Points == other.Points && Skipped == other.Skipped
        && Nullable.Equals(NoiseSigma, other.NoiseSigma) && Nullable.Equals(Penalty, other.Penalty)
        && Records.SequenceEqual(ChangePoints, other.ChangePoints) && Records.SequenceEqual(Segments, other.Segments)
        && SmallNoiseWarning == other.SmallNoiseWarning;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(HashCode.Combine(From, To, Points, Skipped, NoiseSigma, Penalty, Records.SequenceHash(ChangePoints), Records.SequenceHash(Segments)), SmallNoiseWarning);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(From), From).Add(nameof(To), To).Add(nameof(Points), Points).Add(nameof(Skipped), Skipped)
            .Add(nameof(NoiseSigma), NoiseSigma).Add(nameof(Penalty), Penalty).Add(nameof(ChangePoints), ChangePoints).Add(nameof(Segments), Segments)
            .Add(nameof(SmallNoiseWarning), SmallNoiseWarning);
        return true;
    }
}

/// <summary>
/// Change points in the mean of a series: the segmentation that minimises the within-segment sum of squares plus a
/// penalty β per change point, found exactly by optimal partitioning (Jackson et al. 2005), the search PELT (Killick,
/// Fearnhead and Eckley 2012) speeds up by pruning; score series are short (tens to hundreds of periods), so the
/// full O(n²) search is used and gives the same optimum.
/// </summary>
/// <remarks>
/// <code>
/// cost(segment) = Σ (x − mean(segment))²
/// β             = c · σ̂² · ln n                           c = PenaltyFactor (3), n = defined points
/// σ̂             = 1.4826 · MAD(x[i+1] − x[i]) / √2         (robust to the shifts themselves)
/// </code>
/// When more than half the first differences are equal (MAD = 0, common in series with many repeated values), σ̂ is
/// the standard deviation of the first differences / √2 instead; a constant series has no change point. Segments have
/// at least <see cref="ChangePointOptions.MinimumSegmentLength"/> points. Undefined periods are skipped (not imputed):
/// a change between two defined values separated by a gap is reported at the later one. Segmentations whose costs
/// tie (within 10⁻⁹ of the total sum of squares) resolve to the one with the earlier last change. When the σ used is below
/// <see cref="SmallNoiseFraction"/> of the series' range, the result carries <see cref="ChangePointResult.SmallNoiseWarning"/>.
/// </remarks>
public static class ChangePoints
{
    /// <summary>
    /// σ below this fraction of the series' range (max − min) draws <see cref="ChangePointResult.SmallNoiseWarning"/>:
    /// 1%. The penalty then lets through any step between two segments of m values larger than about
    /// σ·√(2c·ln n / m), a few hundredths of the range at most, so the search no longer separates steps from noise.
    /// Gaussian noise, even with one shift of several σ, rarely comes near it (see docs/time-series.md).
    /// </summary>
    public const double SmallNoiseFraction = 0.01;

    /// <summary>
    /// Two segmentations whose costs differ by less than this fraction of the series' total sum of squares (plus the
    /// cost itself) tie, and the one with the earlier last change wins.
    /// </summary>
    private const double TieTolerance = 1e-9;

    /// <summary>The change points of a measure for one dyad over a range of the scored periods.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="measure">The measure name.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="from">The first period (null: the first in which the dyad is scored, both its parties existing).</param>
    /// <param name="to">The last period (null: the last in which the dyad is scored).</param>
    /// <param name="options">The search options (null: the defaults).</param>
    /// <returns>The change points.</returns>
    /// <exception cref="ArgumentException">The measure, dyad or a period was not scored, or the range is reversed.</exception>
    public static ChangePointResult Detect(ScoreSet scores, string measure, Dyad dyad, Period? from = null, Period? to = null, ChangePointOptions? options = null)
    {
        var (values, start) = DefinedSeries.FromScores(scores, measure, dyad, from, to);
        return Detect(values, start, options);
    }

    /// <summary>The change points of a series.</summary>
    /// <param name="values">One value per period (null where undefined).</param>
    /// <param name="from">The period of the first value.</param>
    /// <param name="options">The search options (null: the defaults).</param>
    /// <returns>The change points.</returns>
    /// <exception cref="ArgumentException">
    /// The series is empty, holds a NaN or infinity, or its values span more than the largest double (max − min overflows).
    /// </exception>
    public static ChangePointResult Detect(IReadOnlyList<double?> values, Period from, ChangePointOptions? options = null)
    {
        options ??= ChangePointOptions.Default;
        var s = DefinedSeries.Of(values, from, nameof(values));
        var n = s.Count;
        if (n == 0)
        {
            return new ChangePointResult(s.From, s.To, 0, s.Skipped, null, null, [], []);
        }

        if (n < 2)
        {
            return new ChangePointResult(s.From, s.To, n, s.Skipped, null, null, [], [new Segment(s.PeriodAt(0), s.PeriodAt(0), 1, s.Values[0])]);
        }

        // Computed at the series' scale (see DefinedSeries.Exponent: ordinary series as they are), then scaled back;
        // σ̂ or β that does not fit in a double is undefined (the segmentation is still found at the series' scale).
        s.RequireFiniteRange(nameof(values));
        var x = s.Scaled;
        var sigma = options.NoiseSigma is { } known
            ? Math.ScaleB(known, -s.Exponent)
            : Math.Max(Noise(x), options.MinimumNoiseSigma is { } floor ? Math.ScaleB(floor, -s.Exponent) : 0);
        var penalty = options.PenaltyFactor * sigma * sigma * Math.Log(n);
        // A known σ is > 0 even where its scaled value underflows; an infinite β allows no change point.
        var starts = (options.NoiseSigma is not null || sigma > 0) && double.IsFinite(penalty)
            ? Partition(x, penalty, options.MinimumSegmentLength)
            : [0];

        var segments = ImmutableArray.CreateBuilder<Segment>(starts.Count);
        for (var k = 0; k < starts.Count; k++)
        {
            var a = starts[k];
            var b = k + 1 < starts.Count ? starts[k + 1] : n;
            double sum = 0;
            for (var i = a; i < b; i++)
            {
                sum += x[i];
            }

            segments.Add(new Segment(s.PeriodAt(a), s.PeriodAt(b - 1), b - a, s.Unscale(sum / (b - a))));
        }

        var changes = ImmutableArray.CreateBuilder<ChangePoint>(starts.Count - 1);
        for (var k = 1; k < starts.Count; k++)
        {
            var before = segments[k - 1].Mean;
            var after = segments[k].Mean;
            changes.Add(new ChangePoint(s.PeriodAt(starts[k]), s.Positions[starts[k]], before, after, after - before));
        }

        var reportedSigma = options.NoiseSigma ?? s.UnscaleOrNull(sigma);
        var reportedPenalty = DefinedSeries.Finite(Math.ScaleB(penalty, 2 * s.Exponent));
        var warning = SmallNoise(x, sigma, s, options, reportedSigma, reportedPenalty);
        return new ChangePointResult(s.From, s.To, n, s.Skipped, reportedSigma, reportedPenalty, changes.ToImmutable(), segments.ToImmutable(), warning);
    }

    /// <summary>The warning when σ (at the series' scale) is below <see cref="SmallNoiseFraction"/> of the range, else null.</summary>
    private static string? SmallNoise(double[] x, double sigma, DefinedSeries s, ChangePointOptions options, double? reportedSigma, double? reportedPenalty)
    {
        var range = x.Max() - x.Min();
        if (!(range > 0) || !(sigma < SmallNoiseFraction * range))
        {
            return null;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var which = options.NoiseSigma is not null ? "the given σ" : options.MinimumNoiseSigma is not null ? "σ̂ (with its floor)" : "σ̂";
        var shownSigma = reportedSigma is { } rs ? rs.ToString("G3", inv) : "(too small to show)";
        var shownPenalty = reportedPenalty is { } rp ? rp.ToString("G3", inv) : "(too small to show)";
        var shownRange = s.UnscaleOrNull(range) is { } r ? r.ToString("G3", inv) : "(beyond a double)";
        return string.Create(
            inv,
            $"{which} = {shownSigma} is below {SmallNoiseFraction * 100:0.##}% of the series' range ({shownRange}), so the penalty β = {shownPenalty} cannot separate steps from noise: steps that are small against the series count as change points (common when most first differences are near 0, as in a run of zeros or of repeated values). Read each change against the series, or set a floor under σ̂ (MinimumNoiseSigma).");
    }

    /// <summary>
    /// σ̂ = 1.4826 · MAD(first differences) / √2; when the MAD is 0, the standard deviation of the first differences / √2.
    /// </summary>
    /// <param name="values">The values (at least 2).</param>
    /// <returns>σ̂ ≥ 0 (0 only for a constant series).</returns>
    /// <exception cref="ArgumentException">
    /// Fewer than 2 values, a NaN or infinity among them, or values so spread that σ̂ exceeds the largest double.
    /// </exception>
    public static double EstimateNoise(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"estimating the noise of a series needs at least 2 values; was {values.Count}"), nameof(values));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"values must be finite numbers; values[{i}] was {Check.Show(values[i])}", nameof(values));
            }
        }

        var s = DefinedSeries.Of([.. values.Select(v => (double?)v)], Period.FromYear(2000), nameof(values));
        return s.UnscaleOrNull(Noise(s.Scaled))
            ?? throw new ArgumentException($"values are too spread for σ̂ to fit in a double (from {Check.Show(s.Values.Min())} to {Check.Show(s.Values.Max())})", nameof(values));
    }

    /// <summary>σ̂ of finite values at least two, whose differences fit in a double.</summary>
    private static double Noise(double[] values)
    {
        var diffs = new double[values.Length - 1];
        for (var i = 0; i < diffs.Length; i++)
        {
            diffs[i] = values[i + 1] - values[i];
        }

        var median = Statistics.Median(diffs);
        var mad = Statistics.Median(diffs.Select(d => Math.Abs(d - median)));
        if (mad > 0)
        {
            return 1.4826 * mad / Math.Sqrt(2);
        }

        if (diffs.Length < 2)
        {
            return Math.Abs(diffs[0]) / Math.Sqrt(2);
        }

        return Statistics.StandardDeviation(diffs) / Math.Sqrt(2);
    }

    /// <summary>Optimal partitioning: the first index of every segment (0 first).</summary>
    private static List<int> Partition(double[] x, double penalty, int minLength)
    {
        var n = x.Length;
        var mean = x.Average();
        var s1 = new double[n + 1];
        var s2 = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            var c = x[i] - mean;
            s1[i + 1] = s1[i] + c;
            s2[i + 1] = s2[i] + (c * c);
        }

        double Cost(int a, int b)
        {
            var sum = s1[b] - s1[a];
            return Math.Max(0, s2[b] - s2[a] - (sum * sum / (b - a)));
        }

        var total = s2[n];
        var best = new double[n + 1];
        var last = new int[n + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = -penalty;
        for (var t = 1; t <= n; t++)
        {
            for (var tau = 0; tau <= t - minLength; tau++)
            {
                if (double.IsPositiveInfinity(best[tau]))
                {
                    continue;
                }

                // Ties go to the earlier τ: a later one must be better by more than rounding, relative to the
                // series' total sum of squares and the value itself (symmetric splits compute equal costs that
                // differ in their last bits).
                var f = best[tau] + Cost(tau, t) + penalty;
                if (f < best[t] - (TieTolerance * (total + Math.Abs(f))))
                {
                    best[t] = f;
                    last[t] = tau;
                }
            }
        }

        if (double.IsPositiveInfinity(best[n]))
        {
            return [0];
        }

        var starts = new List<int>();
        for (var t = n; t > 0; t = last[t])
        {
            starts.Add(last[t]);
        }

        starts.Reverse();
        return starts;
    }
}
