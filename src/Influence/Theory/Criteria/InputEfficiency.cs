using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Influence.Evidence;
using Influence.Indexing;
using MathNet.Numerics.Distributions;

namespace Influence.Theory;

/// <summary>
/// Rubinstein's second inference: the patron's inputs are instruments that do not necessarily become increments of
/// influence. Does attainment rise as the patron's cumulative inputs rise?
/// </summary>
/// <remarks>
/// <code>
/// points    = (X_τ, a_τ) for periods τ of the trailing window (10 years) in which an objective of the patron was
///             observed, from the later of the first period both parties existed and the patron's first input on;
///             a_τ = Σ salience_o · a_o(τ) / Σ salience_o over the objectives observed in τ, a_o(τ) o's observations
///             in τ weighed as attainment weighs them (none carried forward from earlier periods)
///             X_τ = cumulative weighted support P→C up to τ
/// β         = least-squares slope of a on X
/// value     = clip(β · (max X − min X), −1, 1)   the attainment change associated with the window's input range
/// n         = independent points: the distinct sets of observations (evidence items) the points rest on, and at
///             most the number of observations
/// se(β)     = √(SSR / (n − 2) / Sxx)
/// interval  = the same for β ± t(n − 2) · se(β), at InputEfficiency.IntervalLevel (90%)
/// </code>
/// An association, not an effect: cumulative input only rises, so the slope is confounded with the time trend of
/// attainment, and with which objectives are observed in which periods (an objective entering or leaving the average
/// moves a_τ). Near zero or negative: attainment did not rise as inputs accumulated; positive: it did, which does not
/// show that the inputs caused it. Undefined with fewer than
/// <see cref="Scoring.InputEfficiencyOptions.MinimumPoints"/> independent points or no growth in inputs (Sxx ≤ 10⁻¹² · mean(X)², a test relative to the inputs' own
/// magnitude, so scaling every input by the same factor leaves the value as it is). Only periods
/// with an observation are points: attainment's look-back, which carries an observation forward, would repeat one
/// observation as several points and make a single observation look like a certain, flat slope. A span observation
/// (a state the coder dates over several periods) is observed in each of them, and is a point in each; but those
/// points are one judgement, so n counts them once: a window resting on one span, or on spans that begin and end
/// together, is undefined, and the degrees of freedom come from the observations, not the periods. Where each
/// observation is a run of k identical points, this se(β) is exactly that of the regression on the observations
/// alone (SSR and Sxx are both k times theirs); where inputs grow through a span, its points differ in X and still
/// narrow the interval as the span lengthens (docs/open-questions.md). Periods before
/// the relation began (before either party existed, or before the patron's first input to the client) are not
/// points: attainment then says nothing about how attainment moves with inputs to this client. Rubinstein (1977), pp. xiv–xix.
/// </remarks>
public sealed class InputEfficiency : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly InputEfficiency Instance = new();

    private static readonly ConcurrentDictionary<(double Level, int DegreesOfFreedom), double> CriticalValues = new();

    private InputEfficiency()
        : base("inputEfficiency")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.Objectives;

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Signed;

    /// <inheritdoc />
    public override string Formula => "clip(β·(max X − min X), −1, 1), β the least-squares slope of attainment on cumulative patron input over the trailing window";

    /// <inheritdoc />
    public override string Citation => "Rubinstein (1977), Red Star on the Nile, pp. xiv–xix: inputs are not increments of influence";

    /// <summary>
    /// The regression: slope, its standard error, the input range, the number of points (periods with an observation),
    /// of observations (evidence items) they rest on, and of independent points (the n of the interval).
    /// </summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The fit, or null when undefined.</returns>
    public static InputEfficiencyFit? Fit(in DyadPeriod at)
    {
        var (a, b, observed, observations, independent) = Points(at);
        var length = observed.Length;
        if (length == 0 || independent[length - 1] < at.Options.InputEfficiency.MinimumPoints)
        {
            return null;
        }

        var n = 0;
        Span<double> xs = stackalloc double[length];
        Span<double> ys = stackalloc double[length];
        using var scratch = SeriesScratch.Open();
        var cumulative = scratch.Doubles(b + 1);
        EvidenceIndex.Cumulate(at.Index.SumSeries(PairSum.Support, at.PatronToClient), cumulative);
        for (var t = a; t <= b; t++)
        {
            if (!double.IsNaN(observed[t - a]))
            {
                xs[n] = cumulative[t];
                ys[n] = observed[t - a];
                n++;
            }
        }

        double mx = 0, my = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            mx += xs[i];
            my += ys[i];
            min = Math.Min(min, xs[i]);
            max = Math.Max(max, xs[i]);
        }

        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (xs[i] - mx) * (xs[i] - mx);
            sxy += (xs[i] - mx) * (ys[i] - my);
        }

        if (!(sxx > 1e-12 * mx * mx))
        {
            return null;
        }

        var slope = sxy / sxx;
        var ssr = 0.0;
        for (var i = 0; i < n; i++)
        {
            var r = ys[i] - my - (slope * (xs[i] - mx));
            ssr += r * r;
        }

        var k = independent[length - 1];
        var se = Math.Sqrt(ssr / (k - 2) / sxx);
        return new InputEfficiencyFit(slope, se, max - min, n, observations[length - 1], k);
    }

    /// <summary>
    /// For each period t of lo, lo + 1, … (one element of <paramref name="independent"/> each), over the window
    /// max(t − <paramref name="window"/> + 1, lo) … t: the observations the points rest on (the objectives' items that
    /// weigh more than 0), and the independent points: the distinct sets of observations the points rest on (points
    /// that rest on the same observations count once), at most the number of observations.
    /// <paramref name="observed"/> is NaN where a period is no point.
    /// </summary>
    /// <remarks>
    /// A period's set is known by its size and the wrapping sum of a 64-bit mix of its items' rows, added where an item
    /// begins and taken off after it ends. Two different sets of the same size would have to share that sum to be
    /// counted once (a chance of about 2⁻⁶⁴), and would then only widen the interval or leave the value undefined.
    /// </remarks>
    private static void Independence(EvidenceIndex index, (int Objective, double Salience)[] objectives, int lo, int window, ReadOnlySpan<double> observed, Span<int> observations, Span<int> independent)
    {
        var length = observed.Length;
        if (length == 0)
        {
            return;
        }

        var hi = lo + length - 1;
        var c = index.Case.Evidence.Columns;
        using var scratch = SeriesScratch.Open();
        var count = scratch.Ints(length + 1);
        var size = scratch.Ints(length + 1);
        var hash = scratch.Ulongs(length + 1);
        count.Clear();
        size.Clear();
        hash.Clear();
        foreach (var (o, _) in objectives)
        {
            foreach (var row in index.ObjectiveItems(o, lo, hi))
            {
                if (!(index.Weight(row) > 0))
                {
                    continue;
                }

                var first = Math.Max(index.PeriodOfDay(c.FirstDay[row]), lo) - lo;
                var last = Math.Min(index.PeriodOfDay(c.LastDay[row]), hi) - lo;
                if (first > last)
                {
                    continue;
                }

                // In the sets of periods first … last.
                var h = Uncertainty.DrawRandom.Mix((ulong)row + 1);
                size[first]++;
                size[last + 1]--;
                hash[first] = unchecked(hash[first] + h);
                hash[last + 1] = unchecked(hash[last + 1] - h);

                // Counted in the windows it touches: those of t = first … last + window − 1.
                count[first]++;
                count[(int)Math.Min((long)last + window, length)]--;
            }
        }

        // previous[t]: the latest point before t that rests on the same set (−1: none since lo).
        var previous = scratch.Ints(length);
        // One dictionary per thread, emptied here: a new one per dyad would be most of what scoring allocates.
        var seen = _seen ??= [];
        seen.Clear();
        var (sum, n) = (0UL, 0);
        for (var t = 0; t < length; t++)
        {
            sum = unchecked(sum + hash[t]);
            n += size[t];
            previous[t] = -1;
            if (!double.IsNaN(observed[t]))
            {
                previous[t] = seen.TryGetValue((sum, n), out var p) ? p : -1;
                seen[(sum, n)] = t;
            }
        }

        // next[u]: the next point after u that rests on the same set (int.MaxValue: none up to hi).
        var next = scratch.Ints(length);
        next.Fill(int.MaxValue);
        for (var t = 0; t < length; t++)
        {
            if (previous[t] >= 0)
            {
                next[previous[t]] = t;
            }
        }

        // The window's distinct sets are its points whose set does not come back later in it: sliding the window on
        // by one adds t (which takes the place of an earlier point of its set still in the window) and drops the
        // periods that leave it.
        var (items, sets, a) = (0, 0, 0);
        for (var t = 0; t < length; t++)
        {
            items += count[t];
            var from = Math.Max(t - window + 1, 0);
            for (; a < from; a++)
            {
                if (!double.IsNaN(observed[a]) && next[a] >= t)
                {
                    sets--;
                }
            }

            if (!double.IsNaN(observed[t]))
            {
                sets += previous[t] >= from ? 0 : 1;
            }

            observations[t] = items;
            independent[t] = Math.Min(sets, items);
        }
    }

    /// <summary>
    /// The first period that can be a point: the later of the first period in which both parties (and their movements)
    /// existed and the first period with an input from the patron to the client; <see cref="int.MaxValue"/> without
    /// any input.
    /// </summary>
    /// <param name="at">The dyad.</param>
    /// <returns>The period position.</returns>
    internal static int RelationStart(in DyadPeriod at)
    {
        var index = at.Index;
        var start = index.FirstSupportPeriod(at.PatronToClient);
        if (start < 0)
        {
            return int.MaxValue;
        }

        if (index.Case.Lifetimes is { } lifetimes && lifetimes.Joint(at.Patron, at.Client) is { First: > int.MinValue } joint)
        {
            start = Math.Max(start, index.Grid.IndexOfDay(joint.First));
        }

        return start;
    }

    /// <summary>The patron's objectives toward the client with their saliences, in <see cref="Attainment.ObjectivesOf"/> order.</summary>
    private static (int Objective, double Salience)[] Objectives(in DyadPeriod at)
    {
        var list = new List<(int, double)>();
        foreach (var o in Attainment.ObjectivesOf(at))
        {
            list.Add((o, at.Index.Case.Objectives[o].Salience));
        }

        return [.. list];
    }

    /// <summary>
    /// The attainment observed in periods a, a + 1, … (one value per element of <paramref name="observed"/>; NaN where
    /// none): over the objectives observed in the period, the salience-weighted mean of each one's observations there,
    /// weighed as <see cref="Attainment"/> weighs them, with nothing carried forward from earlier periods.
    /// </summary>
    private static void Observed(EvidenceIndex index, (int Objective, double Salience)[] objectives, int a, Span<double> observed, Span<double> den)
    {
        observed.Clear();
        den.Clear();
        foreach (var (o, salience) in objectives)
        {
            for (var t = 0; t < observed.Length; t++)
            {
                var (sum, weight) = index.AttainmentAt(o, a + t);
                if (weight > 0)
                {
                    observed[t] += salience * Math.Clamp(sum / weight, 0, 1);
                    den[t] += salience;
                }
            }
        }

        for (var t = 0; t < observed.Length; t++)
        {
            observed[t] = den[t] > 0 ? observed[t] / den[t] : double.NaN;
        }
    }

    /// <summary>
    /// What an undefined value lacks in this period (the relation's start, independent points, growth in inputs), for
    /// <see cref="Scoring.Explainer"/>; null when the value is defined.
    /// </summary>
    internal static string? Missing(in DyadPeriod at)
    {
        if (Fit(at) is not null)
        {
            return null;
        }

        var (a, b, observed, _, independent) = Points(at);
        var grid = at.Index.Grid;
        if (observed.Length == 0)
        {
            return $"the relation had not begun by {grid[at.T]} (no input from the patron to the client yet, or a party not yet in existence)";
        }

        var k = independent[^1];
        var points = observed.Count(o => !double.IsNaN(o));
        var window = a == b ? grid[a].ToString() : $"{grid[a]}–{grid[b]}";
        return k < at.Options.InputEfficiency.MinimumPoints
            ? string.Create(CultureInfo.InvariantCulture, $"{window} has {points} period{(points == 1 ? string.Empty : "s")} with an observed attainment, resting on {k} distinct set{(k == 1 ? string.Empty : "s")} of observations")
            : $"the patron's cumulative input to the client did not grow between the points of {window}";
    }

    /// <summary>
    /// The window's points: its first and last period (from the relation's start), the attainment observed in each
    /// period (NaN where none), and the running counts of observations and independent points.
    /// </summary>
    internal static (int From, int To, double[] Observed, int[] Observations, int[] Independent) Points(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.InputEfficiency.WindowYears);
        a = Math.Max(Math.Max(a, 0), RelationStart(at));
        var length = Math.Max(b - a + 1, 0);
        var observed = new double[length];
        var objectives = Objectives(at);
        Observed(at.Index, objectives, a, observed, new double[length]);
        var observations = new int[length];
        var independent = new int[length];
        Independence(at.Index, objectives, a, length, observed, observations, independent);
        return (a, b, observed, observations, independent);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at) =>
        Fit(at) is { } f ? Math.Clamp(f.Slope * f.Range, -1, 1) : null;

    /// <inheritdoc />
    public override (double Low, double High)? EvaluateInterval(in DyadPeriod at)
    {
        if (Fit(at) is not { } f)
        {
            return null;
        }

        var half = CriticalValue(at.Options.InputEfficiency.IntervalLevel, f.Independent - 2) * f.StandardError;
        return (Math.Clamp((f.Slope - half) * f.Range, -1, 1), Math.Clamp((f.Slope + half) * f.Range, -1, 1));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output) =>
        Series(dyad, t0, t1, output, default, default);

    [ThreadStatic]
    private static double[]? _x;

    [ThreadStatic]
    private static double[]? _y;

    [ThreadStatic]
    private static double[]? _m;

    /// <summary>The sets of observations <see cref="Independence"/> has met, by (hash, size): one per thread, emptied for each dyad.</summary>
    [ThreadStatic]
    private static Dictionary<(ulong, int), int>? _seen;

    /// <summary>Per-thread regression inputs of at least <paramref name="length"/> values, zero over the first <paramref name="length"/>.</summary>
    private static (double[] X, double[] Y, double[] M) Buffers(int length)
    {
        if (_x is null || _x.Length < length)
        {
            (_x, _y, _m) = (new double[length], new double[length], new double[length]);
        }
        else
        {
            _x.AsSpan(0, length).Clear();
            _y.AsSpan(0, length).Clear();
            _m.AsSpan(0, length).Clear();
        }

        return (_x, _y!, _m!);
    }

    /// <summary>
    /// The values of periods t0 … t1, and their intervals when <paramref name="lows"/> and <paramref name="highs"/>
    /// are given (NaN where undefined): the same numbers as <see cref="Evaluate"/> and <see cref="EvaluateInterval"/>.
    /// </summary>
    /// <remarks>
    /// SIMD lanes hold consecutive periods; lane l at step j reads the window's j-th period, t + l − w + 1 + j.
    /// Periods outside the grid or without attainment are masked: their terms add +0 to the sums (which changes
    /// nothing) and ±∞ to the extremes, so each lane computes exactly what <see cref="Fit"/> computes over its points.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Series(in DyadPeriod dyad, int t0, int t1, Span<double?> values, Span<double> lows, Span<double> highs)
    {
        var index = dyad.Index;
        var n = t1 - t0 + 1;
        var withIntervals = !lows.IsEmpty;
        values[..n].Clear();
        if (withIntervals)
        {
            lows[..n].Fill(double.NaN);
            highs[..n].Fill(double.NaN);
        }

        var support = index.SumSeries(PairSum.Support, dyad.PatronToClient);
        if (support.IsEmpty)
        {
            return;
        }

        var o = dyad.Options.InputEfficiency;
        var w = index.Grid.WindowPeriods(o.WindowYears);
        var lanes = Windows.LaneCount;
        var first = t0 - w + 1;
        var lo = Math.Max(Math.Max(first, 0), RelationStart(dyad));
        var length = n + w + lanes;
        var (x, y, m) = Buffers(length);
        if (lo > t1)
        {
            return;
        }

        using var scratch = SeriesScratch.Open();
        var cumulative = scratch.Doubles(t1 + 1);
        EvidenceIndex.Cumulate(support, cumulative);
        var span = t1 - lo + 1;
        var observed = scratch.Doubles(span);
        var objectives = Objectives(dyad);
        Observed(index, objectives, lo, observed, scratch.Doubles(span));
        var independent = scratch.Ints(span);
        Independence(index, objectives, lo, w, observed, scratch.Ints(span), independent);
        for (var k = 0; k < length; k++)
        {
            var tau = first + k;
            if (tau >= lo && tau <= t1 && !double.IsNaN(observed[tau - lo]))
            {
                x[k] = cumulative[tau];
                y[k] = observed[tau - lo];
                m[k] = 1;
            }
        }

        ref var px = ref MemoryMarshal.GetArrayDataReference(x);
        ref var py = ref MemoryMarshal.GetArrayDataReference(y);
        ref var pm = ref MemoryMarshal.GetArrayDataReference(m);
        Span<double> laneCount = stackalloc double[lanes];
        Span<double> laneMeanX = stackalloc double[lanes];
        Span<double> laneMeanY = stackalloc double[lanes];
        Span<double> laneSxx = stackalloc double[lanes];
        Span<double> laneSxy = stackalloc double[lanes];
        Span<double> laneSlope = stackalloc double[lanes];
        Span<double> laneSsr = stackalloc double[lanes];
        Span<double> laneMin = stackalloc double[lanes];
        Span<double> laneMax = stackalloc double[lanes];
        Span<int> laneIndependent = stackalloc int[lanes];
        Span<bool> ok = stackalloc bool[lanes];
        var zero = Vector<double>.Zero;
        var plusInfinity = new Vector<double>(double.PositiveInfinity);
        var minusInfinity = new Vector<double>(double.NegativeInfinity);
        for (var i = 0; i < n; i += lanes)
        {
            var count = zero;
            var sx = zero;
            var sy = zero;
            var min = plusInfinity;
            var max = minusInfinity;
            for (var j = 0; j < w; j++)
            {
                var mask = Windows.Load(ref pm, i + j);
                var xv = Windows.Load(ref px, i + j);
                var valid = Vector.GreaterThan(mask, zero);
                count += mask;
                sx += xv;
                sy += Windows.Load(ref py, i + j);
                min = Vector.Min(min, Vector.ConditionalSelect(valid, xv, plusInfinity));
                max = Vector.Max(max, Vector.ConditionalSelect(valid, xv, minusInfinity));
            }

            count.CopyTo(laneCount);
            var anyLane = false;
            for (var l = 0; l < lanes; l++)
            {
                var t = t0 + i + l;
                laneIndependent[l] = i + l < n && t >= lo ? independent[t - lo] : 0;
                ok[l] = laneIndependent[l] >= o.MinimumPoints;
                anyLane |= ok[l];
            }

            if (!anyLane)
            {
                continue;
            }

            var meanX = sx / count;
            var meanY = sy / count;
            var sxx = zero;
            var sxy = zero;
            for (var j = 0; j < w; j++)
            {
                var valid = Vector.GreaterThan(Windows.Load(ref pm, i + j), zero);
                var dx = Windows.Load(ref px, i + j) - meanX;
                sxx += Vector.ConditionalSelect(valid, dx * dx, zero);
                sxy += Vector.ConditionalSelect(valid, dx * (Windows.Load(ref py, i + j) - meanY), zero);
            }

            meanX.CopyTo(laneMeanX);
            meanY.CopyTo(laneMeanY);
            sxx.CopyTo(laneSxx);
            sxy.CopyTo(laneSxy);
            anyLane = false;
            for (var l = 0; l < lanes; l++)
            {
                ok[l] = ok[l] && laneSxx[l] > 1e-12 * laneMeanX[l] * laneMeanX[l];
                laneSlope[l] = ok[l] ? laneSxy[l] / laneSxx[l] : 0;
                anyLane |= ok[l];
            }

            if (!anyLane)
            {
                continue;
            }

            var slope = new Vector<double>(laneSlope);
            var ssr = zero;
            for (var j = 0; j < w; j++)
            {
                var valid = Vector.GreaterThan(Windows.Load(ref pm, i + j), zero);
                var r = Windows.Load(ref py, i + j) - meanY - (slope * (Windows.Load(ref px, i + j) - meanX));
                ssr += Vector.ConditionalSelect(valid, r * r, zero);
            }

            ssr.CopyTo(laneSsr);
            min.CopyTo(laneMin);
            max.CopyTo(laneMax);
            for (var l = 0; l < lanes; l++)
            {
                if (!ok[l])
                {
                    continue;
                }

                var k = laneIndependent[l];
                var range = laneMax[l] - laneMin[l];
                values[i + l] = Math.Clamp(laneSlope[l] * range, -1, 1);
                if (withIntervals)
                {
                    var se = Math.Sqrt(laneSsr[l] / (k - 2) / laneSxx[l]);
                    var half = CriticalValue(o.IntervalLevel, k - 2) * se;
                    lows[i + l] = Math.Clamp((laneSlope[l] - half) * range, -1, 1);
                    highs[i + l] = Math.Clamp((laneSlope[l] + half) * range, -1, 1);
                }
            }
        }
    }

    /// <summary>The two-sided Student-t critical value at a level (computed once per level and degrees of freedom).</summary>
    private static double CriticalValue(double level, int degreesOfFreedom) =>
        CriticalValues.GetOrAdd((level, degreesOfFreedom), static k => StudentT.InvCDF(0, 1, k.DegreesOfFreedom, 1 - ((1 - k.Level) / 2)));

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var (a, b) = at.Trailing(at.Options.InputEfficiency.WindowYears);
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, 0, b, "patron input (cumulative)");
        var index = at.Index;
        var objectives = Objectives(at);
        for (var t = Math.Max(Math.Max(a, 0), RelationStart(at)); t <= b; t++)
        {
            foreach (var (o, _) in objectives)
            {
                if (index.AttainmentAt(o, t).Weight > 0)
                {
                    var name = index.Case.Objectives[o].Id;
                    foreach (var row in index.ObjectiveItems(o, t, t))
                    {
                        var value = index.AttainmentValue(row).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
                        uses.Add(new EvidenceUse(row, $"attainment {index.Grid[t]}: objective {name} (observed {value})", WindowWeight(index, row, t, t)));
                    }
                }
            }
        }
    }
}

/// <summary>The regression behind <see cref="InputEfficiency"/> in one dyad and period (<see cref="InputEfficiency.Fit"/>).</summary>
/// <param name="Slope">β, the least-squares slope of attainment on the patron's cumulative input.</param>
/// <param name="StandardError">se(β), with the independent points as n (docs/measures.md, "Input efficiency").</param>
/// <param name="Range">The range of the cumulative input over the points (max X − min X).</param>
/// <param name="Points">The points: periods of the window with an observed attainment.</param>
/// <param name="Observations">The observations (evidence items) the points rest on.</param>
/// <param name="Independent">The independent points: distinct sets of observations, at most <paramref name="Observations"/>; the n of the interval.</param>
public readonly record struct InputEfficiencyFit(double Slope, double StandardError, double Range, int Points, int Observations, int Independent);
