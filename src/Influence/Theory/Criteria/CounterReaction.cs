using System.Globalization;
using System.Runtime.CompilerServices;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;

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
/// baseline = defiance of the demands dated before d₀, over t₀ − baseline (10 years) … t, a standing demand only up
///            to the day before d₀
/// counterReaction = after − baseline                  in [−1, 1]
/// </code>
/// A demand is dated by its first day (a standing demand, a span, by the day it began), so which side of the
/// overreach it falls on does not depend on the length of the periods: a demand made in January is not a reaction
/// to an overreach in December of the same year, and a standing demand made before the overreach and still defied
/// after it is part of the baseline (with its days before the overreach), never a reaction. A point demand made
/// before the overreach's day is baseline with all its shares up to t, those after t₀ included: a demand dated to the
/// overreach's month when the overreach is known to the day, or to the overreach's year in a monthly series, was made
/// once, before it. Undefined without an
/// overreach in the lag window, or without demands on either side of it (or when all the demands on one side weigh 0).
/// Rubinstein (1977), pp. xiv–xix.
/// </remarks>
public sealed class CounterReaction : Measure
{
    /// <summary>The series' per-thread buffer of the dyad's demands (<see cref="DemandItem"/>), grown as needed.</summary>
    [ThreadStatic]
    private static DemandItem[]? _items;

    /// <summary>The shared instance.</summary>
    public static readonly CounterReaction Instance = new();

    private CounterReaction()
        : base("counterReaction")
    {
    }

    /// <inheritdoc />
    internal override EvidenceIndex.Parts Reads => EvidenceIndex.Parts.None;

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
    /// and the baseline window t₀ − baseline … t₀, the periods from which baseline demands are taken: those dated
    /// before d₀. They count with their shares of every period up to the one scored, except a standing demand (a
    /// span), which counts only with its days before d₀. Demands dated d₀ or later, up to the period scored, are the
    /// reaction.
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
    /// <remarks>
    /// Both sides are added period by period: the baseline's periods before t₀ from the index's demand sums (every
    /// demand touching them was made before the overreach), then, in canonical order, the demands touching t₀ (each
    /// on its side of d₀, a standing baseline demand with its days before d₀), then the demands touching each later
    /// period up to t: the reaction's, and the baseline's point demands dated into it (see <see cref="AddPeriod"/>).
    /// </remarks>
    public override double? Evaluate(in DyadPeriod at) => Sides(at) is { } s ? Difference(s.After, s.Baseline) : null;

    /// <summary>
    /// Which part an undefined value lacks in this period (the overreach, the baseline's demands or the reaction's),
    /// for <see cref="Scoring.Explainer"/>; null when the value is defined.
    /// </summary>
    internal static string? Missing(in DyadPeriod at)
    {
        if (at.PatronToClient < 0 || Windows(at) is not { } w)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the patron overreached on the client in none of the periods {at.Index.Grid[Math.Max(at.Trailing(at.Options.CounterReaction.LagYears).From, 0)]}–{at.Index.Grid[at.T]}");
        }

        var (baseline, after) = Sides(at)!.Value;
        var periods = at.Index.Grid;
        var overreach = string.Create(CultureInfo.InvariantCulture, $"the patron overreached on {w.Day:yyyy-MM-dd} ({periods[w.Overreach]})");
        return double.IsNaN(baseline.Defiance)
            ? $"{overreach}, but made no demand of the client with a weight above 0 before it in the baseline window ({periods[Math.Max(w.BaselineFrom, 0)]}–{periods[w.Overreach]})"
            : double.IsNaN(after.Defiance)
            ? $"{overreach}, but has made no demand of the client with a weight above 0 since, up to {periods[at.T]}"
            : null;
    }

    /// <summary>The baseline's and the reaction's tallies, or null without an overreach in the lag window.</summary>
    private static (Tally Baseline, Tally After)? Sides(in DyadPeriod at)
    {
        if (Windows(at) is not { } w || at.PatronToClient < 0)
        {
            return null;
        }

        var index = at.Index;
        var pair = at.PatronToClient;
        var day = w.Day.DayNumber;
        var t0 = w.Overreach;
        var baseline = new Tally
        {
            Weight = index.Sum(PairSum.DemandWeight, pair, w.BaselineFrom, t0 - 1),
            Met = index.Sum(PairSum.DemandMet, pair, w.BaselineFrom, t0 - 1),
            Any = index.Count(PairCount.Demand, pair, w.BaselineFrom, t0 - 1) > 0,
        };
        var after = default(Tally);
        var rows = index.PairItemSpan(pair, EvidenceKind.Demand);
        var items = new DemandItem[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            items[k] = DemandItem.Of(index, rows[k]);
        }

        var touching = new List<int>();
        var firstDays = new List<int>();
        for (var t = t0; t <= at.T; t++)
        {
            var (d0, d1) = index.WindowDays(t, t);
            touching.Clear();
            firstDays.Clear();
            for (var k = 0; k < items.Length; k++)
            {
                if (items[k].Last >= d0 && items[k].First <= d1)
                {
                    touching.Add(k);
                    firstDays.Add(items[k].First);
                }
            }

            AddPeriod(
                index,
                index.SumSeries(PairSum.DemandWeight, pair),
                index.SumSeries(PairSum.DemandMet, pair),
                items,
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(touching),
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(firstDays),
                t,
                day,
                t == t0,
                ref baseline,
                ref after);
        }

        return (baseline, after);
    }

    /// <summary>
    /// Adds the demands touching period t (<paramref name="touching"/>, canonical order, with their first days in
    /// <paramref name="firstDays"/>) to their sides (see
    /// <see cref="Add"/>). After the overreach's period, when every one of them was made on or after the overreach, the
    /// period's sums are the index's (no demand of the baseline reaches into it): read, not added up again.
    /// </summary>
    private static void AddPeriod(EvidenceIndex index, PairSeries demandWeight, PairSeries demandMet, ReadOnlySpan<DemandItem> items, ReadOnlySpan<int> touching, ReadOnlySpan<int> firstDays, int t, int day, bool overreachPeriod, ref Tally baseline, ref Tally after)
    {
        if (touching.IsEmpty)
        {
            return;
        }

        if (!overreachPeriod)
        {
            var earliest = int.MaxValue;
            foreach (var first in firstDays)
            {
                earliest = Math.Min(earliest, first);
            }

            if (earliest >= day)
            {
                after.Weight += demandWeight[t];
                after.Met += demandMet[t];
                after.Any = true;
                return;
            }
        }

        foreach (var k in touching)
        {
            Add(index.Grid, items[k], t, day, overreachPeriod, ref baseline, ref after);
        }
    }

    /// <summary>What <see cref="Add"/> reads of a demand: its days, whether it is a span, its weight and its credit.</summary>
    private readonly record struct DemandItem(int First, int Last, bool Span, double Weight, double Credit)
    {
        /// <summary>A demand row's fields (the weight is <see cref="EvidenceIndex.Weight"/>, the credit its response's).</summary>
        public static DemandItem Of(EvidenceIndex index, int row)
        {
            var c = index.Case.Evidence.Columns;
            return new DemandItem(c.FirstDay[row], c.LastDay[row], c.IsSpan(row), index.Weight(row), index.Options.Compliance.Credit((DemandResponse)c.Type[row]));
        }
    }

    /// <summary>Σ weight, Σ weight × credit, and whether any demand was seen, of one side of the overreach.</summary>
    private struct Tally
    {
        public double Weight;
        public double Met;
        public bool Any;

        /// <summary>1 − compliance; NaN without a demand, or when they all weigh 0 (nothing to divide).</summary>
        public readonly double Defiance => Any && Weight > 0 ? 1 - (Met / Weight) : double.NaN;
    }

    private static double? Difference(in Tally after, in Tally before) =>
        double.IsNaN(after.Defiance) || double.IsNaN(before.Defiance) ? null : after.Defiance - before.Defiance;

    /// <summary>
    /// Adds a demand touching period t to its side: a demand made on or after <paramref name="day"/> to the reaction, one
    /// made before it to the baseline. A standing demand (a span) made before it counts only with its days before the
    /// overreach, so only in the overreach's period (<paramref name="overreachPeriod"/>) and earlier; a point demand
    /// made before it counts with its share of any period it touches (it was made once, before the overreach). Its
    /// weight there is confidence × salience × its share of the period.
    /// </summary>
    private static void Add(PeriodGrid grid, in DemandItem demand, int t, int day, bool overreachPeriod, ref Tally baseline, ref Tally after)
    {
        var (first, last) = (demand.First, demand.Last);
        var before = first < day;
        if (before && !overreachPeriod && demand.Span)
        {
            return;
        }

        var starts = grid.StartDays;

        // As EvidenceIndex.ShareOf, with a standing demand's (a span's) days cut at the day before the overreach. A point
        // made before the overreach's day (dated to its month, say, when the overreach is known to the day) is baseline
        // with its whole weight: it was one demand, made once.
        var overlap = Math.Min(before && demand.Span ? Math.Min(last, day - 1) : last, starts[t + 1] - 1) - Math.Max(first, starts[t]) + 1;
        var share = overlap <= 0 ? 0 : demand.Span ? (double)overlap / grid.YearDays[t] : (double)overlap / (last - first + 1);
        var w = demand.Weight * share;
        ref var side = ref before ? ref baseline : ref after;
        side.Weight += w;
        side.Met += w * demand.Credit;
        side.Any = true;
    }

    /// <summary>
    /// A demand's weight on its side of the overreach over periods t0 … t1: confidence × salience × its shares of the
    /// periods, counting, for a standing demand made before the overreach (<paramref name="after"/> false), only its
    /// days before <paramref name="day"/> (a standing demand's time after the overreach is neither baseline nor
    /// reaction); a point demand counts with all its shares in t0 … t1.
    /// </summary>
    private static double Weight(EvidenceIndex index, int row, int day, bool after, int t0, int t1)
    {
        // Only the periods the demand touches (before the overreach, for the baseline): elsewhere its share is +0, and
        // adding +0 changes no sum, so this is EvidenceIndex.WindowWeight's sum for a demand made after the overreach.
        var c = index.Case.Evidence.Columns;
        var (first, whole, span) = (c.FirstDay[row], c.LastDay[row], c.IsSpan(row));
        var last = after || !span ? whole : Math.Min(whole, day - 1);
        var starts = index.Grid.StartDays;
        var years = index.Grid.YearDays;
        var share = 0.0;
        var to = Math.Min(Math.Min(t1, index.Periods - 1), index.PeriodOfDay(last));
        for (var t = Math.Max(Math.Max(t0, 0), index.PeriodOfDay(first)); t <= to; t++)
        {
            // As EvidenceIndex.ShareOf, with a standing baseline demand's days cut at the day before the overreach (a
            // point made before it counts whole).
            var overlap = Math.Min(last, starts[t + 1] - 1) - Math.Max(first, starts[t]) + 1;
            if (overlap > 0)
            {
                share += span ? (double)overlap / years[t] : (double)overlap / (whole - first + 1);
            }
        }

        return index.Weight(row) * share;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only periods with an overreach in their lag window are computed. The demands touching each period are listed
    /// once (canonical order); the baseline's sums before t₀ are trailing windows of the index's demand sums, all
    /// computed together; then each period adds its demands exactly as <see cref="Evaluate"/> does, the reaction's
    /// sums running on from the period before while the overreach stays the same.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EvaluateSeries(in DyadPeriod dyad, int t0, int t1, Span<double?> output)
    {
        var index = dyad.Index;
        var pair = dyad.PatronToClient;
        var n = t1 - t0 + 1;
        output[..n].Clear();
        var sums = DyadLevelMemo.Of(dyad, pair);
        var overreaches = sums.Counts(PairCount.Overreach);
        var demands = sums.Counts(PairCount.Demand);
        if (EvidenceIndex.CountIn(overreaches, 0, t1) == 0 || demands.IsEmpty)
        {
            return;
        }

        var lag = index.Grid.WindowPeriods(dyad.Options.CounterReaction.LagYears);
        var baselineLength = index.Grid.WindowPeriods(dyad.Options.CounterReaction.BaselineYears);
        using var scratch = SeriesScratch.Open();
        var next = scratch.Ints(t1 + 2);
        next[t1 + 1] = int.MaxValue;
        for (var t = t1; t >= 0; t--)
        {
            next[t] = EvidenceIndex.CountIn(overreaches, t, t) > 0 ? t : next[t + 1];
        }

        var baselineWeight = scratch.Doubles(t1 + 1);
        var baselineMet = scratch.Doubles(t1 + 1);
        var demandWeight = sums.Series(PairSum.DemandWeight);
        var demandMet = sums.Series(PairSum.DemandMet);
        Indexing.Windows.Sums(demandWeight, baselineLength, 0, baselineWeight);
        Indexing.Windows.Sums(demandMet, baselineLength, 0, baselineMet);

        // No period before the first overreach that a scored period reads is ever added row by row (the baseline
        // before it comes from the index's sums): list the rows from there on only.
        var first = next[Math.Max(t0 - lag + 1, 0)];
        if (first > t1)
        {
            return;
        }

        // The dyad's demands as its dyad-level sums were built from them (in canonical order), then the ones touching
        // each period first … t1, in canonical order, as positions in items: touching[start[t] … start[t + 1]). Each
        // demand's periods are looked up once (two day-table reads), then counted and placed.
        var demandFields = sums.Demands;
        var count = demandFields.Length;
        var items = ThreadBuffer.Get(ref _items, count);
        var credit = dyad.Options.Compliance;
        for (var k = 0; k < count; k++)
        {
            var d = demandFields[k];
            items[k] = new DemandItem(d.First, d.Last, d.Span, d.Weighted, credit.Credit((DemandResponse)d.Response));
        }

        var from0 = scratch.Ints(count);
        var to0 = scratch.Ints(count);
        var start = scratch.Ints(t1 + 2);
        start.Clear();
        for (var k = 0; k < count; k++)
        {
            from0[k] = Math.Max(index.PeriodOfDay(items[k].First), first);
            to0[k] = Math.Min(index.PeriodOfDay(items[k].Last), t1);
            for (var t = from0[k]; t <= to0[k]; t++)
            {
                start[t + 1]++;
            }
        }

        for (var t = first; t <= t1; t++)
        {
            start[t + 1] += start[t];
        }

        var touching = scratch.Ints(start[t1 + 1]);
        var rowFirst = scratch.Ints(start[t1 + 1]);
        var fill = scratch.Ints(t1 + 1);
        start[..(t1 + 1)].CopyTo(fill);
        for (var k = 0; k < count; k++)
        {
            for (var t = from0[k]; t <= to0[k]; t++)
            {
                rowFirst[fill[t]] = items[k].First;
                touching[fill[t]++] = k;
            }
        }

        var started = -1;
        var day = 0;
        Tally baseline = default, after = default;
        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            var overreach = next[Math.Max(t - lag + 1, 0)];
            if (overreach > t)
            {
                continue;
            }

            var from = t;
            if (overreach != started)
            {
                day = OverreachDay(index, pair, overreach);
                baseline = overreach == 0 ? default : new Tally
                {
                    Weight = baselineWeight[overreach - 1],
                    Met = baselineMet[overreach - 1],
                    Any = EvidenceIndex.CountIn(demands, overreach - baselineLength, overreach - 1) > 0,
                };
                after = default;
                from = overreach;
                started = overreach;
            }

            for (var u = from; u <= t; u++)
            {
                AddPeriod(index, demandWeight, demandMet, items, touching[start[u]..start[u + 1]], rowFirst[start[u]..start[u + 1]], u, day, u == overreach, ref baseline, ref after);
            }

            output[i] = Difference(after, baseline);
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

        // A demand made before the overreach touches t₀ or an earlier period; a point one counts up to t.
        foreach (var row in index.Items(at.PatronToClient, EvidenceKind.Demand, w.BaselineFrom, w.BaselineTo))
        {
            if (c.FirstDay[row] < day)
            {
                uses.Add(new EvidenceUse(row, "demand made before overreach (baseline)", Weight(index, row, day, after: false, w.BaselineFrom, at.T)));
            }
        }
    }
}
