using FluentAssertions;
using Influence.Networks;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Networks;

public class ActorNetworkTests
{
    private static readonly Influence.Cases.Case Case = Builder()
        .Support("P", "C", 0.8)
        .Support("XI", "H", 0.5)
        .Support("H", "K", 0.4)
        .Support("C", "T", 0.3)
        .Coerce("T", "P", 0.6)
        .Support("Y", "P", 0.2, year: 2003)
        .Build();

    [Fact]
    public void Build_HasTheTopLevelActorsAsVertices_WithoutFocus()
    {
        var c = Case;
        var net = ActorNetwork.Build(Index(c), T(2005), T(2005));

        net.Actors.Should().Equal(c.A("P"), c.A("C"), c.A("X"), c.A("Y"), c.A("T"));
    }

    [Fact]
    public void Build_RollsFactionsUpToTheirMovements_AndDropsInternalItems()
    {
        var c = Case;
        var net = ActorNetwork.Build(Index(c), T(2005), T(2005));

        net.Weight(c.A("X"), c.A("C"), TieKind.Support).Should().BeApproximately(0.5, 1e-12, "XI → H rolls up to X → C");
        net.Weight(c.A("P"), c.A("C"), TieKind.Support).Should().BeApproximately(0.8, 1e-12);
        net.Weight(c.A("T"), c.A("P"), TieKind.Coercion).Should().BeApproximately(0.6, 1e-12);
        net.Edges.Should().HaveCount(4, "H → K is internal to C, and Y → P lies outside the 2005 window");
    }

    [Fact]
    public void Build_ShowsFocusFactions_AndLeavesOutTheirMovement()
    {
        var c = Case;
        var net = ActorNetwork.Build(Index(c), T(2005), T(2005), [c.A("H")]);

        net.Actors.Should().Equal(c.A("P"), c.A("H"), c.A("K"), c.A("X"), c.A("Y"), c.A("T"));
        net.Weight(c.A("X"), c.A("H"), TieKind.Support).Should().BeApproximately(0.5, 1e-12);
        net.Weight(c.A("H"), c.A("K"), TieKind.Support).Should().BeApproximately(0.4, 1e-12, "sibling factions are separate vertices");
        net.Contains(c.A("C")).Should().BeFalse();
    }

    [Fact]
    public void Build_WeighsEdgesOverTheWholeWindow()
    {
        var c = Case;
        var net = ActorNetwork.Build(Index(c), T(2001), T(2005));

        net.Weight(c.A("Y"), c.A("P"), TieKind.Support).Should().BeApproximately(0.2, 1e-12);
        net.From.Should().Be(Period.FromYear(2001));
        net.To.Should().Be(Period.FromYear(2005));
    }

    [Fact]
    public void Build_Throws_WhenOneFocusActorContainsAnother()
    {
        var c = Case;
        var act = () => ActorNetwork.Build(Index(c), 0, 5, [c.A("C"), c.A("H")]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("focus");
    }

    [Fact]
    public void Around_Throws_WithoutFocus()
    {
        var act = () => ActorNetwork.Around(Index(Case), 0, 5);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("focus");
    }

    [Fact]
    public void Around_HoldsExactlyTheEdgesIncidentToTheFocus()
    {
        var c = Case;
        var index = Index(c);
        var whole = ActorNetwork.Build(index, T(2005), T(2005), [c.A("P"), c.A("C")]);
        var ego = ActorNetwork.Around(index, T(2005), T(2005), c.A("P"), c.A("C"));

        ego.IsEgo.Should().BeTrue();
        ego.Edges.Select(Describe).Should().BeEquivalentTo(
            whole.Edges.Where(e => e.Source == c.A("P") || e.Source == c.A("C") || e.Target == c.A("P") || e.Target == c.A("C")).Select(Describe));
    }

    [Fact]
    public void ForPeriod_IndexesTheNetworkWindowEndingAtThePeriod()
    {
        var c = Case;
        var net = ActorNetwork.ForPeriod(c, Period.FromYear(2005));
        var wide = ActorNetwork.ForPeriod(c, Period.FromYear(2005), ScoringOptions.Default with { Multilateral = new MultilateralOptions { NetworkWindowYears = 3 } });

        net.Weight(c.A("P"), c.A("C"), TieKind.Support).Should().BeApproximately(0.8, 1e-12);
        net.Weight(c.A("Y"), c.A("P"), TieKind.Support).Should().Be(0);
        wide.Weight(c.A("Y"), c.A("P"), TieKind.Support).Should().BeApproximately(0.2, 1e-12);
    }

    [Fact]
    public void ForPeriod_Throws_OnAnUnknownFocusId()
    {
        var act = () => ActorNetwork.ForPeriod(Case, Period.FromYear(2005), focus: ["nobody"]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("focus");
    }

    [Fact]
    public void ReverseLeveragePaths_FindClientSupportToAnActorCoercingThePatron()
    {
        var c = Case;
        var net = ActorNetwork.Build(Index(c), T(2005), T(2005));

        net.ReverseLeveragePaths(c.A("P"), c.A("C")).Should().Equal(new ReverseLeveragePath(c.A("C"), c.A("T"), c.A("P"), 0.3, 0.6));
        net.ReverseLeveragePaths(c.A("P"), c.A("C"))[0].Strength.Should().Be(0.3);
    }

    [Fact]
    public void BrokerageRoles_OfTheWholeNetwork_ClassifyByStatesAndNonStates()
    {
        var c = Builder().Support("Y", "P", 0.5).Support("P", "C", 0.5).Support("C", "T", 0.5).Build();
        var net = ActorNetwork.Build(Index(c), T(2005), T(2005));

        var roles = net.BrokerageRoles();

        roles[c.A("P")].Should().Be(new BrokerageRoles(0, 0, 0, 1, 0), "Y → P → C: two states then a movement (representative)");
        roles[c.A("C")].Should().Be(new BrokerageRoles(0, 0, 1, 0, 0), "P → C → T: a state into two non-state actors (gatekeeper)");
        roles[c.A("Y")].Total.Should().Be(0);
    }

    private static string Describe(NetworkEdge e) => $"{e.Source}>{e.Target}:{e.Kind}:{e.Weight:R}";
}
