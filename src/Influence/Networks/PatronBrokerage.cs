using System.Collections.Immutable;

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
/// The patron's brokerage between its client and third parties in one network: the share of the client's directed
/// channels with third parties that run only through the patron (the 1990s gatekeeper role).
/// </summary>
/// <remarks>
/// <para>
/// Over support ties, for each third party z (a vertex other than patron P and client C) and each direction:
/// the channel z → C exists when the tie z → C exists or the ties z → P and P → C both do; P brokers it when the
/// two-path z → P → C is open (no tie z → C), in Gould and Fernandez's (1989) sense. The channel C → z likewise with
/// C → P → z. Then
/// </para>
/// <code>
/// brokerage = Σ_z brokered channels(z) / Σ_z channels(z)        (undefined when the client has no channel)
/// </code>
/// <para>
/// Computed with <see cref="GouldFernandez.OpenTwoPathsWith"/> (the patron as broker, the client as endpoint), so it
/// is exact on the ego network of patron and client. Cost O(degree(P) + degree(C)).
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

    internal static PatronBrokerage Compute(ActorNetwork network, int patron, int client, ActorGroups groups)
    {
        network.RequirePair(patron, client);
        var graph = network.Graph;
        var actors = network.Case.Actors;
        var brokeredIn = new Dictionary<int, BrokerageRole>();
        var brokeredOut = new Dictionary<int, BrokerageRole>();
        foreach (var p in GouldFernandez.OpenTwoPathsWith(graph, patron, client, ActorNetwork.IsSupportTie))
        {
            var role = GouldFernandez.Classify(groups.GroupOf(actors[p.From]), groups.GroupOf(actors[p.Broker]), groups.GroupOf(actors[p.To]));
            if (p.To == client)
            {
                brokeredIn[p.From] = role;
            }
            else
            {
                brokeredOut[p.To] = role;
            }
        }

        var patronToClient = network.Weight(patron, client, TieKind.Support) > 0;
        var clientToPatron = network.Weight(client, patron, TieKind.Support) > 0;
        var thirdParties = new SortedSet<int>();
        foreach (var e in graph.InEdges(client))
        {
            Add(e.Source);
        }

        foreach (var e in graph.OutEdges(client))
        {
            Add(e.Target);
        }

        foreach (var e in graph.InEdges(patron))
        {
            Add(e.Source);
        }

        foreach (var e in graph.OutEdges(patron))
        {
            Add(e.Target);
        }

        var list = ImmutableArray.CreateBuilder<ThirdPartyChannels>();
        foreach (var z in thirdParties)
        {
            var directIn = network.Weight(z, client, TieKind.Support) > 0;
            var directOut = network.Weight(client, z, TieKind.Support) > 0;
            var viaIn = patronToClient && network.Weight(z, patron, TieKind.Support) > 0;
            var viaOut = clientToPatron && network.Weight(patron, z, TieKind.Support) > 0;
            BrokerageRole? roleIn = brokeredIn.TryGetValue(z, out var ri) ? ri : null;
            BrokerageRole? roleOut = brokeredOut.TryGetValue(z, out var ro) ? ro : null;
            var channels = new ThirdPartyChannels(z, Route(directIn, viaIn, roleIn.HasValue), Route(directOut, viaOut, roleOut.HasValue), roleIn, roleOut);
            if (channels.Channels > 0)
            {
                list.Add(channels);
            }
        }

        return new PatronBrokerage(patron, client, list.ToImmutable());

        void Add(int v)
        {
            if (v != patron && v != client)
            {
                thirdParties.Add(v);
            }
        }
    }

    /// <summary>The route of a channel; whether the patron brokers it is Gould–Fernandez's open two-path, found above.</summary>
    private static ChannelRoute Route(bool direct, bool viaPatron, bool brokered) =>
        brokered ? ChannelRoute.ThroughPatron
        : direct ? (viaPatron ? ChannelRoute.DirectAndThroughPatron : ChannelRoute.Direct)
        : ChannelRoute.None;
}
