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

    /// <summary>Weighted support from one actor to another over the window (0 when there is none).</summary>
    public static double Support(EvidenceIndex index, int from, int to, int t0, int t1) =>
        index.Sum(PairSum.Support, index.PairOf(from, to), t0, t1);

    /// <summary>Weighted coercion from one actor to another over the window.</summary>
    public static double Coercion(EvidenceIndex index, int from, int to, int t0, int t1) =>
        index.Sum(PairSum.Coercion, index.PairOf(from, to), t0, t1);

    /// <summary>Whether a support tie runs from one actor to another in the window.</summary>
    public static bool Tie(EvidenceIndex index, int from, int to, int t0, int t1) => index.HasSupport(index.PairOf(from, to), t0, t1);
}
