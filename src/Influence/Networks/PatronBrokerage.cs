using System.Collections.Immutable;
using Influence.Indexing;

namespace Influence.Networks;

/// <summary>How one directed channel between the client and a third party runs in the network's support ties.</summary>
public enum ChannelRoute
{
    /// <summary>No channel: neither a direct tie nor a two-path through the patron.</summary>
    None = 0,

    /// <summary>A direct tie only.</summary>
    Direct,

    /// <summary>Only through the patron, with no direct tie: an open two-path the patron brokers.</summary>
    ThroughPatron,

    /// <summary>A direct tie and a two-path through the patron: the two-path is closed, so the patron brokers nothing.</summary>
    DirectAndThroughPatron,
}

/// <summary>The client's two directed channels with one third party.</summary>
/// <param name="ThirdParty">The third party's actor position.</param>
/// <param name="Inbound">Third party → client: a direct tie, and/or third party → patron → client.</param>
/// <param name="Outbound">Client → third party: a direct tie, and/or client → patron → third party.</param>
/// <param name="InboundRole">The patron's Gould–Fernandez role on the inbound two-path when it brokers it; null otherwise.</param>
/// <param name="OutboundRole">The patron's role on the outbound two-path when it brokers it; null otherwise.</param>
public sealed record ThirdPartyChannels(int ThirdParty, ChannelRoute Inbound, ChannelRoute Outbound, BrokerageRole? InboundRole, BrokerageRole? OutboundRole)
{
    /// <summary>The number of the two channels that exist (0–2).</summary>
    public int Channels => (Inbound == ChannelRoute.None ? 0 : 1) + (Outbound == ChannelRoute.None ? 0 : 1);

    /// <summary>The number of the two channels that the patron brokers (0–2).</summary>
    public int Brokered => (Inbound == ChannelRoute.ThroughPatron ? 1 : 0) + (Outbound == ChannelRoute.ThroughPatron ? 1 : 0);
}

/// <summary>
/// The patron's brokerage between its client and third parties: the share of the client's directed channels with
/// third parties that run only through the patron (the 1990s gatekeeper role).
/// </summary>
/// <remarks>
/// <para>
/// Over support ties in a window, at the level of focus {patron P, client C} (see <see cref="ActorNetwork"/>), for
/// each third party z and each direction: the channel z → C exists when the tie z → C exists or the ties z → P and
/// P → C both do; P brokers it when the two-path z → P → C is open (no tie z → C), in Gould and Fernandez's (1989)
/// sense. The channel C → z likewise with C → P → z. Then
/// </para>
/// <code>
/// brokerage = Σ_z brokered channels(z) / Σ_z channels(z)        (undefined when the client has no channel)
/// </code>
/// <para>
/// Read from the index's pairs in O((degree(P) + degree(C)) × window), without building a graph; the result equals
/// <see cref="GouldFernandez.OpenTwoPathsWith"/> with P as broker and C as endpoint on the dyad's network (a test
/// checks it). Each brokered channel carries the patron's Gould–Fernandez role.
/// </para>
/// </remarks>
public sealed record PatronBrokerage
{
    private PatronBrokerage(int patron, int client, ImmutableArray<ThirdPartyChannels> thirdParties)
    {
        Patron = patron;
        Client = client;
        ThirdParties = thirdParties;
    }

    /// <summary>The patron's actor position.</summary>
    public int Patron { get; }

    /// <summary>The client's actor position.</summary>
    public int Client { get; }

    /// <summary>Every third party with a channel to or from the client, by actor position.</summary>
    public ImmutableArray<ThirdPartyChannels> ThirdParties { get; }

    /// <summary>The number of the client's directed channels with third parties.</summary>
    public int Channels => ThirdParties.Sum(t => t.Channels);

    /// <summary>The number of those channels that the patron brokers.</summary>
    public int Brokered => ThirdParties.Sum(t => t.Brokered);

    /// <summary>Brokered / channels in [0, 1]; null when the client has no channel with a third party.</summary>
    public double? Share => Channels > 0 ? (double)Brokered / Channels : null;

    /// <summary>The patron's brokerage between the client and each third party over periods t0 … t1.</summary>
    /// <param name="index">The index.</param>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="client">The client's actor position.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <param name="groups">The actor groups for the roles (null: states vs non-state actors).</param>
    /// <returns>The brokerage.</returns>
    /// <exception cref="ArgumentException">Patron and client are the same actor or in one movement.</exception>
    public static PatronBrokerage Of(EvidenceIndex index, int patron, int client, int t0, int t1, ActorGroups? groups = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.AreRelated(patron, client))
        {
            throw new ArgumentException($"patron and client must be two actors outside each other's movement; actors {patron} and {client} are not", nameof(client));
        }

        groups ??= ActorGroups.StatesAndNonStates;
        var list = new List<(int Z, ChannelRoute In, ChannelRoute Out)>();
        Walk(index, patron, client, t0, t1, list);
        list.Sort((a, b) => a.Z.CompareTo(b.Z));
        var actors = index.Case.Actors;
        var (gp, gc) = (groups.GroupOf(actors[patron]), groups.GroupOf(actors[client]));
        var result = ImmutableArray.CreateBuilder<ThirdPartyChannels>(list.Count);
        foreach (var (z, inbound, outbound) in list)
        {
            var gz = groups.GroupOf(actors[z]);
            result.Add(new ThirdPartyChannels(
                z,
                inbound,
                outbound,
                inbound == ChannelRoute.ThroughPatron ? GouldFernandez.Classify(gz, gp, gc) : null,
                outbound == ChannelRoute.ThroughPatron ? GouldFernandez.Classify(gc, gp, gz) : null));
        }

        return new PatronBrokerage(patron, client, result.MoveToImmutable());
    }

    /// <summary>The share alone, without allocating (the measure's path); null when there is no channel.</summary>
    [ThreadStatic]
    private static List<int>? _candidates;

    [ThreadStatic]
    private static HashSet<int>? _seen;

    [ThreadStatic]
    private static (int ZC, int CZ, int ZP, int PZ)[]? _ties;

    [ThreadStatic]
    private static int[]? _counts;

    /// <summary>
    /// <see cref="ShareOf"/> for the trailing windows of <paramref name="w"/> periods ending at t0 … t1 (NaN where
    /// undefined). The third parties and their four possible ties are found once for the dyad; each window then only
    /// asks whether each tie carried support (O(1) each). Channel counts are whole numbers, so the order in which third
    /// parties are met changes nothing.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Series(EvidenceIndex index, int p, int c, int w, int t0, int t1, Span<double> values)
    {
        var candidates = _candidates ??= [];
        var seen = _seen ??= [];
        candidates.Clear();
        seen.Clear();
        foreach (var pair in index.InPairSpan(c))
        {
            Add(index.PairFrom(pair));
        }

        foreach (var pair in index.OutPairSpan(c))
        {
            Add(index.PairTo(pair));
        }

        foreach (var pair in index.InPairSpan(p))
        {
            Add(index.PairFrom(pair));
        }

        foreach (var pair in index.OutPairSpan(p))
        {
            Add(index.PairTo(pair));
        }

        if (_ties is null || _ties.Length < candidates.Count)
        {
            _ties = new (int, int, int, int)[Math.Max(candidates.Count, 16)];
        }

        var ties = _ties.AsSpan(0, candidates.Count);
        for (var k = 0; k < ties.Length; k++)
        {
            var z = candidates[k];
            ties[k] = (index.PairOf(z, c), index.PairOf(c, z), index.PairOf(z, p), index.PairOf(p, z));
        }

        // Third party by third party (each reads its ties' running counts of periods with support in order), adding
        // whole numbers per window: the same counts as window by window. HasSupport(pair, a, t) is CountIn(prefix, a, t) > 0.
        var n = t1 - t0 + 1;
        if (_counts is null || _counts.Length < 2 * n)
        {
            _counts = new int[2 * n];
        }

        var channels = _counts.AsSpan(0, n);
        var brokered = _counts.AsSpan(n, n);
        channels.Clear();
        brokered.Clear();
        var pc = index.PositiveSupportPrefix(index.PairOf(p, c));
        var cp = index.PositiveSupportPrefix(index.PairOf(c, p));
        foreach (var (zc, cz, zp, pz) in ties)
        {
            var zcPrefix = index.PositiveSupportPrefix(zc);
            var czPrefix = index.PositiveSupportPrefix(cz);
            var zpPrefix = pc.IsEmpty ? default : index.PositiveSupportPrefix(zp);
            var pzPrefix = cp.IsEmpty ? default : index.PositiveSupportPrefix(pz);
            if (zcPrefix.IsEmpty && czPrefix.IsEmpty && zpPrefix.IsEmpty && pzPrefix.IsEmpty)
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                var t = t0 + i;
                var a = t - w + 1;
                var directIn = EvidenceIndex.CountIn(zcPrefix, a, t) > 0;
                var directOut = EvidenceIndex.CountIn(czPrefix, a, t) > 0;
                var viaIn = EvidenceIndex.CountIn(pc, a, t) > 0 && EvidenceIndex.CountIn(zpPrefix, a, t) > 0;
                var viaOut = EvidenceIndex.CountIn(cp, a, t) > 0 && EvidenceIndex.CountIn(pzPrefix, a, t) > 0;
                var inbound = Route(directIn, viaIn);
                var outbound = Route(directOut, viaOut);
                channels[i] += (inbound == ChannelRoute.None ? 0 : 1) + (outbound == ChannelRoute.None ? 0 : 1);
                brokered[i] += (inbound == ChannelRoute.ThroughPatron ? 1 : 0) + (outbound == ChannelRoute.ThroughPatron ? 1 : 0);
            }
        }

        for (var i = 0; i < n; i++)
        {
            values[i] = channels[i] > 0 ? (double)brokered[i] / channels[i] : double.NaN;
        }

        void Add(int z)
        {
            if (seen.Add(z) && DyadTies.IsThirdParty(index, z, p, c))
            {
                candidates.Add(z);
            }
        }
    }

    internal static double? ShareOf(EvidenceIndex index, int patron, int client, int t0, int t1)
    {
        var (channels, brokered) = Walk(index, patron, client, t0, t1, null);
        return channels > 0 ? (double)brokered / channels : null;
    }

    /// <summary>
    /// Visits every third party with a channel once: first from the client's in-ties, then its out-ties, then the
    /// patron's in-ties (when P → C) and out-ties (when C → P), skipping a third party already met in an earlier list.
    /// </summary>
    private static (int Channels, int Brokered) Walk(EvidenceIndex index, int p, int c, int t0, int t1, List<(int, ChannelRoute, ChannelRoute)>? details)
    {
        var pc = DyadTies.Tie(index, p, c, t0, t1);
        var cp = DyadTies.Tie(index, c, p, t0, t1);
        int channels = 0, brokered = 0;
        foreach (var pair in index.InPairSpan(c))
        {
            // list 0: z → C with a tie (the pair's own window sum says so: cheap test first).
            if (index.HasSupport(pair, t0, t1))
            {
                Visit(index.PairFrom(pair), 0);
            }
        }

        foreach (var pair in index.OutPairSpan(c))
        {
            if (index.HasSupport(pair, t0, t1))
            {
                Visit(index.PairTo(pair), 1);
            }
        }

        if (pc)
        {
            foreach (var pair in index.InPairSpan(p))
            {
                if (index.HasSupport(pair, t0, t1))
                {
                    Visit(index.PairFrom(pair), 2);
                }
            }
        }

        if (cp)
        {
            foreach (var pair in index.OutPairSpan(p))
            {
                if (index.HasSupport(pair, t0, t1))
                {
                    Visit(index.PairTo(pair), 3);
                }
            }
        }

        return (channels, brokered);

        // Called only when the list's own tie exists; counts z once, in the first list whose tie it has.
        void Visit(int z, int list)
        {
            if (!DyadTies.IsThirdParty(index, z, p, c))
            {
                return;
            }

            var directIn = list == 0 || DyadTies.Tie(index, z, c, t0, t1);
            if (list > 0 && directIn)
            {
                return;
            }

            var directOut = list == 1 || DyadTies.Tie(index, c, z, t0, t1);
            if (list > 1 && directOut)
            {
                return;
            }

            var viaIn = pc && (list == 2 || DyadTies.Tie(index, z, p, t0, t1));
            if (list > 2 && viaIn)
            {
                return;
            }

            var viaOut = cp && (list == 3 || DyadTies.Tie(index, p, z, t0, t1));
            var inbound = Route(directIn, viaIn);
            var outbound = Route(directOut, viaOut);
            channels += (inbound == ChannelRoute.None ? 0 : 1) + (outbound == ChannelRoute.None ? 0 : 1);
            brokered += (inbound == ChannelRoute.ThroughPatron ? 1 : 0) + (outbound == ChannelRoute.ThroughPatron ? 1 : 0);
            details?.Add((z, inbound, outbound));
        }
    }

    /// <summary>The route of a channel: brokered when it runs through the patron and there is no direct tie (an open two-path).</summary>
    private static ChannelRoute Route(bool direct, bool viaPatron) => (direct, viaPatron) switch
    {
        (true, true) => ChannelRoute.DirectAndThroughPatron,
        (true, false) => ChannelRoute.Direct,
        (false, true) => ChannelRoute.ThroughPatron,
        _ => ChannelRoute.None,
    };
}
