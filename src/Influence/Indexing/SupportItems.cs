namespace Influence.Indexing;

/// <summary>
/// A support item as the window pass of dependence asymmetry reads it: its weight (confidence weight × magnitude, the
/// product <see cref="EvidenceIndex.Weight"/> gives) and its first and last day.
/// </summary>
internal readonly record struct SupportItem(double Whole, int First, int Last);

/// <summary>
/// Every pair's support items, compact and side by side, each pair's in the order of its support rows
/// (<see cref="EvidenceIndex.PairItemSpan(int, Evidence.EvidenceKind)"/>, canonical order). Dependence asymmetry's
/// window pass reads a pair's items in one sweep here instead of six evidence columns at scattered rows per item.
/// </summary>
/// <remarks>
/// 17 bytes per (pair, support item) entry: an index part (<see cref="EvidenceIndex.Parts.SupportItems"/>), filled
/// during the build when the scoring asks for it, and otherwise built from the evidence columns on first read.
/// </remarks>
internal sealed class SupportItems
{
    /// <summary>The span flag in <see cref="Codes"/>; the low bits hold the resource type.</summary>
    public const byte SpanBit = 0x80;

    public SupportItems(SupportItem[] items, byte[] codes, int[] start)
    {
        Items = items;
        Codes = codes;
        Start = start;
    }

    /// <summary>The items of every pair, pair after pair.</summary>
    public SupportItem[] Items { get; }

    /// <summary>Each item's resource type, with <see cref="SpanBit"/> set for an item dated by a span.</summary>
    public byte[] Codes { get; }

    /// <summary>Pair p's items are Items[Start[p] … Start[p + 1] − 1].</summary>
    public int[] Start { get; }

    /// <summary>Pair <paramref name="pair"/>'s items and their codes.</summary>
    public SupportSpan Of(int pair)
    {
        var (start, end) = (Start[pair], Start[pair + 1]);
        return new SupportSpan(Items.AsSpan(start, end - start), Codes.AsSpan(start, end - start));
    }

    /// <summary>The code of an item: its resource type, with <see cref="SpanBit"/> when it is dated by a span.</summary>
    public static byte Code(byte type, bool span) => (byte)(type | (span ? SpanBit : 0));
}

/// <summary>Support items and their codes (<see cref="SupportItems"/>), item by item.</summary>
internal readonly ref struct SupportSpan
{
    public SupportSpan(ReadOnlySpan<SupportItem> items, ReadOnlySpan<byte> codes)
    {
        Items = items;
        Codes = codes;
    }

    public ReadOnlySpan<SupportItem> Items { get; }

    public ReadOnlySpan<byte> Codes { get; }

    public void Deconstruct(out ReadOnlySpan<SupportItem> items, out ReadOnlySpan<byte> codes)
    {
        items = Items;
        codes = Codes;
    }
}
