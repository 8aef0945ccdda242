using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// Rubinstein's first inference, second half: a patron that undermines the client elite's domestic base provokes a
/// counter-reaction. How much more the client defies the patron after an overreach than before it.
/// </summary>
/// <remarks>
/// <code>
/// t₀       = the earliest period with an overreach in the trailing lag window (2 years)
/// after    = defiance over t₀ … t                     defiance = 1 − compliance
/// baseline = defiance over the baseline window before t₀ (10 years)
/// counterReaction = after − baseline                  in [−1, 1]
/// </code>
/// Undefined without an overreach in the lag window, or without demands after it or in the baseline.
/// Rubinstein (1977), pp. xiv–xix.
/// </remarks>
public sealed class CounterReaction : Measure
{
    /// <summary>The shared instance.</summary>
    public static readonly CounterReaction Instance = new();

    private CounterReaction()
        : base("counterReaction")
    {
    }

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Signed;

    /// <inheritdoc />
    public override string Formula => "defiance since the overreach (t₀ … t) − defiance in the baseline window before t₀";

    /// <inheritdoc />
    public override string Citation => "Rubinstein (1977), Red Star on the Nile, pp. xiv–xix: overreach provokes a counter-reaction";

    /// <summary>The windows the measure compares, or null without an overreach in the lag window.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>The overreach period, and the baseline window.</returns>
    public static (int Overreach, int BaselineFrom, int BaselineTo)? Windows(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.CounterReaction.LagYears);
        for (var t = Math.Max(a, 0); t <= b; t++)
        {
            if (at.Index.Count(PairCount.Overreach, at.PatronToClient, t, t) > 0)
            {
                var baseline = at.Index.Grid.WindowPeriods(at.Options.CounterReaction.BaselineYears);
                return (t, t - baseline, t - 1);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (Windows(at) is not { } w)
        {
            return null;
        }

        var after = Compliance.Pooled(at.Index, at.PatronToClient, w.Overreach, at.T);
        var before = Compliance.Pooled(at.Index, at.PatronToClient, w.BaselineFrom, w.BaselineTo);
        return after is { } x && before is { } y ? (1 - x) - (1 - y) : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Defiance since the overreach is a running sum from the overreach period on, started again when the earliest
    /// overreach in the lag window changes; the baseline windows all end the period before an overreach, so they are
    /// trailing windows of the demand sums, computed together.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var pair = dyad.PatronToClient;
        var n = t1 - t0 + 1;
        var overreaches = index.CountPrefix(PairCount.Overreach, pair);
        if (EvidenceIndex.CountIn(overreaches, 0, t1) == 0)
        {
            output[..n].Clear();
            return;
        }

        var lag = index.Grid.WindowPeriods(dyad.Options.CounterReaction.LagYears);
        var baseline = index.Grid.WindowPeriods(dyad.Options.CounterReaction.BaselineYears);
        var demands = index.CountPrefix(PairCount.Demand, pair);
        var weight = index.SumSeries(PairSum.DemandWeight, pair);
        var met = index.SumSeries(PairSum.DemandMet, pair);
        using var scratch = new SeriesScratch();
        var next = scratch.Ints(t1 + 2);
        next[t1 + 1] = int.MaxValue;
        for (var t = t1; t >= 0; t--)
        {
            next[t] = EvidenceIndex.CountIn(overreaches, t, t) > 0 ? t : next[t + 1];
        }

        var baselineWeight = scratch.Doubles(t1 + 1);
        var baselineMet = scratch.Doubles(t1 + 1);
        Indexing.Windows.Sums(weight, baseline, 0, baselineWeight);
        Indexing.Windows.Sums(met, baseline, 0, baselineMet);
        var started = -1;
        double afterWeight = 0, afterMet = 0;
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            var overreach = next[Math.Max(t - lag + 1, 0)];
            if (overreach > t)
            {
                output[i] = null;
                continue;
            }

            if (overreach != started || t == t0)
            {
                // Σ from the overreach to t, in period order, as Compliance.Pooled adds it.
                afterWeight = 0;
                afterMet = 0;
                for (var u = overreach; u <= t; u++)
                {
                    afterWeight += EvidenceIndex.ValueAt(weight, u);
                    afterMet += EvidenceIndex.ValueAt(met, u);
                }

                started = overreach;
            }
            else
            {
                afterWeight += EvidenceIndex.ValueAt(weight, t);
                afterMet += EvidenceIndex.ValueAt(met, t);
            }

            double? after = EvidenceIndex.CountIn(demands, overreach, t) > 0 && afterWeight > 0 ? afterMet / afterWeight : null;
            double? before = overreach > 0 && EvidenceIndex.CountIn(demands, overreach - baseline, overreach - 1) > 0 && baselineWeight[overreach - 1] > 0
                ? baselineMet[overreach - 1] / baselineWeight[overreach - 1]
                : null;
            output[i] = after is { } x && before is { } y ? (1 - x) - (1 - y) : null;
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        if (Windows(at) is not { } w)
        {
            return;
        }

        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Overreach, w.Overreach, w.Overreach, "overreach");
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Demand, w.Overreach, at.T, "demand after overreach");
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Demand, w.BaselineFrom, w.BaselineTo, "demand in baseline");
    }
}
