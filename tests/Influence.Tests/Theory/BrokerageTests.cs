using FluentAssertions;
using Influence.Networks;
using Influence.Scoring;
using Influence.Theory;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Theory;

public class BrokerageTests
{
    /// <summary>
    /// In 2005 X reaches C only through P (the 1990s gatekeeper); in 2008 X also supports C directly.
    /// </summary>
    private static readonly Influence.Cases.Case Case = Builder()
        .Support("X", "P", 0.5, year: 2005).Support("P", "C", 0.5, year: 2005)
        .Support("X", "P", 0.5, year: 2008).Support("P", "C", 0.5, year: 2008).Support("X", "C", 0.5, year: 2008)
        .Build();

    [Fact]
    public void Brokerage_IsOne_WhenTheOnlyChannelRunsThroughThePatron()
    {
        Brokerage.Instance.Evaluate(At(Index(Case), "P", "C", 2005)).Should().Be(1);
    }

    [Fact]
    public void Brokerage_IsZero_WhenTheThirdPartyEngagesTheClientDirectly()
    {
        Brokerage.Instance.Evaluate(At(Index(Case), "P", "C", 2008)).Should().Be(0);
        Brokerage.Channels(At(Index(Case), "P", "C", 2008))!.ThirdParties.Should().ContainSingle()
            .Which.Inbound.Should().Be(ChannelRoute.DirectAndThroughPatron);
    }

    [Fact]
    public void Brokerage_IsUndefined_WithoutAnyChannelToAThirdParty()
    {
        Brokerage.Instance.Evaluate(At(Index(Case), "P", "C", 2006)).Should().BeNull();
        Brokerage.Instance.Evaluate(At(Index(Case), "P", "H", 2005)).Should().BeNull("X → P → C does not reach the faction H");
    }

    [Fact]
    public void Brokerage_FollowsTheNetworkWindow()
    {
        var options = ScoringOptions.Default with { Multilateral = new MultilateralOptions { NetworkWindowYears = 4 } };
        var index = Influence.Indexing.EvidenceIndex.Build(Case, new Influence.Indexing.PeriodGrid(Period.FromYear(2000), Period.FromYear(2010)), options);

        Brokerage.Instance.Evaluate(At(index, "P", "C", 2007)).Should().Be(1, "2005 lies in the 4-year window 2004–2007");
    }

    [Fact]
    public void Channels_GiveThePatronsRole()
    {
        Brokerage.Channels(At(Index(Case), "P", "C", 2005))!.ThirdParties.Single().InboundRole.Should().Be(BrokerageRole.Representative);
        Brokerage.Channels(At(Index(Case), "P", "C", 2005), ActorGroups.ByKind)!.ThirdParties.Single().InboundRole.Should().Be(BrokerageRole.Representative);
    }

    [Fact]
    public void Trace_ListsTheItemsOnEveryChannel()
    {
        var uses = new List<EvidenceUse>();

        Brokerage.Instance.Trace(At(Index(Case), "P", "C", 2008), uses);

        uses.Select(u => u.Term).Should().BeEquivalentTo("direct tie X → client", "X → patron (two-path to the client)", "patron → client (two-path leg)");
    }
}
