using Influence.Indexing;

namespace Influence.Networks;

/// <summary>
/// The ties of a dyad's ego network read straight from the index, without building a graph: the measures' fast path.
/// Vertices are those of <see cref="ActorNetwork.Around"/> with focus {patron, client}, so the results are the ego
/// network's (a property test checks it).
/// </summary>
internal static class DyadTies
{
    /// <summary>Whether z is a vertex of the {patron, client} level other than the two (see <see cref="ActorNetwork"/>).</summary>
    public static bool IsThirdParty(EvidenceIndex index, int z, int patron, int client)
    {
        if (z == patron || z == client || index.AreRelated(z, patron) || index.AreRelated(z, client))
        {
            return false;
        }

        var parent = index.ParentOf(z);
        return parent < 0 || index.IsWithin(patron, parent) || index.IsWithin(client, parent);
    }

    /// <summary>
    /// Whether a support tie runs from one actor to another in the window: a support item on the pair touches it,
    /// whatever its weight (an item whose confidence weight or magnitude is 0 still makes the tie, as it makes a window
    /// observed; see docs/measures.md).
    /// </summary>
    public static bool Tie(EvidenceIndex index, int from, int to, int t0, int t1) => Tie(index, index.PairOf(from, to), t0, t1);

    /// <summary>Whether a pair (or −1) carries a support tie in the window: a support item touches it.</summary>
    public static bool Tie(EvidenceIndex index, int pair, int t0, int t1) => index.Count(PairCount.Support, pair, t0, t1) > 0;

    /// <summary>
    /// A pair's running count of support items (empty without any): the pair carries a tie in the window a … t exactly
    /// when <see cref="PairCounts.In"/>(a, t) &gt; 0.
    /// </summary>
    public static PairCounts TiePrefix(EvidenceIndex index, int pair) => index.CountPrefix(PairCount.Support, pair);

    /// <summary>Whether a coercion tie runs along a pair (or −1) in the window: a coercive item touches it, whatever its weight.</summary>
    public static bool Coerces(EvidenceIndex index, int pair, int t0, int t1) => index.Count(PairCount.Coercion, pair, t0, t1) > 0;
}
