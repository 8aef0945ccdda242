using FluentAssertions;
using Influence.Networks;
using QuikGraph;
using Xunit;

namespace Influence.Tests.Networks;

/// <summary>Brokerage roles checked against graphs computed by hand from Gould and Fernandez's (1989) definition.</summary>
public class GouldFernandezTests
{
    private static BidirectionalGraph<string, Edge<string>> Graph(params string[] edges)
    {
        var g = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: true);
        foreach (var e in edges)
        {
            var parts = e.Split("->");
            g.AddVerticesAndEdge(new Edge<string>(parts[0], parts[1]));
        }

        return g;
    }

    /// <summary>
    /// Six actors in three groups (A, B: g1; C, D, F: g2; E: g3) and nine ties. By hand:
    /// A brokers B→C (representative) and E→C (liaison); C brokers A→D (gatekeeper) and A→E (liaison), not D→E (closed);
    /// D brokers C→F (coordinator), not C→E (closed); E brokers C→A, D→A (liaison) and C→F (itinerant), not D→F (closed).
    /// </summary>
    private static readonly BidirectionalGraph<string, Edge<string>> SixActors =
        Graph("B->A", "A->C", "C->D", "C->E", "D->E", "E->A", "D->C", "E->F", "D->F");

    private static string GroupOf(string v) => v switch
    {
        "A" or "B" => "g1",
        "C" or "D" or "F" => "g2",
        _ => "g3",
    };

    [Theory]
    [InlineData("x", "x", "x", BrokerageRole.Coordinator)]
    [InlineData("x", "y", "x", BrokerageRole.Itinerant)]
    [InlineData("y", "x", "x", BrokerageRole.Gatekeeper)]
    [InlineData("x", "x", "y", BrokerageRole.Representative)]
    [InlineData("x", "y", "z", BrokerageRole.Liaison)]
    public void Classify_FollowsTheGroupsOfFromBrokerAndTo(string from, string broker, string to, BrokerageRole expected) =>
        GouldFernandez.Classify(from, broker, to).Should().Be(expected);

    [Fact]
    public void Roles_MatchTheHandComputedCounts_OfSixActors()
    {
        var roles = GouldFernandez.Roles(SixActors, GroupOf);

        roles["A"].Should().Be(new BrokerageRoles(0, 0, 0, 1, 1));
        roles["B"].Should().Be(default(BrokerageRoles));
        roles["C"].Should().Be(new BrokerageRoles(0, 0, 1, 0, 1));
        roles["D"].Should().Be(new BrokerageRoles(1, 0, 0, 0, 0));
        roles["E"].Should().Be(new BrokerageRoles(0, 1, 0, 0, 2));
        roles["F"].Should().Be(default(BrokerageRoles));
        roles.Values.Sum(r => r.Total).Should().Be(8);
    }

    [Fact]
    public void OpenTwoPaths_LeaveOutClosedTriads()
    {
        var paths = GouldFernandez.OpenTwoPaths(SixActors, "E");

        paths.Should().BeEquivalentTo(new[]
        {
            new BrokerageTwoPath<string>("C", "E", "A"),
            new BrokerageTwoPath<string>("C", "E", "F"),
            new BrokerageTwoPath<string>("D", "E", "A"),
        });
    }

    [Fact]
    public void OpenTwoPathsWith_KeepsThePathsStartingOrEndingAtTheEndpoint()
    {
        GouldFernandez.OpenTwoPathsWith(SixActors, "E", "C").Should().Equal(
            new BrokerageTwoPath<string>("C", "E", "A"), new BrokerageTwoPath<string>("C", "E", "F"));
        GouldFernandez.OpenTwoPathsWith(SixActors, "A", "C").Should().Equal(
            new BrokerageTwoPath<string>("B", "A", "C"), new BrokerageTwoPath<string>("E", "A", "C"));
    }

    [Fact]
    public void OpenTwoPathsWith_AgreesWithOpenTwoPaths_OnEveryBrokerAndEndpoint()
    {
        foreach (var b in SixActors.Vertices)
        {
            var all = GouldFernandez.OpenTwoPaths(SixActors, b);
            foreach (var e in SixActors.Vertices.Where(v => v != b))
            {
                GouldFernandez.OpenTwoPathsWith(SixActors, b, e).Should().BeEquivalentTo(all.Where(p => p.From == e || p.To == e), $"broker {b}, endpoint {e}");
            }
        }
    }

    [Fact]
    public void Roles_CountEachOrderedPairOnce_WhenTiesAreParallel()
    {
        var g = Graph("a->b", "a->b", "b->c", "b->c");

        GouldFernandez.Roles(g, _ => "x")["b"].Coordinator.Should().Be(1);
    }

    [Fact]
    public void Roles_CountEveryBrokerOfACycle()
    {
        var g = Graph("a->b", "b->c", "c->a");

        var roles = GouldFernandez.Roles(g, _ => "x");

        roles.Values.Should().AllSatisfy(r => r.Should().Be(new BrokerageRoles(1, 0, 0, 0, 0)));
    }

    [Fact]
    public void Roles_IgnoreEdgesThatAreNotTies()
    {
        var g = new BidirectionalGraph<string, TaggedEdge<string, bool>>();
        g.AddVerticesAndEdge(new TaggedEdge<string, bool>("a", "b", true));
        g.AddVerticesAndEdge(new TaggedEdge<string, bool>("b", "c", true));
        g.AddVerticesAndEdge(new TaggedEdge<string, bool>("a", "c", false));

        GouldFernandez.Roles(g, _ => "x", e => e.Tag)["b"].Total.Should().Be(1, "the non-tie a→c does not close the two-path");
        GouldFernandez.Roles(g, _ => "x")["b"].Total.Should().Be(0, "with every edge a tie, a→c closes it");
    }

    [Fact]
    public void OpenTwoPaths_Throws_WhenTheBrokerIsNotAVertex()
    {
        var act = () => GouldFernandez.OpenTwoPaths(SixActors, "Z");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("broker");
    }

    [Fact]
    public void OpenTwoPathsWith_Throws_WhenEndpointIsTheBroker()
    {
        var act = () => GouldFernandez.OpenTwoPathsWith(SixActors, "A", "A");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("endpoint");
    }

    [Fact]
    public void BrokerageRoles_IndexerAndTotal_ReadTheCounts()
    {
        var r = new BrokerageRoles(1, 2, 3, 4, 5);

        r.Total.Should().Be(15);
        Enum.GetValues<BrokerageRole>().Select(x => r[x]).Should().Equal(1, 2, 3, 4, 5);
    }
}
