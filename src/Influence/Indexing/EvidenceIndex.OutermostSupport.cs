using System.Runtime.CompilerServices;
using Influence.Evidence;

namespace Influence.Indexing;

/// <summary>
/// What the window passes of dependence asymmetry read of one support item, in 16 bytes: its first and last day,
/// its weight (confidence × magnitude, <see cref="EvidenceIndex.Weight"/>), its resource type and whether it is a span.
/// </summary>
internal readonly struct SupportItem
{
    // Day numbers are below 2²² (DateOnly's last day is 3 652 058): the type and the span flag sit above them.
    private const int DayBits = 22;
    private const uint DayMask = (1u << DayBits) - 1;
    private const uint SpanBit = 1u << 30;

    private readonly uint _last;

    public SupportItem(int first, int last, double whole, byte type, bool span)
    {
        First = first;
        _last = (uint)last | ((uint)type << DayBits) | (span ? SpanBit : 0);
        Whole = whole;
    }

    /// <summary>The first day number.</summary>
    public int First { get; }

    /// <summary>The weight: confidence × magnitude.</summary>
    public double Whole { get; }

    /// <summary>The last day number.</summary>
    public int Last => (int)(_last & DayMask);

    /// <summary>The resource type.</summary>
    public byte Type => (byte)(_last >> DayBits);

    /// <summary>Whether the item is a span (an intensity) rather than a point date.</summary>
    public bool Span => (_last & SpanBit) != 0;
}

/// <summary>The support items of every outermost pair, gathered once per scoring.</summary>
public sealed partial class EvidenceIndex
{
    private OutermostSupportItems? _outermostSupport;

    /// <summary>
    /// The support items of an outermost pair (<see cref="IsOutermostPair"/>), in canonical order: the rows of
    /// <see cref="PairItemSpan"/> whose kind is support, as <see cref="SupportItem"/>s. Built on first use, or by
    /// <see cref="Prepare"/> for <see cref="Parts.OutermostSupport"/>; dropped with the memos.
    /// </summary>
    internal ReadOnlySpan<SupportItem> OutermostSupport(int pair) => OutermostSupport(pair, out _);

    /// <summary>As <see cref="OutermostSupport(int)"/>, with each item's giver (its actor in the evidence).</summary>
    internal ReadOnlySpan<SupportItem> OutermostSupport(int pair, out ReadOnlySpan<int> givers)
    {
        var table = Volatile.Read(ref _outermostSupport) ?? Make(ref _outermostSupport, () => BuildOutermostSupport(1));
        var (start, length) = (table.Start[pair], table.Start[pair + 1] - table.Start[pair]);
        givers = table.Givers.AsSpan(start, length);
        return table.Items.AsSpan(start, length);
    }

    /// <summary>
    /// Reading a pair's items through <see cref="PairItemSpan"/> costs a scattered read of the kind column per item
    /// and of six more columns per support item (the case's rows are in no order of pairs). Here the columns are read
    /// in row order instead, each support row's outermost pairs found from its actors (the roll-up of
    /// <see cref="Builder"/>: every pair (x, y), x an ancestor-or-self of the giver, y of the receiver, x and y
    /// unrelated), and its item written to each such pair's bucket: rows in order, so each bucket is in canonical
    /// order. Chunks of rows run in parallel; chunk c writes after chunks 0 … c − 1 in every bucket.
    /// </summary>
    private OutermostSupportItems BuildOutermostSupport(int threads)
    {
        var c = Case.Evidence.Columns;
        var rows = c.Count;
        var pairs = _pairFrom.Length;
        var chunks = Math.Max(1, Math.Min(threads, rows / 65536));
        var found = new FoundPairs[chunks];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };

        // Pass 1: each support row's outermost pairs (kept for pass 2), and how many items each pair gets per chunk.
        Parallel.For(0, chunks, parallel, k => found[k] = FindOutermostPairs(c, pairs, ChunkRows(rows, chunks, k)));

        // Each bucket's start, and each chunk's cursor in it.
        var bucketStart = new int[pairs + 1];
        for (var p = 0; p < pairs; p++)
        {
            var total = 0;
            for (var k = 0; k < chunks; k++)
            {
                total += found[k].Count[p];
            }

            bucketStart[p + 1] = bucketStart[p] + total;
        }

        for (var p = 0; p < pairs; p++)
        {
            var at = bucketStart[p];
            for (var k = 0; k < chunks; k++)
            {
                var n = found[k].Count[p];
                found[k].Count[p] = at;
                at += n;
            }
        }

        // Pass 2: the items, chunk by chunk in row order, into their buckets.
        var items = GC.AllocateUninitializedArray<SupportItem>(bucketStart[pairs]);
        var givers = GC.AllocateUninitializedArray<int>(bucketStart[pairs]);
        var options = Options.Confidence;
        var confidence = new[] { options.Of(Confidence.Confirmed), options.Of(Confidence.Reported), options.Of(Confidence.Alleged) };
        Parallel.For(0, chunks, parallel, k => WriteSupportItems(c, confidence, found[k], items, givers));

        return new OutermostSupportItems(bucketStart, items, givers);
    }

    /// <summary>
    /// Pass 1 over rows start … end − 1: the support rows, each one's outermost pairs (in <c>Found</c>, their number in
    /// <c>PerRow</c>), and how many items each pair gets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private FoundPairs FindOutermostPairs(EvidenceColumns c, int pairs, (int Start, int End) rows)
    {
        var (kinds, givers, receivers) = (c.Kind, c.A, c.B);
        var count = new int[pairs];
        var length = rows.End - rows.Start;
        var supportRows = GC.AllocateUninitializedArray<int>(length);
        var perRow = GC.AllocateUninitializedArray<byte>(length);
        var found = GC.AllocateUninitializedArray<int>(Math.Max(16, length));
        int support = 0, used = 0;
        for (var row = rows.Start; row < rows.End; row++)
        {
            if (kinds[row] != (byte)EvidenceKind.Support || receivers[row] < 0)
            {
                continue;
            }

            // At most one outermost pair per level of the receiver.
            if (found.Length - used < _ancestorsOrSelf[receivers[row]].Length)
            {
                Array.Resize(ref found, 2 * found.Length);
            }

            var added = OutermostPairsOf(givers[row], receivers[row], found.AsSpan(used));
            for (var j = used; j < used + added; j++)
            {
                count[found[j]]++;
            }

            used += added;
            supportRows[support] = row;
            perRow[support++] = (byte)added;
        }

        return new FoundPairs(count, supportRows, support, perRow, found);
    }

    /// <summary>Pass 2: each support row's item and giver into the buckets of its pairs, at the chunk's cursors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteSupportItems(EvidenceColumns c, double[] confidence, FoundPairs chunk, SupportItem[] items, int[] givers)
    {
        var (a, firsts, lasts, confidences, values, types, flags) = (c.A, c.FirstDay, c.LastDay, c.Confidence, c.Value, c.Type, c.DateFlags);
        var (cursor, found, perRow) = (chunk.Count, chunk.Found, chunk.PerRow);
        var next = 0;
        var rows = chunk.SupportRows.AsSpan(0, chunk.Support);
        for (var k = 0; k < rows.Length; k++)
        {
            var row = rows[k];

            // Whole: EvidenceIndex.Weight of a support item.
            var item = new SupportItem(firsts[row], lasts[row], confidence[confidences[row]] * values[row], types[row], (flags[row] & EvidenceColumns.SpanFlag) != 0);
            var giver = a[row];
            for (var m = perRow[k]; m > 0; m--)
            {
                var at = cursor[found[next++]]++;
                items[at] = item;
                givers[at] = giver;
            }
        }
    }

    private static (int Start, int End) ChunkRows(int rows, int chunks, int k) =>
        ((int)((long)rows * k / chunks), (int)((long)rows * (k + 1) / chunks));

    /// <summary>
    /// Writes the outermost pairs an item from <paramref name="from"/> to <paramref name="to"/> lies in (at most one
    /// per ancestor-or-self of the receiver) and returns their number.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int OutermostPairsOf(int from, int to, Span<int> found)
    {
        var givers = _ancestorsOrSelf[from];
        var receivers = _ancestorsOrSelf[to];
        if (givers.Length == 1 && receivers.Length == 1)
        {
            // Two top-level actors: one pair, outermost because its giver has no parent (as the builder's roll-up).
            var p = PairOf(from, to);
            found[0] = p;
            return p >= 0 ? 1 : 0;
        }

        var n = 0;
        foreach (var y in receivers)
        {
            foreach (var x in givers)
            {
                if (!AreRelated(x, y) && PairOf(x, y) is var p and >= 0 && _outermost[p])
                {
                    found[n++] = p;
                    break;
                }
            }
        }

        return n;
    }

    /// <summary>What pass 1 found in one chunk of rows.</summary>
    private sealed record FoundPairs(int[] Count, int[] SupportRows, int Support, byte[] PerRow, int[] Found);

    private sealed record OutermostSupportItems(int[] Start, SupportItem[] Items, int[] Givers);
}
