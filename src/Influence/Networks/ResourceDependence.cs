using System.Collections.Immutable;
using System.Numerics;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;

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

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Resources"/> by their contents, in order.</remarks>
    public bool Equals(ResourceDependence? other) =>
        other is not null && Dependent == other.Dependent && Provider == other.Provider && HasReceived == other.HasReceived
        && Value.Equals(other.Value) && Records.SequenceEqual(Resources, other.Resources);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Dependent, Provider, HasReceived, Value, Records.SequenceHash(Resources));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Dependent), Dependent).Add(nameof(Provider), Provider).Add(nameof(HasReceived), HasReceived)
            .Add(nameof(Value), Value).Add(nameof(Resources), Resources);
        return true;
    }

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
    /// the same order (<see cref="Scan"/>). The dependent's part (what it received, per supplier squares, and from them
    /// each resource's criticality and the denominator) depends only on the dependent and the windows: it is computed
    /// once per actor and shared by every dyad in which the actor appears, on any thread
    /// (<see cref="EvidenceIndex.Memo{T}"/>), so a hub's receipts are read once, not once per dyad. The provider's part
    /// reads only the pair (provider, dependent), whose items are exactly the provider's side of the outermost pair.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Series(EvidenceIndex index, int dependent, int provider, int w, int t0, int t1, Span<double> values, Span<bool> received)
    {
        var n = t1 - t0 + 1;
        var totals = DependentTotals.Of(index, dependent, w, t0, t1);
        var fromProvider = ThreadBuffer.Get(ref Scratch.Provider, n * Kinds);
        int low = n, high = -1;

        // The provider's items into the dependent sit in one outermost pair, that of the lowest of its ancestors-or-self
        // whose parent is none or contains the dependent; those of its items there are exactly the items of the pair
        // (provider, dependent) (roll-up puts an item in the pair of every ancestor of its actor), in the same canonical
        // order: that pair is scanned, with no filter (no acting actor read per item).
        if (!index.AreRelated(provider, dependent))
        {
            var pair = index.PairOf(provider, dependent);
            if (pair >= 0)
            {
                Scan(index, pair, w, t0, t1, fromProvider, null, null, ref low, ref high);
            }
        }
        else
        {
            foreach (var p in index.InPairSpan(dependent))
            {
                if (index.IsOutermostPair(p) && index.AreRelated(index.PairFrom(p), provider))
                {
                    Scan(index, p, w, t0, t1, fromProvider, null, null, ref low, ref high, provider);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            received[i] = totals.Any[i];
            var den = totals.Denominator[i];
            if (i < low || i > high)
            {
                // Nothing from the provider in this window: every term of the numerator is κ · 0 = +0, and +0 / den is +0.
                values[i] = 0;
                continue;
            }

            double num = 0;
            for (var r = 0; r < Kinds; r++)
            {
                num += totals.KappaAt(r, i) * fromProvider[(r * n) + i];
            }

            values[i] = den > 0 ? Math.Clamp(num / den, 0, 1) : 0;
        }

        if (high >= low)
        {
            for (var r = 0; r < Kinds; r++)
            {
                fromProvider.AsSpan((r * n) + low, high - low + 1).Clear();
            }
        }
    }

    /// <summary>
    /// Adds the window weight of each support item of a pair (in canonical order) to <paramref name="sums"/>[window,
    /// resource] for every window ending at t0 … t1 that it overlaps; also to <paramref name="mine"/> and
    /// <paramref name="any"/> when given. With a <paramref name="provider"/> (≥ 0), only the items its side gave.
    /// Widens [<paramref name="low"/>, <paramref name="high"/>] to the windows (t − t0) it added to.
    /// </summary>
    /// <remarks>
    /// An item's window weight is <see cref="EvidenceIndex.WindowWeight"/>: its weight × the sum of its shares of the
    /// window's periods, added in period order. Shares are positive exactly in the periods the item touches and +0
    /// elsewhere, and adding +0 changes no sum, so the sum runs over the periods both share; when the window starts at
    /// or before the item's first period, that sum is the running sum of the item's shares from its first period,
    /// computed once per item. Only windows that start inside an item longer than one period add its shares anew.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Scan(EvidenceIndex index, int pair, int w, int t0, int t1, double[] sums, double[]? mine, bool[]? any, ref int low, ref int high, int provider = -1)
    {
        var days = index.Grid.StartDays;
        var years = index.Grid.YearDays;
        var last = index.Periods - 1;
        var n = t1 - t0 + 1;
        var (items, codes) = SupportOf(index, pair, provider);
        for (var k = 0; k < items.Length; k++)
        {
            var item = items[k];
            var first = item.First;
            var lastDay = item.Last;
            var firstPeriod = index.PeriodOfDay(first);
            var lastPeriod = index.PeriodOfDay(lastDay);
            var f = Math.Max(firstPeriod, 0);
            var l = Math.Min(lastPeriod, last);
            var from = Math.Max(t0, f);
            var to = Math.Min(t1, l + w - 1);
            if (from > to)
            {
                continue;
            }

            var whole = item.Whole;
            var span = codes[k] >= SupportItems.SpanBit;
            var r = codes[k] & ~SupportItems.SpanBit;
            double[]? shares = null;
            double[]? running = null;

            // A point item lies wholly inside the windows that end at or after its last period and start at or before
            // its first (both inside the grid): they take its weight, and need none of the checks below.
            int wholeFrom = to + 1, wholeTo = to;
            if (!span && firstPeriod >= 0 && lastPeriod <= last)
            {
                wholeFrom = Math.Max(from, lastPeriod);
                wholeTo = Math.Min(to, firstPeriod + w - 1);
                if (wholeFrom > wholeTo)
                {
                    (wholeFrom, wholeTo) = (to + 1, to);
                }
                else
                {
                    low = Math.Min(low, wholeFrom - t0);
                    high = Math.Max(high, wholeTo - t0);
                    var length = wholeTo - wholeFrom + 1;
                    AddTo(sums.AsSpan((r * n) + wholeFrom - t0, length), whole);
                    if (mine is not null)
                    {
                        AddTo(mine.AsSpan((r * n) + wholeFrom - t0, length), whole);
                        any.AsSpan(wholeFrom - t0, length).Fill(true);
                    }
                }
            }

            for (var t = from; t <= to; t++)
            {
                if (t == wholeFrom)
                {
                    t = wholeTo;
                    continue;
                }

                var a = t - w + 1;
                var d0 = days[Math.Max(a, 0)];
                var d1 = days[t + 1] - 1;
                if (lastDay < d0 || first > d1)
                {
                    continue;
                }

                double weight;
                if (!span && first >= d0 && lastDay <= d1)
                {
                    // As in Compute: a point wholly inside the window puts all its mass there.
                    weight = whole;
                }
                else
                {
                    if (shares is null)
                    {
                        (shares, running) = Shares(days, years, first, lastDay, span, f, l);
                    }

                    var qs = Math.Max(Math.Max(a, 0), f);
                    var qe = Math.Min(t, l);
                    double sum;
                    if (qs == f)
                    {
                        sum = running![qe - f];
                    }
                    else
                    {
                        sum = 0.0;
                        for (var q = qs; q <= qe; q++)
                        {
                            sum += shares[q - f];
                        }
                    }

                    weight = whole * sum;
                }

                var i = t - t0;
                low = Math.Min(low, i);
                high = Math.Max(high, i);
                var cell = (r * n) + i;
                sums[cell] += weight;
                if (mine is not null)
                {
                    mine[cell] += weight;
                    any![i] = true;
                }
            }
        }
    }

    /// <summary>
    /// A pair's support items (<see cref="EvidenceIndex.SupportItemsOf"/>), in canonical order; with a
    /// <paramref name="provider"/> ≥ 0, only those its side gave, copied into per-thread buffers.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SupportSpan SupportOf(EvidenceIndex index, int pair, int provider)
    {
        var (items, codes) = index.SupportItemsOf(pair);
        if (provider < 0)
        {
            return new SupportSpan(items, codes);
        }

        // The support rows are in the items' order: only the acting actor is read from the columns.
        var actors = index.Case.Evidence.Columns.A;
        var rows = index.PairItemSpan(pair, EvidenceKind.Support);
        var mine = ThreadBuffer.Get(ref Scratch.Items, items.Length);
        var mineCodes = ThreadBuffer.Get(ref Scratch.Codes, items.Length);
        var count = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            if (index.IsWithin(actors[rows[k]], provider))
            {
                mine[count] = items[k];
                mineCodes[count++] = codes[k];
            }
        }

        return new SupportSpan(mine.AsSpan(0, count), mineCodes.AsSpan(0, count));
    }

    /// <summary>Adds a value to every element (each element's addition is the one a scalar loop makes).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void AddTo(Span<double> cells, double value)
    {
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && cells.Length >= System.Numerics.Vector<double>.Count)
        {
            var v = new System.Numerics.Vector<double>(value);
            for (; i <= cells.Length - System.Numerics.Vector<double>.Count; i += System.Numerics.Vector<double>.Count)
            {
                var slice = cells.Slice(i, System.Numerics.Vector<double>.Count);
                (new System.Numerics.Vector<double>(slice) + v).CopyTo(slice);
            }
        }

        for (; i < cells.Length; i++)
        {
            cells[i] += value;
        }
    }

    /// <summary>An item's shares of periods f … l and their running sums from f (per-thread buffers).</summary>
    private static (double[] Shares, double[] Running) Shares(ReadOnlySpan<int> days, ReadOnlySpan<int> years, int first, int lastDay, bool span, int f, int l)
    {
        var length = l - f + 1;
        var shares = ThreadBuffer.Get(ref Scratch.Shares, length);
        var running = ThreadBuffer.Get(ref Scratch.Running, length);
        var sum = 0.0;
        for (var q = f; q <= l; q++)
        {
            shares[q - f] = EvidenceIndex.ShareOf(days, years, first, lastDay, span, q); // index.Share(row, q)
            sum += shares[q - f];
            running[q - f] = sum;
        }

        return (shares, running);
    }

    /// <summary>What <see cref="Scan"/> reads of one support item.</summary>
    /// <summary>Per-thread buffers of the series path, grown as needed.</summary>
    private static class Scratch
    {
        [ThreadStatic]
        public static SupportItem[]? Items;

        [ThreadStatic]
        public static byte[]? Codes;

        [ThreadStatic]
        public static double[]? Provider;

        [ThreadStatic]
        public static double[]? Mine;

        [ThreadStatic]
        public static double[]? Received;

        [ThreadStatic]
        public static double[]? Squares;

        [ThreadStatic]
        public static double[]? Kappa;

        [ThreadStatic]
        public static double[]? Shares;

        [ThreadStatic]
        public static double[]? Running;
    }

    /// <summary>
    /// What a dependent actor received per window and resource, Σ over suppliers of their part squared, and from them
    /// each resource's criticality κ and the denominator Σ_r κ_r S_r of every window.
    /// </summary>
    private sealed class DependentTotals
    {
        private readonly double[] _kappa;
        private readonly int[] _rowStart;
        private readonly int[] _rowLo;

        private DependentTotals(double[] kappa, int[] rowStart, int[] rowLo, double[] denominator, bool[] any)
        {
            _kappa = kappa;
            _rowStart = rowStart;
            _rowLo = rowLo;
            Denominator = denominator;
            Any = any;
        }

        public double[] Denominator { get; }

        public bool[] Any { get; }

        /// <summary>
        /// κ of resource r in window i. Each resource's row is kept only from its first to its last window with a
        /// κ other than +0 (the windows between keep theirs); outside that, κ is +0, as it was computed.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double KappaAt(int r, int i)
        {
            var k = i - _rowLo[r];
            var start = _rowStart[r];
            return (uint)k < (uint)(_rowStart[r + 1] - start) ? _kappa[start + k] : 0;
        }

        /// <summary>The dependent's totals, computed once per index and window series and shared by every dyad and thread.</summary>
        public static DependentTotals Of(EvidenceIndex index, int dependent, int w, int t0, int t1) =>
            index.Memo<DependentTotals>(w, t0, t1).Get(dependent, (index, w, t0, t1), static (d, s) => Compute(s.index, d, s.w, s.t0, s.t1));

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private static DependentTotals Compute(EvidenceIndex index, int dependent, int w, int t0, int t1)
        {
            var n = t1 - t0 + 1;
            var kappas = ThreadBuffer.Get(ref Scratch.Kappa, n * Kinds).AsSpan(0, n * Kinds);
            var any = new bool[n];
            var denominator = new double[n];

            // What the dependent received and the squares are needed only here: per-thread buffers, not kept.
            var received = ThreadBuffer.Get(ref Scratch.Received, n * Kinds).AsSpan(0, n * Kinds);
            var squares = ThreadBuffer.Get(ref Scratch.Squares, n * Kinds).AsSpan(0, n * Kinds);
            received.Clear();
            squares.Clear();
            var receivedArray = Scratch.Received!;
            var mine = ThreadBuffer.Get(ref Scratch.Mine, n * Kinds);
            foreach (var p in index.InPairSpan(dependent))
            {
                if (!index.IsOutermostPair(p))
                {
                    continue;
                }

                int low = n, high = -1;
                Scan(index, p, w, t0, t1, receivedArray, mine, any, ref low, ref high);
                if (high < low)
                {
                    continue;
                }

                // Cells of windows the pair did not reach hold 0 in mine and add nothing.
                for (var r = 0; r < Kinds; r++)
                {
                    AddSquares(mine.AsSpan((r * n) + low, high - low + 1), squares.Slice((r * n) + low, high - low + 1));
                    mine.AsSpan((r * n) + low, high - low + 1).Clear();
                }
            }

            // Lanes hold consecutive windows; each window's denominator adds its resources' terms in resource order,
            // as the scalar loop below does.
            var i0 = 0;
            var lanes = Vector<double>.Count;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i0 <= n - lanes; i0 += lanes)
                {
                    var den = Vector<double>.Zero;
                    for (var r = 0; r < Kinds; r++)
                    {
                        var cell = (r * n) + i0;
                        var total = new Vector<double>(received.Slice(cell, lanes));
                        var square = new Vector<double>(squares.Slice(cell, lanes));
                        var kappa = Vector.ConditionalSelect(Vector.GreaterThan(total, Vector<double>.Zero), square / (total * total), Vector<double>.Zero);
                        kappa.CopyTo(kappas.Slice(cell, lanes));
                        den += kappa * total;
                    }

                    den.CopyTo(denominator.AsSpan(i0, lanes));
                }
            }

            for (var i = i0; i < n; i++)
            {
                double den = 0;
                for (var r = 0; r < Kinds; r++)
                {
                    var cell = (r * n) + i;
                    var total = received[cell];
                    var kappa = ResourceDependence.Kappa(total, squares[cell]);
                    kappas[cell] = kappa;
                    den += kappa * total;
                }

                denominator[i] = den;
            }

            // Only the part of each resource's row from its first to its last κ other than +0 is kept: a dependent that
            // received a resource in few windows (most of them, where evidence is sparse) keeps few values.
            var rowLo = new int[Kinds];
            var rowStart = new int[Kinds + 1];
            for (var r = 0; r < Kinds; r++)
            {
                var row = kappas.Slice(r * n, n);
                var lo = row.IndexOfAnyExcept(0.0);
                var hi = row.LastIndexOfAnyExcept(0.0);
                rowLo[r] = lo < 0 ? 0 : lo;
                rowStart[r + 1] = rowStart[r] + (lo < 0 ? 0 : hi - lo + 1);
            }

            var kept = new double[rowStart[Kinds]];
            for (var r = 0; r < Kinds; r++)
            {
                kappas.Slice((r * n) + rowLo[r], rowStart[r + 1] - rowStart[r]).CopyTo(kept.AsSpan(rowStart[r]));
            }

            return new DependentTotals(kept, rowStart, rowLo, denominator, any);
        }
    }

    /// <summary>squares[i] += mine[i]² where mine[i] &gt; 0 (elsewhere +0 is added, which changes no sum of squares).</summary>
    private static void AddSquares(ReadOnlySpan<double> mine, Span<double> squares)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= mine.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var m = new Vector<double>(mine.Slice(i, Vector<double>.Count));
                var add = Vector.ConditionalSelect(Vector.GreaterThan(m, Vector<double>.Zero), m * m, Vector<double>.Zero);
                (new Vector<double>(squares.Slice(i, Vector<double>.Count)) + add).CopyTo(squares.Slice(i, Vector<double>.Count));
            }
        }

        for (; i < mine.Length; i++)
        {
            if (mine[i] > 0)
            {
                squares[i] += mine[i] * mine[i];
            }
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
            foreach (var row in index.PairItemSpan(p, EvidenceKind.Support))
            {
                if (c.LastDay[row] < d0 || c.FirstDay[row] > d1)
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
