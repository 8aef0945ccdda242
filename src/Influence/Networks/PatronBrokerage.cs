using System.Collections.Immutable;
using Influence.Indexing;
using Influence.Internal;

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

    /// <inheritdoc />
    /// <remarks>Compares <see cref="ThirdParties"/> by their contents, in order.</remarks>
    public bool Equals(PatronBrokerage? other) =>
        other is not null && Patron == other.Patron && Client == other.Client && Records.SequenceEqual(ThirdParties, other.ThirdParties);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Patron, Client, Records.SequenceHash(ThirdParties));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Patron), Patron).Add(nameof(Client), Client).Add(nameof(ThirdParties), ThirdParties)
            .Add(nameof(Channels), Channels).Add(nameof(Brokered), Brokered).Add(nameof(Share), Share);
        return true;
    }

    /// <summary>The patron's brokerage between the client and each third party over periods t0 … t1.</summary>
    /// <param name="index">The index.</param>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="client">The client's actor position.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <param name="groups">The actor groups for the roles (null: states vs non-state actors).</param>
    /// <returns>The brokerage.</returns>
    /// <exception cref="ArgumentException">Patron and client are the same actor, or one contains the other.</exception>
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

    [ThreadStatic]
    private static int[]? _counts;

    /// <summary>
    /// <see cref="ShareOf"/> for the trailing windows of <paramref name="w"/> periods ending at t0 … t1 (NaN where
    /// undefined), counted without visiting each third party of a hub.
    /// </summary>
    /// <remarks>
    /// <para>
    /// With T the dyad's third parties and, per window, zc the tie z → C, zp the tie z → P, pc the tie P → C:
    /// </para>
    /// <code>
    /// inbound channels = #{z ∈ T : zc} + [pc] · (#{z ∈ T : zp} − #{z ∈ T : zp ∧ zc})     brokered: the second term
    /// </code>
    /// <para>
    /// and outbound likewise with C → z, P → z and C → P. #{z ∈ T : zc} is the count of the client's ties with top-level
    /// actors outside its movement (<see cref="ActorTies"/>, computed once per actor and shared by every dyad and
    /// thread), less the patron's movement, plus the third parties below the top level (children of the patron's and
    /// the client's ancestors: the level of focus {P, C}). Only the third parties tied to both are visited, through the
    /// smaller of the two actors' pair lists. Counts are whole numbers, so the result is exactly that of visiting every
    /// third party (<see cref="ShareOf"/>). Cost O(window × (1 + #siblings + min(degree(P), degree(C)))) per dyad.
    /// </para>
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Series(EvidenceIndex index, int p, int c, int w, int t0, int t1, Span<double> values)
    {
        var n = t1 - t0 + 1;
        var counts = ThreadBuffer.Get(ref _counts, 6 * n);
        var inC = counts.AsSpan(0, n);
        var outC = counts.AsSpan(n, n);
        var inP = counts.AsSpan(2 * n, n);
        var outP = counts.AsSpan(3 * n, n);
        var bothIn = counts.AsSpan(4 * n, n);
        var bothOut = counts.AsSpan(5 * n, n);
        var client = ActorTies.Of(index, c, w, t0, t1);
        var patron = ActorTies.Of(index, p, w, t0, t1);
        client.In.AsSpan(0, n).CopyTo(inC);
        client.Out.AsSpan(0, n).CopyTo(outC);
        patron.In.AsSpan(0, n).CopyTo(inP);
        patron.Out.AsSpan(0, n).CopyTo(outP);
        bothIn.Clear();
        bothOut.Clear();

        // The top-level actors outside one side's movement include the other side's top-level actor, no third party.
        var (rootP, rootC) = (Root(index, p), Root(index, c));
        if (!index.AreRelated(rootP, c))
        {
            Add(index, index.PairOf(rootP, c), w, t0, inC, -1);
            Add(index, index.PairOf(c, rootP), w, t0, outC, -1);
        }

        if (!index.AreRelated(rootC, p))
        {
            Add(index, index.PairOf(rootC, p), w, t0, inP, -1);
            Add(index, index.PairOf(p, rootC), w, t0, outP, -1);
        }

        // Third parties below the top level: the other children of the patron's and the client's ancestors.
        var ancestorsP = index.AncestorSpan(p);
        var ancestorsC = index.AncestorSpan(c);
        foreach (var a in ancestorsP)
        {
            AddChildren(index, a, p, c, w, t0, counts, n);
        }

        foreach (var a in ancestorsC)
        {
            if (!index.IsWithin(p, a))
            {
                AddChildren(index, a, p, c, w, t0, counts, n);
            }
        }

        // Third parties tied to both sides, found through the side with fewer pairs.
        var pc = DyadTies.TiePrefix(index, index.PairOf(p, c));
        var cp = DyadTies.TiePrefix(index, index.PairOf(c, p));
        if (!pc.IsEmpty)
        {
            var fromPatron = index.InPairSpan(p).Length <= index.InPairSpan(c).Length;
            foreach (var pair in index.InPairSpan(fromPatron ? p : c))
            {
                var z = index.PairFrom(pair);
                if (DyadTies.IsThirdParty(index, z, p, c))
                {
                    AddBoth(index, pair, index.PairOf(z, fromPatron ? c : p), w, t0, bothIn);
                }
            }
        }

        if (!cp.IsEmpty)
        {
            var fromPatron = index.OutPairSpan(p).Length <= index.OutPairSpan(c).Length;
            foreach (var pair in index.OutPairSpan(fromPatron ? p : c))
            {
                var z = index.PairTo(pair);
                if (DyadTies.IsThirdParty(index, z, p, c))
                {
                    AddBoth(index, pair, index.PairOf(fromPatron ? c : p, z), w, t0, bothOut);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var t = t0 + i;
            var a = t - w + 1;
            var viaIn = EvidenceIndex.CountIn(pc, a, t) > 0 ? inP[i] - bothIn[i] : 0;
            var viaOut = EvidenceIndex.CountIn(cp, a, t) > 0 ? outP[i] - bothOut[i] : 0;
            var channels = inC[i] + outC[i] + viaIn + viaOut;
            values[i] = channels > 0 ? (double)(viaIn + viaOut) / channels : double.NaN;
        }
    }

    /// <summary>Adds the ties of the children of <paramref name="a"/> that are third parties to the four counts (in C, out C, in P, out P).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void AddChildren(EvidenceIndex index, int a, int p, int c, int w, int t0, int[] counts, int n)
    {
        foreach (var z in index.ChildrenOf(a))
        {
            if (DyadTies.IsThirdParty(index, z, p, c))
            {
                Add(index, index.PairOf(z, c), w, t0, counts.AsSpan(0, n), 1);
                Add(index, index.PairOf(c, z), w, t0, counts.AsSpan(n, n), 1);
                Add(index, index.PairOf(z, p), w, t0, counts.AsSpan(2 * n, n), 1);
                Add(index, index.PairOf(p, z), w, t0, counts.AsSpan(3 * n, n), 1);
            }
        }
    }

    private static int Root(EvidenceIndex index, int actor)
    {
        var ancestors = index.AncestorSpan(actor);
        return ancestors[^1];
    }

    /// <summary>Adds <paramref name="sign"/> to each window in which the pair carried a support tie (an item, whatever its weight).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Add(EvidenceIndex index, int pair, int w, int t0, Span<int> counts, int sign)
    {
        var prefix = DyadTies.TiePrefix(index, pair);
        if (prefix.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var t = t0 + i;
            counts[i] += EvidenceIndex.CountIn(prefix, t - w + 1, t) > 0 ? sign : 0;
        }
    }

    /// <summary>Adds 1 to each window in which both pairs carried a support tie.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void AddBoth(EvidenceIndex index, int pair, int other, int w, int t0, Span<int> counts)
    {
        var first = DyadTies.TiePrefix(index, pair);
        var second = DyadTies.TiePrefix(index, other);
        if (first.IsEmpty || second.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var t = t0 + i;
            var a = t - w + 1;
            counts[i] += EvidenceIndex.CountIn(first, a, t) > 0 && EvidenceIndex.CountIn(second, a, t) > 0 ? 1 : 0;
        }
    }

    /// <summary>
    /// An actor's support ties with top-level actors outside its movement, counted per trailing window (in from them,
    /// out to them): shared by every dyad in which the actor appears (<see cref="EvidenceIndex.Memo{T}"/>).
    /// </summary>
    private sealed class ActorTies
    {
        private ActorTies(int n)
        {
            In = new int[n];
            Out = new int[n];
        }

        public int[] In { get; }

        public int[] Out { get; }

        public static ActorTies Of(EvidenceIndex index, int actor, int w, int t0, int t1) =>
            index.Memo<ActorTies>(w, t0, t1).Get(actor, (index, w, t0, t1), static (x, s) => Compute(s.index, x, s.w, s.t0, s.t1));

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private static ActorTies Compute(EvidenceIndex index, int actor, int w, int t0, int t1)
        {
            var ties = new ActorTies(t1 - t0 + 1);
            foreach (var pair in index.InPairSpan(actor))
            {
                var z = index.PairFrom(pair);
                if (index.ParentOf(z) < 0 && !index.AreRelated(z, actor))
                {
                    Add(index, pair, w, t0, ties.In, 1);
                }
            }

            foreach (var pair in index.OutPairSpan(actor))
            {
                var z = index.PairTo(pair);
                if (index.ParentOf(z) < 0 && !index.AreRelated(z, actor))
                {
                    Add(index, pair, w, t0, ties.Out, 1);
                }
            }

            return ties;
        }
    }

    /// <summary>The share alone, without allocating (the measure's path); null when there is no channel.</summary>
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
            if (DyadTies.Tie(index, pair, t0, t1))
            {
                Visit(index.PairFrom(pair), 0);
            }
        }

        foreach (var pair in index.OutPairSpan(c))
        {
            if (DyadTies.Tie(index, pair, t0, t1))
            {
                Visit(index.PairTo(pair), 1);
            }
        }

        if (pc)
        {
            foreach (var pair in index.InPairSpan(p))
            {
                if (DyadTies.Tie(index, pair, t0, t1))
                {
                    Visit(index.PairFrom(pair), 2);
                }
            }
        }

        if (cp)
        {
            foreach (var pair in index.OutPairSpan(p))
            {
                if (DyadTies.Tie(index, pair, t0, t1))
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
