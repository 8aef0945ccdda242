using System.Collections.Immutable;
using Influence.Evidence;
using Influence.Indexing;

namespace Influence.Networks;

/// <summary>One resource in a <see cref="ResourceDependence"/>.</summary>
/// <param name="Resource">The resource type.</param>
/// <param name="Received">S_r: all weighted support of this resource the dependent actor received.</param>
/// <param name="FromProvider">p_r: the part of it the provider gave.</param>
/// <param name="Criticality">κ_r: the Herfindahl concentration of the resource's suppliers (1 when one supplier provides it all).</param>
/// <param name="Suppliers">How many supporters provided it.</param>
public readonly record struct ResourceDependenceRow(ResourceType Resource, double Received, double FromProvider, double Criticality, int Suppliers);

/// <summary>
/// How much one actor depends on another for the resources it receives, with critical resources weighing more:
/// a resource that only one supplier provides counts fully, a resource many supply counts less.
/// </summary>
/// <remarks>
/// <para>
/// Emerson (1962): A's dependence on B grows with what A gets from B and shrinks with A's alternatives for it. For the
/// dependent actor D and the provider P over a window, with support split by resource type r and by supplier z
/// (outermost level, as in <see cref="SupportShares"/>):
/// </para>
/// <code>
/// S_r   = Σ_z S_r[z→D]                 all of resource r that D received
/// p_r   = S_r[P→D]                     the part P gave
/// κ_r   = Σ_z (S_r[z→D] / S_r)²        criticality: the Herfindahl concentration of r's suppliers, in (0, 1]
/// dependence(D on P) = Σ_r κ_r · p_r / Σ_r κ_r · S_r       in [0, 1]
/// </code>
/// <para>
/// With one supplier per resource every κ_r is 1 and the dependence is P's plain share of D's support; a resource
/// that P alone provides (κ = 1) weighs more than one that many share, and a resource a rival alone provides pulls
/// D's dependence on P down. The dependence is 0 when D received nothing with weight. Cost O(items received × window).
/// </para>
/// </remarks>
public sealed record ResourceDependence
{
    private ResourceDependence(int dependent, int provider, bool received, double value, ImmutableArray<ResourceDependenceRow> resources)
    {
        Dependent = dependent;
        Provider = provider;
        HasReceived = received;
        Value = value;
        Resources = resources;
    }

    /// <summary>The dependent actor's position.</summary>
    public int Dependent { get; }

    /// <summary>The provider's position.</summary>
    public int Provider { get; }

    /// <summary>Whether the dependent actor received any support item in the window.</summary>
    public bool HasReceived { get; }

    /// <summary>The criticality-weighted dependence in [0, 1] (0 when nothing was received).</summary>
    public double Value { get; }

    /// <summary>The resources received, in <see cref="ResourceType"/> order.</summary>
    public ImmutableArray<ResourceDependenceRow> Resources { get; }

    /// <summary>Computes the dependence of one actor on another over periods t0 … t1.</summary>
    /// <param name="index">The index.</param>
    /// <param name="dependent">The receiving actor's position.</param>
    /// <param name="provider">The provider's position.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The dependence.</returns>
    public static ResourceDependence Of(EvidenceIndex index, int dependent, int provider, int t0, int t1)
    {
        ArgumentNullException.ThrowIfNull(index);
        Span<double> received = stackalloc double[Kinds];
        Span<double> fromProvider = stackalloc double[Kinds];
        Span<double> squares = stackalloc double[Kinds];
        Span<int> suppliers = stackalloc int[Kinds];
        var value = Compute(index, dependent, provider, t0, t1, received, fromProvider, squares, suppliers, out var any);
        var rows = ImmutableArray.CreateBuilder<ResourceDependenceRow>();
        for (var r = 0; r < Kinds; r++)
        {
            if (suppliers[r] > 0)
            {
                rows.Add(new ResourceDependenceRow((ResourceType)r, received[r], fromProvider[r], Kappa(received[r], squares[r]), suppliers[r]));
            }
        }

        return new ResourceDependence(dependent, provider, any, value, rows.ToImmutable());
    }

    /// <summary>The value alone, without allocating (the measure's path).</summary>
    internal static double ValueOf(EvidenceIndex index, int dependent, int provider, int t0, int t1, out bool received)
    {
        Span<double> r = stackalloc double[Kinds];
        Span<double> p = stackalloc double[Kinds];
        Span<double> q = stackalloc double[Kinds];
        Span<int> n = stackalloc int[Kinds];
        return Compute(index, dependent, provider, t0, t1, r, p, q, n, out received);
    }

    private static readonly int Kinds = Enum.GetValues<ResourceType>().Length;

    /// <summary>
    /// The value for the trailing windows of <paramref name="w"/> periods ending at t0 … t1, bit for bit equal to
    /// <see cref="ValueOf"/> window by window (NaN where nothing was received; <paramref name="received"/> tells).
    /// </summary>
    /// <remarks>
    /// <see cref="ValueOf"/> scans every item into the dependent actor for each window. Here the loops are swapped:
    /// each support item, in the same order (supporter pairs in pair order, items in canonical order), adds its window
    /// weight to the accumulators of every window it overlaps, so each window's accumulators receive the same terms in
    /// the same order. The dependent's totals (what it received, per supplier squares) depend only on the dependent
    /// and are kept for the next dyad with the same dependent on this thread; the provider's part reads only the pairs
    /// of the provider's movement.
    /// </remarks>
    internal static void Series(EvidenceIndex index, int dependent, int provider, int w, int t0, int t1, Span<double> values, Span<bool> received)
    {
        var n = t1 - t0 + 1;
        var totals = DependentTotals.Of(index, dependent, w, t0, t1);
        var fromProvider = System.Buffers.ArrayPool<double>.Shared.Rent(n * Kinds);
        try
        {
            fromProvider.AsSpan(0, n * Kinds).Clear();
            foreach (var p in index.InPairSpan(dependent))
            {
                if (index.IsOutermostPair(p) && index.AreRelated(index.PairFrom(p), provider))
                {
                    Scan(index, p, w, t0, t1, fromProvider, null, null, provider);
                }
            }

            for (var i = 0; i < n; i++)
            {
                received[i] = totals.Any[i];
                double num = 0, den = 0;
                for (var r = 0; r < Kinds; r++)
                {
                    var total = totals.Received[(i * Kinds) + r];
                    var kappa = Kappa(total, totals.Squares[(i * Kinds) + r]);
                    num += kappa * fromProvider[(i * Kinds) + r];
                    den += kappa * total;
                }

                values[i] = den > 0 ? Math.Clamp(num / den, 0, 1) : 0;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(fromProvider);
        }
    }

    /// <summary>
    /// Adds the window weight of each support item of a pair (in canonical order) to <paramref name="sums"/>[window,
    /// resource] for every window ending at t0 … t1 that it overlaps; also to <paramref name="mine"/> and
    /// <paramref name="any"/> when given. With a <paramref name="provider"/> (≥ 0), only the items its side gave.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Scan(EvidenceIndex index, int pair, int w, int t0, int t1, double[] sums, double[]? mine, bool[]? any, int provider = -1)
    {
        var c = index.Case.Evidence.Columns;
        var grid = index.Grid;
        var days = grid.StartDays;
        var last = index.Periods - 1;
        foreach (var row in index.PairItemSpan(pair))
        {
            if (c.Kind[row] != (byte)EvidenceKind.Support || (provider >= 0 && !index.IsWithin(c.A[row], provider)))
            {
                continue;
            }

            var whole = index.Weight(row);

            var first = c.FirstDay[row];
            var lastDay = c.LastDay[row];
            var span = c.IsSpan(row);
            var r = c.Type[row];
            var from = Math.Max(t0, Math.Max(grid.IndexOfDay(first), 0));
            var to = Math.Min(t1, Math.Min(grid.IndexOfDay(lastDay), last) + w - 1);
            for (var t = from; t <= to; t++)
            {
                var a = t - w + 1;
                var d0 = days[Math.Max(a, 0)];
                var d1 = days[t + 1] - 1;
                if (lastDay < d0 || first > d1)
                {
                    continue;
                }

                // As in Compute: a point wholly inside the window puts all its mass there.
                var weight = !span && first >= d0 && lastDay <= d1 ? whole : index.WindowWeight(row, a, t);
                var cell = ((t - t0) * Kinds) + r;
                sums[cell] += weight;
                if (mine is not null)
                {
                    mine[cell] += weight;
                    any![t - t0] = true;
                }
            }
        }
    }

    /// <summary>What a dependent actor received per window and resource, and Σ over suppliers of their part squared.</summary>
    private sealed class DependentTotals
    {
        private const int Slots = 64;

        [ThreadStatic]
        private static DependentTotals[]? _slots;

        [ThreadStatic]
        private static long _clock;

        private long _used;
        private long _build = -1;
        private int _dependent;
        private int _w;
        private int _t0;
        private int _t1;

        public double[] Received { get; private set; } = [];

        public double[] Squares { get; private set; } = [];

        public bool[] Any { get; private set; } = [];

        public static DependentTotals Of(EvidenceIndex index, int dependent, int w, int t0, int t1)
        {
            var slots = _slots ??= [.. Enumerable.Range(0, Slots).Select(_ => new DependentTotals())];
            var oldest = slots[0];
            foreach (var slot in slots)
            {
                if (slot._build == index.BuildId && slot._dependent == dependent && slot._w == w && slot._t0 == t0 && slot._t1 == t1)
                {
                    slot._used = ++_clock;
                    return slot;
                }

                if (slot._used < oldest._used)
                {
                    oldest = slot;
                }
            }

            oldest.Compute(index, dependent, w, t0, t1);
            oldest._used = ++_clock;
            return oldest;
        }

        private void Compute(EvidenceIndex index, int dependent, int w, int t0, int t1)
        {
            var n = t1 - t0 + 1;
            Received = new double[n * Kinds];
            Squares = new double[n * Kinds];
            Any = new bool[n];
            var mine = new double[n * Kinds];
            foreach (var p in index.InPairSpan(dependent))
            {
                if (!index.IsOutermostPair(p))
                {
                    continue;
                }

                Array.Clear(mine);
                Scan(index, p, w, t0, t1, Received, mine, Any);
                for (var cell = 0; cell < mine.Length; cell++)
                {
                    if (mine[cell] > 0)
                    {
                        Squares[cell] += mine[cell] * mine[cell];
                    }
                }
            }

            (_build, _dependent, _w, _t0, _t1) = (index.BuildId, dependent, w, t0, t1);
        }
    }

    private static double Kappa(double received, double squares) => received > 0 ? squares / (received * received) : 0;

    /// <summary>
    /// One pass over the supporters' pairs: per resource the total, the provider's part, Σ_z (S_r[z→D])² (each pair is
    /// one supplier) and the number of suppliers; then Σ κ_r p_r / Σ κ_r S_r.
    /// </summary>
    private static double Compute(EvidenceIndex index, int dependent, int provider, int t0, int t1, Span<double> received, Span<double> fromProvider, Span<double> squares, Span<int> suppliers, out bool any)
    {
        var c = index.Case.Evidence.Columns;
        Span<double> mine = stackalloc double[Kinds];
        var (d0, d1) = index.WindowDays(t0, t1);
        any = false;
        foreach (var p in index.InPairSpan(dependent))
        {
            if (!index.IsOutermostPair(p) || index.Count(PairCount.Support, p, t0, t1) == 0)
            {
                continue;
            }

            mine.Clear();
            foreach (var row in index.PairItemSpan(p))
            {
                if (c.Kind[row] != (byte)EvidenceKind.Support || c.LastDay[row] < d0 || c.FirstDay[row] > d1)
                {
                    continue;
                }

                // A point-dated item wholly inside the window puts all its mass there: its window weight is its weight.
                var w = !c.IsSpan(row) && c.FirstDay[row] >= d0 && c.LastDay[row] <= d1 ? index.Weight(row) : index.WindowWeight(row, t0, t1);
                var r = c.Type[row];
                any = true;
                mine[r] += w;
                received[r] += w;
                if (index.IsWithin(c.A[row], provider))
                {
                    fromProvider[r] += w;
                }
            }

            for (var r = 0; r < Kinds; r++)
            {
                if (mine[r] > 0)
                {
                    squares[r] += mine[r] * mine[r];
                    suppliers[r]++;
                }
            }
        }

        double num = 0, den = 0;
        for (var r = 0; r < Kinds; r++)
        {
            var kappa = Kappa(received[r], squares[r]);
            num += kappa * fromProvider[r];
            den += kappa * received[r];
        }

        return den > 0 ? Math.Clamp(num / den, 0, 1) : 0;
    }
}
