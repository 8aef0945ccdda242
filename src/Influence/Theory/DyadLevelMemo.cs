using Influence.Indexing;

namespace Influence.Theory;

/// <summary>
/// The dyad-level sums and counts (demands, presence, overreach, commitments) of a dyad's two pairs, built once per dyad
/// on each thread for the measures' series (<see cref="EvidenceIndex.DyadLevel"/>): the index does not store them, and
/// the buffers are reused from dyad to dyad, so scoring holds them for the dyads in progress only.
/// </summary>
/// <remarks>
/// Keyed by the index's <see cref="EvidenceIndex.BuildId"/> and the pair, so it holds no reference to the index and
/// another index or pair simply rebuilds. A series read from it stays valid until the same thread reads another
/// dyad's: the engine scores a dyad's measures one after the other on one thread.
/// </remarks>
internal static class DyadLevelMemo
{
    [ThreadStatic]
    private static Slot? _patronToClient;

    [ThreadStatic]
    private static Slot? _clientToPatron;

    private static readonly DyadLevelSums None = new();

    /// <summary>
    /// The dyad-level sums of <paramref name="pair"/>, which must be one of the dyad's two pairs (
    /// <see cref="DyadPeriod.PatronToClient"/> or <see cref="DyadPeriod.ClientToPatron"/>) or −1 (all empty).
    /// </summary>
    public static DyadLevelSums Of(in DyadPeriod dyad, int pair)
    {
        if (pair < 0)
        {
            return None;
        }

        Slot slot;
        if (pair == dyad.PatronToClient)
        {
            slot = _patronToClient ??= new Slot();
        }
        else if (pair == dyad.ClientToPatron)
        {
            slot = _clientToPatron ??= new Slot();
        }
        else
        {
            throw new InvalidOperationException($"pair {pair} is neither of the dyad's two pairs ({dyad.PatronToClient}, {dyad.ClientToPatron})");
        }

        if (slot.Build != dyad.Index.BuildId || slot.Sums.Pair != pair)
        {
            // Marked stale first: a build that throws leaves no half-built slot looking current.
            slot.Build = -1;
            dyad.Index.DyadLevel(pair, slot.Sums);
            slot.Build = dyad.Index.BuildId;
        }

        return slot.Sums;
    }

    private sealed class Slot
    {
        public long Build { get; set; } = -1;

        public DyadLevelSums Sums { get; } = new() { KeepsDemands = true };
    }
}
