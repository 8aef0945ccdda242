using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// Rubinstein's first inference, second half: a patron that undermines the client elite's domestic base provokes a
/// counter-reaction. How much more the client defies the patron's demands made after an overreach than those made
/// before it.
/// </summary>
/// <remarks>
/// <code>
/// t₀       = the earliest period with an overreach in the trailing lag window (2 years)
/// d₀       = the first day of the earliest overreach in t₀ (the first day of t₀ for one that began before it)
/// after    = defiance of the demands dated d₀ or later, over t₀ … t          defiance = 1 − compliance
/// baseline = defiance of the demands dated before d₀, over t₀ − baseline … t₀ (10 years), up to the day before d₀
/// counterReaction = after − baseline                  in [−1, 1]
/// </code>
/// A demand is dated by its first day (a standing demand, a span, by the day it began), so which side of the
/// overreach it falls on does not depend on the length of the periods: a demand made in January is not a reaction
/// to an overreach in December of the same year, and a standing demand made before the overreach and still defied
/// after it is part of the baseline (with its days before the overreach), never a reaction. Undefined without an overreach in the lag window, or without
/// demands on either side of it (or when all the demands on one side weigh 0). Rubinstein (1977), pp. xiv–xix.
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
    public override string Formula => "defiance of the demands made since the overreach (up to t) − defiance of those made in the baseline window before it";

    /// <inheritdoc />
    public override string Citation => "Rubinstein (1977), Red Star on the Nile, pp. xiv–xix: overreach provokes a counter-reaction";

    /// <summary>The overreach and the windows the measure compares, or null without an overreach in the lag window.</summary>
    /// <param name="at">The dyad and period.</param>
    /// <returns>
    /// The overreach's period t₀ and day d₀ (its first day, or t₀'s first day for an overreach that began before t₀),
    /// and the baseline window t₀ − baseline … t₀, whose demands dated before d₀ are the baseline (those dated d₀ or
    /// later, up to the period scored, are the reaction).
    /// </returns>
    public static (int Overreach, DateOnly Day, int BaselineFrom, int BaselineTo)? Windows(in DyadPeriod at)
    {
        var (a, b) = at.Trailing(at.Options.CounterReaction.LagYears);
        for (var t = Math.Max(a, 0); t <= b; t++)
        {
            if (at.Index.Count(PairCount.Overreach, at.PatronToClient, t, t) > 0)
            {
                var baseline = at.Index.Grid.WindowPeriods(at.Options.CounterReaction.BaselineYears);
                return (t, DateOnly.FromDayNumber(OverreachDay(at.Index, at.PatronToClient, t)), t - baseline, t);
            }
        }

        return null;
    }

    /// <summary>The first day of the earliest overreach touching period t, and no earlier than t's first day.</summary>
    private static int OverreachDay(EvidenceIndex index, int pair, int t)
    {
        var c = index.Case.Evidence.Columns;
        var (d0, d1) = index.WindowDays(t, t);
        var day = int.MaxValue;
        foreach (var row in index.PairItemSpan(pair, EvidenceKind.Overreach))
        {
            if (c.LastDay[row] >= d0 && c.FirstDay[row] <= d1)
            {
                day = Math.Min(day, c.FirstDay[row]);
            }
        }

        return Math.Max(day, d0);
    }

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        if (Windows(at) is not { } w)
        {
            return null;
        }

        var day = w.Day.DayNumber;
        var before = Defiance(at.Index, at.PatronToClient, day, after: false, w.BaselineFrom, w.BaselineTo);
        var after = Defiance(at.Index, at.PatronToClient, day, after: true, w.Overreach, at.T);
        return Difference(after, before);
    }

    private static double? Difference(double after, double before) =>
        double.IsNaN(after) || double.IsNaN(before) ? null : after - before;

    /// <summary>
    /// Defiance (1 − the weighted share of demands met) of the pair's demands dated on or after <paramref name="day"/>
    /// (<paramref name="after"/>) or before it, over periods t0 … t1: each demand weighs confidence × salience × its
    /// shares of those periods, added in canonical order. NaN without such a demand, or when they all weigh 0.
    /// </summary>
    private static double Defiance(EvidenceIndex index, int pair, int day, bool after, int t0, int t1)
    {
        if (pair < 0)
        {
            return double.NaN;
        }

        var c = index.Case.Evidence.Columns;
        var compliance = index.Options.Compliance;
        var (d0, d1) = index.WindowDays(t0, t1);
        double weight = 0, met = 0;
        var any = false;
        foreach (var row in index.PairItemSpan(pair, EvidenceKind.Demand))
        {
            if (c.LastDay[row] < d0 || c.FirstDay[row] > d1 || (c.FirstDay[row] >= day) != after)
            {
                continue;
            }

            var w = Weight(index, row, day, after, t0, t1);
            any = true;
            weight += w;
            met += w * compliance.Credit((DemandResponse)c.Type[row]);
        }

        return any && weight > 0 ? 1 - (met / weight) : double.NaN;
    }

    /// <summary>
    /// A demand's weight on its side of the overreach over periods t0 … t1: confidence × salience × its shares of the
    /// periods, counting, for a demand made before the overreach (<paramref name="after"/> false), only its days before
    /// <paramref name="day"/> (a standing demand's time after the overreach is neither baseline nor reaction).
    /// </summary>
    private static double Weight(EvidenceIndex index, int row, int day, bool after, int t0, int t1)
    {
        if (after)
        {
            return index.WindowWeight(row, t0, t1);
        }

        var c = index.Case.Evidence.Columns;
        var (first, last, span) = (c.FirstDay[row], Math.Min(c.LastDay[row], day - 1), c.IsSpan(row));
        var starts = index.Grid.StartDays;
        var years = index.Grid.YearDays;
        var share = 0.0;
        for (var t = Math.Max(t0, 0); t <= Math.Min(t1, index.Periods - 1); t++)
        {
            // As EvidenceIndex.ShareOf, with the demand's days cut at the day before the overreach (a point keeps its
            // whole length as the denominator: only its mass before the overreach counts).
            var overlap = Math.Min(last, starts[t + 1] - 1) - Math.Max(first, starts[t]) + 1;
            if (overlap > 0)
            {
                share += span ? (double)overlap / years[t] : (double)overlap / (c.LastDay[row] - first + 1);
            }
        }

        return index.Weight(row) * share;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only periods with an overreach in their lag window are computed, each as <see cref="Evaluate"/> computes it; the
    /// baseline, which depends only on the overreach, is computed once for each.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var pair = dyad.PatronToClient;
        var n = t1 - t0 + 1;
        output[..n].Clear();
        var overreaches = index.CountPrefix(PairCount.Overreach, pair);
        if (EvidenceIndex.CountIn(overreaches, 0, t1) == 0 || index.CountPrefix(PairCount.Demand, pair).IsEmpty)
        {
            return;
        }

        var lag = index.Grid.WindowPeriods(dyad.Options.CounterReaction.LagYears);
        var baseline = index.Grid.WindowPeriods(dyad.Options.CounterReaction.BaselineYears);
        using var scratch = new SeriesScratch();
        var next = scratch.Ints(t1 + 2);
        next[t1 + 1] = int.MaxValue;
        for (var t = t1; t >= 0; t--)
        {
            next[t] = EvidenceIndex.CountIn(overreaches, t, t) > 0 ? t : next[t + 1];
        }

        var started = -1;
        var day = 0;
        var before = double.NaN;
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            var overreach = next[Math.Max(t - lag + 1, 0)];
            if (overreach > t)
            {
                continue;
            }

            if (overreach != started)
            {
                day = OverreachDay(index, pair, overreach);
                before = Defiance(index, pair, day, after: false, overreach - baseline, overreach);
                started = overreach;
            }

            output[i] = double.IsNaN(before) ? null : Difference(Defiance(index, pair, day, after: true, overreach, t), before);
        }
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        if (Windows(at) is not { } w || at.PatronToClient < 0)
        {
            return;
        }

        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Overreach, w.Overreach, w.Overreach, "overreach");
        var index = at.Index;
        var day = w.Day.DayNumber;
        var c = index.Case.Evidence.Columns;
        foreach (var row in index.Items(at.PatronToClient, EvidenceKind.Demand, w.Overreach, at.T))
        {
            if (c.FirstDay[row] >= day)
            {
                uses.Add(new EvidenceUse(row, "demand made after overreach", Weight(index, row, day, after: true, w.Overreach, at.T)));
            }
        }

        foreach (var row in index.Items(at.PatronToClient, EvidenceKind.Demand, w.BaselineFrom, w.BaselineTo))
        {
            if (c.FirstDay[row] < day)
            {
                uses.Add(new EvidenceUse(row, "demand made before overreach (baseline)", Weight(index, row, day, after: false, w.BaselineFrom, w.BaselineTo)));
            }
        }
    }
}
