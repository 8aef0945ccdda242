namespace Influence.Indexing;

/// <summary>
/// One pair's per-period sums and running counts of the dyad-level kinds: demands, presence, overreach and
/// commitments, the kinds a measure reads only for a dyad's own two pairs (support and coercion are read across the
/// network, and the index stores them for every pair). They are built from the pair's items when read, over the pair's
/// active span, each sum receiving the same terms in the same order as a stored sum would (see
/// <see cref="EvidenceIndex.DyadLevel"/>). An instance is a reusable buffer: building another pair into it overwrites it.
/// </summary>
internal sealed class DyadLevelSums
{
    /// <summary>The sums held, in slot order.</summary>
    internal static readonly PairSum[] SumSlots =
        [PairSum.DemandWeight, PairSum.DemandMet, PairSum.DemandDefied, PairSum.Presence, PairSum.Overreach, PairSum.CommitmentWeight, PairSum.CommitmentFormality];

    /// <summary>The counts held, in slot order.</summary>
    internal static readonly PairCount[] CountSlots = [PairCount.Demand, PairCount.Presence, PairCount.Overreach, PairCount.Commitment];

    private readonly int[] _sumAt = [.. SumSlots.Select(_ => -1)];
    private readonly int[] _countAt = [.. CountSlots.Select(_ => -1)];
    private double[] _sums = [];
    private int[] _counts = [];
    private int _length;
    private int _start;
    private DemandFields[] _demands = [];
    private int _demandCount;

    /// <summary>
    /// Whether building a pair into this buffer also keeps its demands' fields (<see cref="Demands"/>): the per-thread
    /// buffers of the measures' series do, so that counter-reaction reads them instead of gathering the same rows again;
    /// the index's cache of pairs read through the public accessors does not.
    /// </summary>
    public bool KeepsDemands { get; init; }

    /// <summary>
    /// The pair's demands as the sums were built from them (in the order of its demand rows,
    /// <see cref="EvidenceIndex.PairItemSpan(int, Evidence.EvidenceKind)"/>), when <see cref="KeepsDemands"/>; else empty.
    /// </summary>
    public ReadOnlySpan<DemandFields> Demands => _demands.AsSpan(0, _demandCount);

    /// <summary>The pair built into this buffer (−1 when none: every series and count is empty).</summary>
    public int Pair { get; private set; } = -1;

    /// <summary>Whether <paramref name="sum"/> is one of the dyad-level sums.</summary>
    public static bool Holds(PairSum sum) => SumSlot(sum) >= 0;

    /// <summary>Whether <paramref name="count"/> is one of the dyad-level counts.</summary>
    public static bool Holds(PairCount count) => CountSlot(count) >= 0;

    /// <summary>The pair's sums of one dyad-level kind over its active span; empty when it has no item of the kind.</summary>
    public PairSeries Series(PairSum sum) => _sumAt[SumSlot(sum)] < 0 ? default : new PairSeries(SumCells(SumSlot(sum)), _start);

    /// <summary>The pair's running counts of one dyad-level kind over its active span; empty when it has no item of the kind.</summary>
    public PairCounts Counts(PairCount count) => _countAt[CountSlot(count)] < 0 ? default : new PairCounts(CountCells(CountSlot(count)), _start);

    /// <summary>
    /// Makes the buffer pair <paramref name="pair"/>'s, with every sum and count cleared: cells only for the kinds the
    /// pair has, over its active span.
    /// </summary>
    /// <param name="pair">The pair.</param>
    /// <param name="start">The first period of its active span.</param>
    /// <param name="length">The span's length in periods.</param>
    /// <param name="has">Bit s set when the pair has an item of count slot s's kind.</param>
    internal void Reset(int pair, int start, int length, int has)
    {
        _demandCount = 0;
        var (sums, counts) = (0, 0);
        for (var slot = 0; slot < SumSlots.Length; slot++)
        {
            var present = (has & (1 << CountSlotOf(slot))) != 0;
            _sumAt[slot] = present ? sums : -1;
            sums += present ? length : 0;
        }

        for (var slot = 0; slot < CountSlots.Length; slot++)
        {
            var present = (has & (1 << slot)) != 0;
            _countAt[slot] = present ? counts : -1;
            counts += present ? length + 1 : 0;
        }

        if (_sums.Length < sums)
        {
            _sums = new double[Math.Max(sums, 2 * _sums.Length)];
        }

        if (_counts.Length < counts)
        {
            _counts = new int[Math.Max(counts, 2 * _counts.Length)];
        }

        _sums.AsSpan(0, sums).Clear();
        _counts.AsSpan(0, counts).Clear();
        (Pair, _start, _length) = (pair, start, length);
    }

    /// <summary>Room for <paramref name="count"/> demands' fields, which become <see cref="Demands"/>.</summary>
    internal Span<DemandFields> DemandBuffer(int count)
    {
        if (_demands.Length < count)
        {
            _demands = new DemandFields[Math.Max(count, 2 * _demands.Length)];
        }

        _demandCount = count;
        return _demands.AsSpan(0, count);
    }

    /// <summary>Sum slot <paramref name="slot"/>'s cells, to fill (empty when the pair has none of its kind).</summary>
    internal Span<double> SumCells(int slot) => _sumAt[slot] < 0 ? default : _sums.AsSpan(_sumAt[slot], _length);

    /// <summary>Count slot <paramref name="slot"/>'s cells (count differences, then running counts), to fill (empty when the pair has none of its kind).</summary>
    internal Span<int> CountCells(int slot) => _countAt[slot] < 0 ? default : _counts.AsSpan(_countAt[slot], _length + 1);

    private static int SumSlot(PairSum sum) => Array.IndexOf(SumSlots, sum);

    private static int CountSlot(PairCount count) => Array.IndexOf(CountSlots, count);

    /// <summary>The count slot of the kind a sum slot adds (demands 0, presence 1, overreach 2, commitments 3).</summary>
    private static int CountSlotOf(int sumSlot) => sumSlot switch
    {
        < 3 => 0,
        3 => 1,
        4 => 2,
        _ => 3,
    };
}

/// <summary>
/// A demand as the dyad-level sums read it: confidence weight × salience (<see cref="EvidenceIndex.Weight"/>), its first
/// and last day, whether it is dated by a span, and its response.
/// </summary>
internal readonly record struct DemandFields(double Weighted, int First, int Last, bool Span, byte Response);
