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
        var counts = new int[chunks][];
        var rowPairs = new List<int>[chunks];
        var rowCounts = new List<byte>[chunks];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };

        // Pass 1: each support row's outermost pairs (kept for pass 2), and how many items each pair gets per chunk.
        Parallel.For(0, chunks, parallel, k => (counts[k], rowPairs[k], rowCounts[k]) = FindOutermostPairs(c, pairs, ChunkRows(rows, chunks, k)));

        // Each bucket's start, and each chunk's cursor in it.
        var bucketStart = new int[pairs + 1];
        for (var p = 0; p < pairs; p++)
        {
            var total = 0;
            for (var k = 0; k < chunks; k++)
            {
                total += counts[k][p];
            }

            bucketStart[p + 1] = bucketStart[p] + total;
        }

        for (var p = 0; p < pairs; p++)
        {
            var at = bucketStart[p];
            for (var k = 0; k < chunks; k++)
            {
                var n = counts[k][p];
                counts[k][p] = at;
                at += n;
            }
        }

        // Pass 2: the items, chunk by chunk in row order, into their buckets.
        var items = GC.AllocateUninitializedArray<SupportItem>(bucketStart[pairs]);
        var givers = GC.AllocateUninitializedArray<int>(bucketStart[pairs]);
        var options = Options.Confidence;
        var confidence = new[] { options.Of(Confidence.Confirmed), options.Of(Confidence.Reported), options.Of(Confidence.Alleged) };
        Parallel.For(0, chunks, parallel, k => WriteSupportItems(c, confidence, ChunkRows(rows, chunks, k), counts[k], rowPairs[k], rowCounts[k], items, givers));

        return new OutermostSupportItems(bucketStart, items, givers);
    }

    /// <summary>Pass 1 over rows start … end − 1: each support row's outermost pairs and their number, and items per pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int[] Count, List<int> Found, List<byte> PerRow) FindOutermostPairs(EvidenceColumns c, int pairs, (int Start, int End) rows)
    {
        var count = new int[pairs];
        var found = new List<int>();
        var perRow = new List<byte>();
        for (var row = rows.Start; row < rows.End; row++)
        {
            if (c.Kind[row] != (byte)EvidenceKind.Support || c.B[row] < 0)
            {
                continue;
            }

            var before = found.Count;
            OutermostPairsOf(c.A[row], c.B[row], found);
            for (var j = before; j < found.Count; j++)
            {
                count[found[j]]++;
            }

            perRow.Add(checked((byte)(found.Count - before)));
        }

        return (count, found, perRow);
    }

    /// <summary>Pass 2 over rows start … end − 1: each support row's item and giver into the buckets of its pairs, at the chunk's cursors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteSupportItems(EvidenceColumns c, double[] confidence, (int Start, int End) rows, int[] cursor, List<int> found, List<byte> perRow, SupportItem[] items, int[] givers)
    {
        int next = 0, support = 0;
        for (var row = rows.Start; row < rows.End; row++)
        {
            if (c.Kind[row] != (byte)EvidenceKind.Support || c.B[row] < 0)
            {
                continue;
            }

            // Whole: EvidenceIndex.Weight of a support item.
            var item = new SupportItem(c.FirstDay[row], c.LastDay[row], confidence[c.Confidence[row]] * c.Value[row], c.Type[row], c.IsSpan(row));
            var giver = c.A[row];
            for (var m = perRow[support++]; m > 0; m--)
            {
                var at = cursor[found[next++]]++;
                items[at] = item;
                givers[at] = giver;
            }
        }
    }

    private static (int Start, int End) ChunkRows(int rows, int chunks, int k) =>
        ((int)((long)rows * k / chunks), (int)((long)rows * (k + 1) / chunks));

    /// <summary>Adds the outermost pairs an item from <paramref name="from"/> to <paramref name="to"/> lies in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OutermostPairsOf(int from, int to, List<int> found)
    {
        var givers = _ancestorsOrSelf[from];
        var receivers = _ancestorsOrSelf[to];
        if (givers.Length == 1 && receivers.Length == 1)
        {
            // Two top-level actors: one pair, outermost because its giver has no parent (as the builder's roll-up).
            var p = PairOf(from, to);
            if (p >= 0)
            {
                found.Add(p);
            }

            return;
        }

        foreach (var y in receivers)
        {
            foreach (var x in givers)
            {
                if (!AreRelated(x, y) && PairOf(x, y) is var p and >= 0 && _outermost[p])
                {
                    found.Add(p);
                }
            }
        }
    }

    private sealed record OutermostSupportItems(int[] Start, SupportItem[] Items, int[] Givers);
}
