using CsCheck;
using FluentAssertions;
using Influence.Networks;
using Influence.Tests.Support;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Networks;

public class PatronBrokerageTests
{
    /// <summary>
    /// X → P → C with no X → C: brokered (inbound). C → Y directly: a direct channel. T → P and T → C: the two-path
    /// through P is closed by the direct tie. By hand: 3 channels, 1 brokered.
    /// </summary>
    private static readonly Influence.Cases.Case Case = Builder()
        .Support("P", "C", 0.8)
        .Support("X", "P", 0.5)
        .Support("C", "Y", 0.3)
        .Support("T", "P", 0.2)
        .Support("T", "C", 0.2)
        .Build();

    [Fact]
    public void Share_IsBrokeredChannelsOverChannels_ByHand()
    {
        var c = Case;
        var b = ActorNetwork.Build(Index(c), T(2005), T(2005)).PatronBrokerage(c.A("P"), c.A("C"));

        b.Channels.Should().Be(3);
        b.Brokered.Should().Be(1);
        b.Share.Should().BeApproximately(1.0 / 3, 1e-12);
    }

    [Fact]
    public void ThirdParties_RecordEachDirectionsRoute_AndThePatronsRole()
    {
        var c = Case;
        var b = ActorNetwork.Build(Index(c), T(2005), T(2005)).PatronBrokerage(c.A("P"), c.A("C"));

        b.ThirdParties.Should().Equal(
            new ThirdPartyChannels(c.A("X"), ChannelRoute.ThroughPatron, ChannelRoute.None, BrokerageRole.Representative, null),
            new ThirdPartyChannels(c.A("Y"), ChannelRoute.None, ChannelRoute.Direct, null, null),
            new ThirdPartyChannels(c.A("T"), ChannelRoute.DirectAndThroughPatron, ChannelRoute.None, null, null));
    }

    [Fact]
    public void Outbound_IsBrokered_WhenTheClientReachesAThirdPartyOnlyThroughThePatron()
    {
        var c = Builder().Support("C", "P", 0.5).Support("P", "X", 0.5).Build();
        var b = ActorNetwork.Build(Index(c), T(2005), T(2005)).PatronBrokerage(c.A("P"), c.A("C"));

        b.ThirdParties.Should().ContainSingle().Which.Should().Be(
            new ThirdPartyChannels(c.A("X"), ChannelRoute.None, ChannelRoute.ThroughPatron, null, BrokerageRole.Gatekeeper));
        b.Share.Should().Be(1);
    }

    [Fact]
    public void Share_IsUndefined_WhenTheClientHasNoChannelWithAThirdParty()
    {
        var c = Builder().Support("P", "C", 0.5).Support("X", "P", 0.5, year: 2003).Build();

        ActorNetwork.Build(Index(c), T(2005), T(2005)).PatronBrokerage(c.A("P"), c.A("C")).Share.Should().BeNull();
    }

    [Fact]
    public void PatronBrokerage_Throws_WhenTheClientIsNotAVertex()
    {
        var c = Case;
        var act = () => ActorNetwork.Build(Index(c), 0, 10).PatronBrokerage(c.A("P"), c.A("H"));

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("client");
    }

    [Fact]
    public void Channels_AgreeWithGouldFernandezOnTheWholeNetworksGraph()
    {
        var actors = new[] { "P", "C", "X", "Y", "T", "XI", "H", "K" };
        var item = Gen.Select(Gen.Int[0, actors.Length - 1], Gen.Int[0, actors.Length - 1], Gen.Bool, Gen.Int[0, 10]);
        item.Array[1, 25].Sample(items =>
        {
            var b = Builder();
            foreach (var (f, t, coerce, m) in items)
            {
                if (f != t)
                {
                    _ = coerce ? b.Coerce(actors[f], actors[t], m / 10.0) : b.Support(actors[f], actors[t], m / 10.0);
                }
            }

            var c = b.Build();
            var index = Index(c);
            return new[] { ("P", "C"), ("P", "H"), ("X", "K") }.All(d =>
            {
                var (p, cl) = (c.A(d.Item1), c.A(d.Item2));
                var graph = ActorNetwork.Build(index, T(2005), T(2005), [p, cl]);
                return PatronBrokerage.Of(index, p, cl, T(2005), T(2005)).ThirdParties.SequenceEqual(Oracle(graph, p, cl))
                    && ReverseLeveragePath.Find(index, p, cl, T(2005), T(2005)).SequenceEqual(LeverageOracle(graph, p, cl));
            });
        });
    }

    /// <summary>The channels computed from the QuikGraph graph: direct ties, and Gould–Fernandez open two-paths through the patron.</summary>
    private static IEnumerable<ThirdPartyChannels> Oracle(ActorNetwork network, int p, int c)
    {
        var g = network.Graph;
        bool Tie(int a, int b) => network.Edge(a, b, TieKind.Support) is not null;
        var open = GouldFernandez.OpenTwoPathsWith(g, p, c, e => e.Kind == TieKind.Support);
        var groups = ActorGroups.StatesAndNonStates;
        var actors = network.Case.Actors;
        foreach (var z in g.Vertices.Where(v => v != p && v != c).Order())
        {
            var brokeredIn = open.Any(x => x.From == z && x.To == c);
            var brokeredOut = open.Any(x => x.From == c && x.To == z);
            var inbound = brokeredIn ? ChannelRoute.ThroughPatron : Tie(z, c) ? (Tie(z, p) && Tie(p, c) ? ChannelRoute.DirectAndThroughPatron : ChannelRoute.Direct) : ChannelRoute.None;
            var outbound = brokeredOut ? ChannelRoute.ThroughPatron : Tie(c, z) ? (Tie(c, p) && Tie(p, z) ? ChannelRoute.DirectAndThroughPatron : ChannelRoute.Direct) : ChannelRoute.None;
            if (inbound != ChannelRoute.None || outbound != ChannelRoute.None)
            {
                yield return new ThirdPartyChannels(
                    z,
                    inbound,
                    outbound,
                    brokeredIn ? GouldFernandez.Classify(groups.GroupOf(actors[z]), groups.GroupOf(actors[p]), groups.GroupOf(actors[c])) : null,
                    brokeredOut ? GouldFernandez.Classify(groups.GroupOf(actors[c]), groups.GroupOf(actors[p]), groups.GroupOf(actors[z])) : null);
            }
        }
    }

    /// <summary>The reverse-leverage paths read off the QuikGraph graph's edges.</summary>
    private static IEnumerable<ReverseLeveragePath> LeverageOracle(ActorNetwork network, int p, int c) =>
        network.Graph.OutEdges(c)
            .Where(e => e.Kind == TieKind.Support && e.Target != p && network.Edge(e.Target, p, TieKind.Coercion) is not null)
            .Select(e => new ReverseLeveragePath(c, e.Target, p, e.Weight, network.Weight(e.Target, p, TieKind.Coercion)))
            .OrderBy(x => x.ThirdParty);
}
