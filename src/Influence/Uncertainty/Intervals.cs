using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;
using Influence.Scoring;
using MathNet.Numerics.Statistics;

namespace Influence.Uncertainty;

/// <summary>
/// Intervals for every score: the case is re-scored many times by the one engine (<see cref="Scorer"/>), each time
/// on a bootstrap resample of its evidence, with options drawn from their ranges, or both; each value's interval is
/// the percentile interval of its draws, and the verdicts report how often they came out. The values stay the point
/// estimates from the real data.
/// </summary>
/// <remarks>
/// <para>
/// <b>Bootstrap</b> (Poisson bootstrap; Hanley and MacGibbon 2006): in each draw every evidence item of the
/// resampled kinds (<see cref="IntervalOptions.ResampledKinds"/>: the event kinds by default) appears K ~ Poisson(1)
/// times, independently (K = 0 leaves it out; copies keep the item's confidence, so each copy weighs confidence ×
/// magnitude as in the point estimate; copies are named <c>id#2</c>, <c>id#3</c> …). The number of items varies
/// between draws as counts of events do, and E[K] = 1 keeps every sum unbiased.
/// </para>
/// <para>
/// <b>Monte Carlo</b>: in each draw every option in <see cref="IntervalOptions.Knobs"/> is drawn independently from
/// its range (<see cref="OptionKnob.Range"/>): scale constants log-uniformly over [k / 2, 2k], weights uniformly over
/// [w − 0.15, w + 0.15] clipped to their range. A confidence weight or a formality drawn past a neighbour already drawn
/// is set to the neighbour's value, so that Confirmed ≥ Reported ≥ Alleged and TreatyFormality ≥
/// PublicAgreementFormality ≥ PublicPledgeFormality ≥ PrivateUnderstandingFormality hold in every draw (at the default
/// weights and ranges that never happens).
/// </para>
/// <para>
/// <b>Intervals</b>: for level L the interval is the (1 − L)/2 and (1 + L)/2 quantiles of the draws in which the value
/// is defined (linear interpolation between order statistics, Hyndman and Fan's definition 7), widened if need be
/// to contain the point estimate. Draws in which a value is undefined are left out of its interval and counted in
/// the verdict shares as undetermined or unobserved. For <c>inputEfficiency</c> the interval covers both the draws'
/// interval and its own regression interval: the draws vary the inputs and the constants but keep the attainment
/// observations, whose scatter around the fit is what the regression interval expresses.
/// </para>
/// <para>
/// <b>Reproducibility</b>: draw i uses its own generators, derived from (seed, i) (SplitMix64; see
/// <see href="https://github.com/influence-research/influence/blob/main/docs/uncertainty.md">docs/uncertainty.md</see>) and never shared between threads; draws run in parallel and each writes only its own slots,
/// so the result is identical, bit for bit, whatever the thread count. Cost: one scoring of the requested dyads and
/// periods per draw, and memory for measures × dyad-periods × draws values.
/// </para>
/// </remarks>
public static class Intervals
{
    /// <summary>Scores a case and computes intervals for every value.</summary>
    /// <param name="case">The case.</param>
    /// <param name="options">The scoring options (null: the defaults); the Monte Carlo varies around them.</param>
    /// <param name="request">What to score (null: the case's dyads and range).</param>
    /// <param name="intervals">How (null: <see cref="IntervalOptions.Default"/>).</param>
    /// <returns>The point estimates with their intervals and verdict shares.</returns>
    /// <exception cref="ArgumentException">The request is invalid (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>), or the draws of every dyad-period would not fit in an array.</exception>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>); a custom measure's own exception reaches the caller as it is.</exception>
    public static ScoreSet Compute(Case @case, ScoringOptions? options = null, ScoringRequest? request = null, IntervalOptions? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return Compute(Scorer.Score(@case, options, request), intervals);
    }

    /// <summary>Computes intervals for scores already computed (the same dyads, periods and options are re-scored).</summary>
    /// <param name="point">The point estimates.</param>
    /// <param name="intervals">How (null: <see cref="IntervalOptions.Default"/>).</param>
    /// <returns>A copy of <paramref name="point"/> with intervals and verdict shares.</returns>
    /// <exception cref="ArgumentException">The draws of every dyad-period would not fit in an array.</exception>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>); a custom measure's own exception reaches the caller as it is.</exception>
    public static ScoreSet Compute(ScoreSet point, IntervalOptions? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        intervals ??= IntervalOptions.Default;
        var request = RequestOf(point);
        var n = intervals.Draws;
        var measures = point.Measures.Length;
        var periods = point.PeriodCount;
        var cells = point.Dyads.Length * periods;
        if ((long)cells * n > Array.MaxLength)
        {
            throw new ArgumentException(
                $"{n} draws of {cells} dyad-periods are {(long)cells * n} values a measure, more than an array holds ({Array.MaxLength}); use fewer draws, dyads or periods",
                nameof(intervals));
        }

        var draws = new double[measures][];
        for (var m = 0; m < measures; m++)
        {
            draws[m] = new double[cells * n];
        }

        var patronClient = new sbyte[cells * n];
        var states = new sbyte[cells * n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = point.Options.MaxDegreeOfParallelism };
        ParallelLoop.For(n, parallel.MaxDegreeOfParallelism, d =>
        {
            var set = ScoreDraw(point.Case, point.Options, request, intervals, d);
            for (var m = 0; m < measures; m++)
            {
                var column = draws[m];
                for (var cell = 0; cell < cells; cell++)
                {
                    column[(cell * n) + d] = set.RawValue(m, cell);
                }
            }

            for (var dyad = 0; dyad < point.Dyads.Length; dyad++)
            {
                for (var p = 0; p < periods; p++)
                {
                    var cell = (dyad * periods) + p;
                    patronClient[(cell * n) + d] = set.PatronClient(dyad, p).IsPatronClient switch { true => 1, false => 0, _ => -1 };
                    states[(cell * n) + d] = set.State(dyad, p).State is { } s ? (sbyte)s : (sbyte)-1;
                }
            }
        });

        var lows = new double[measures][];
        var highs = new double[measures][];
        var tail = (1 - intervals.Level) / 2;
        ParallelLoop.For(measures, parallel.MaxDegreeOfParallelism, m =>
        {
            lows[m] = new double[cells];
            highs[m] = new double[cells];
            var buffer = new List<double>(n);
            for (var cell = 0; cell < cells; cell++)
            {
                buffer.Clear();
                for (var d = 0; d < n; d++)
                {
                    var v = draws[m][(cell * n) + d];
                    if (!double.IsNaN(v))
                    {
                        buffer.Add(v);
                    }
                }

                if (double.IsNaN(point.RawValue(m, cell)) || buffer.Count == 0)
                {
                    lows[m][cell] = double.NaN;
                    highs[m][cell] = double.NaN;
                    continue;
                }

                var sorted = buffer.ToArray();
                Array.Sort(sorted);
                lows[m][cell] = SortedArrayStatistics.QuantileCustom(sorted, tail, QuantileDefinition.R7);
                highs[m][cell] = SortedArrayStatistics.QuantileCustom(sorted, 1 - tail, QuantileDefinition.R7);
                if (point.OwnInterval(m, cell) is { } own)
                {
                    // A measure's own interval (input efficiency's regression interval: the error of the fit around
                    // the attainment observations, which the draws keep fixed) and the draws' (the inputs and the
                    // constants) express different uncertainties: the interval covers both.
                    lows[m][cell] = Math.Min(lows[m][cell], own.Low);
                    highs[m][cell] = Math.Max(highs[m][cell], own.High);
                }
                if (point.Measures[m].Scale == Theory.MeasureScale.Count)
                {
                    // A count's interval is widened to whole numbers (R-7 interpolates between draws).
                    lows[m][cell] = Math.Floor(lows[m][cell]);
                    highs[m][cell] = Math.Ceiling(highs[m][cell]);
                }
            }
        });

        var pcShares = new PatronClientShares[cells];
        var stateShares = new StateShares[cells];
        for (var cell = 0; cell < cells; cell++)
        {
            int holds = 0, fails = 0;
            var byState = new int[6];
            for (var d = 0; d < n; d++)
            {
                switch (patronClient[(cell * n) + d])
                {
                    case 1:
                        holds++;
                        break;
                    case 0:
                        fails++;
                        break;
                }

                var s = states[(cell * n) + d];
                byState[s < 0 ? 5 : s]++;
            }

            double total = n;
            pcShares[cell] = new PatronClientShares(holds / total, fails / total, (n - holds - fails) / total);
            stateShares[cell] = new StateShares(
                byState[(int)RelationshipState.Consolidated] / total,
                byState[(int)RelationshipState.Contested] / total,
                byState[(int)RelationshipState.Estranged] / total,
                byState[(int)RelationshipState.Dormant] / total,
                byState[(int)RelationshipState.Inverted] / total,
                byState[5] / total);
        }

        var source = new IntervalSource(intervals.MethodName, n, intervals.Seed, intervals.Level);
        return point.WithIntervals(lows, highs, source, pcShares, stateShares);
    }

    /// <summary>
    /// One draw: the case as resampled and the options as perturbed for draw <paramref name="draw"/> (each only if
    /// the kind asks for it), scored by the engine on one thread.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="options">The options.</param>
    /// <param name="request">What to score.</param>
    /// <param name="intervals">How.</param>
    /// <param name="draw">The draw's number, from 0.</param>
    /// <returns>The draw's scores.</returns>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>); a custom measure's own exception reaches the caller as it is.</exception>
    public static ScoreSet ScoreDraw(Case @case, ScoringOptions options, ScoringRequest request, IntervalOptions intervals, int draw)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        var c = intervals.Kind.HasFlag(IntervalKind.Bootstrap) ? @case.WithRepeatedEvidence(BootstrapCounts(@case, intervals.Seed, draw, intervals.ResampledKinds)) : @case;
        var o = intervals.Kind.HasFlag(IntervalKind.MonteCarlo) ? Perturb(options, intervals, draw) : options;
        return Scorer.Score(c, o with { MaxDegreeOfParallelism = 1 }, request, customIntervals: false);
    }

    /// <summary>Draw <paramref name="draw"/>'s options: every knob of <paramref name="intervals"/> drawn from its range, in order.</summary>
    /// <param name="options">The options (the centre).</param>
    /// <param name="intervals">The knobs, ranges and seed.</param>
    /// <param name="draw">The draw's number, from 0.</param>
    /// <returns>The perturbed options.</returns>
    public static ScoringOptions Perturb(ScoringOptions options, IntervalOptions intervals, int draw)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(intervals);
        var rng = DrawRandom.For(intervals.Seed, draw, DrawRandom.OptionsStream);
        var result = options;
        foreach (var knob in intervals.Knobs)
        {
            // Drawn around the centre, then kept between the values already drawn of its neighbours (the confidence
            // weights and the formalities must stay in order); at the default ranges and weights that never binds.
            var (low, high) = knob.Bounds(result);
            result = knob.With(result, Math.Clamp(knob.Sample(options, intervals.Ranges, rng.NextDouble()), low, high));
        }

        return result;
    }

    /// <summary>
    /// The case's evidence counts in draw <paramref name="draw"/> of the bootstrap, in canonical order: a Poisson(1)
    /// count for items of the resampled kinds, 1 for the others. A count is drawn for every item either way, so an
    /// item's count does not depend on which kinds are resampled.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="draw">The draw's number, from 0.</param>
    /// <param name="kinds">The kinds resampled (null: <see cref="IntervalOptions.EventKinds"/>).</param>
    /// <returns>How many times each item appears in the draw.</returns>
    public static int[] BootstrapCounts(Case @case, ulong seed, int draw, IReadOnlyCollection<EvidenceKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        var resampled = new bool[Enum.GetValues<EvidenceKind>().Length];
        foreach (var k in kinds ?? IntervalOptions.EventKinds)
        {
            resampled[(int)k] = true;
        }

        var rng = DrawRandom.For(seed, draw, DrawRandom.EvidenceStream);
        var counts = new int[@case.Evidence.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            var k = rng.NextPoissonOne();
            counts[i] = resampled[(int)@case.Evidence.KindAt(i)] ? k : 1;
        }

        return counts;
    }

    private static ScoringRequest RequestOf(ScoreSet point) =>
        new() { Dyads = point.Dyads, Granularity = point.Granularity, From = point.From, To = point.To };
}
