using FluentAssertions;
using Influence.Evidence;
using Influence.Generation;
using Influence.Indexing;
using Influence.Networks;
using Influence.Scoring;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Networks;

public class ResourceDependenceTests
{
    [Fact]
    public void Value_WeighsASoleSupplyMore_ByHand()
    {
        // C receives funding 0.4 from P alone (κ = 1) and arms 0.4 from P and 0.4 from X (κ = ½).
        // dependence = (1 × 0.4 + ½ × 0.4) / (1 × 0.4 + ½ × 0.8) = 0.75, above the plain share 0.8 / 1.2.
        var c = Builder()
            .Support("P", "C", 0.4, resource: ResourceType.Funding)
            .Support("P", "C", 0.4, resource: ResourceType.Arms)
            .Support("X", "C", 0.4, resource: ResourceType.Arms)
            .Build();

        var d = ResourceDependence.Of(Index(c), c.A("C"), c.A("P"), T(2005), T(2005));

        d.Value.Should().BeApproximately(0.75, 1e-12);
        d.Resources.Should().Equal(
            new ResourceDependenceRow(ResourceType.Funding, 0.4, 0.4, 1, 1),
            new ResourceDependenceRow(ResourceType.Arms, 0.8, 0.4, 0.5, 2));
    }

    [Fact]
    public void Value_Falls_WhenARivalAloneSuppliesAResource()
    {
        // P and X share funding (κ = ½); X alone gives arms (κ = 1): (½ × 0.4) / (½ × 0.8 + 1 × 0.4) = 0.25 < 0.4 / 1.2.
        var c = Builder()
            .Support("P", "C", 0.4, resource: ResourceType.Funding)
            .Support("X", "C", 0.4, resource: ResourceType.Funding)
            .Support("X", "C", 0.4, resource: ResourceType.Arms)
            .Build();

        ResourceDependence.Of(Index(c), c.A("C"), c.A("P"), T(2005), T(2005)).Value.Should().BeApproximately(0.25, 1e-12);
    }

    [Fact]
    public void Value_IsPlainShare_WhenEachResourceHasOneSupplier()
    {
        var c = Builder()
            .Support("P", "C", 0.6, resource: ResourceType.Funding)
            .Support("X", "C", 0.2, resource: ResourceType.Arms)
            .Build();

        ResourceDependence.Of(Index(c), c.A("C"), c.A("P"), T(2005), T(2005)).Value.Should().BeApproximately(0.75, 1e-12);
    }

    [Fact]
    public void Value_IsZero_AndNotReceived_WhenNothingArrives()
    {
        var c = Builder().Support("P", "C", 0.6).Build();

        var d = ResourceDependence.Of(Index(c), c.A("P"), c.A("C"), T(2005), T(2005));

        d.HasReceived.Should().BeFalse();
        d.Value.Should().Be(0);
        d.Resources.Should().BeEmpty();
    }

    [Fact]
    public void FactionSupport_CountsForTheProviderItBelongsTo()
    {
        var c = Builder().Support("H", "P", 0.3).Support("Y", "P", 0.3).Build();

        ResourceDependence.Of(Index(c), c.A("P"), c.A("C"), T(2005), T(2005)).Value.Should().BeApproximately(0.5, 1e-12);
        ResourceDependence.Of(Index(c), c.A("P"), c.A("H"), T(2005), T(2005)).Value.Should().BeApproximately(0.5, 1e-12);
    }

    /// <summary>
    /// The window series reads a provider's part from the pair (provider, dependent), outermost or not (a faction
    /// under a movement that holds the outermost pair). Every window of every ordered pair of unrelated actors, with
    /// factions one and two levels deep, must give the bits of the per-window computation, which filters the outermost
    /// pair's rows by the provider.
    /// </summary>
    [Theory]
    [InlineData(3L, 0, 35)]
    [InlineData(11L, 7, 30)]
    public void Series_EqualsValueOf_BitForBit_ForEveryOrderedPairOfUnrelatedActors(long seed, int t0, int t1)
    {
        var c = UniverseGenerator.Generate(new UniverseOptions { Seed = seed, Actors = 24, Periods = 36, Evidence = 12_000, FactionShare = 0.5 });
        var (from, to) = Scorer.ResolveRange(c);
        var index = EvidenceIndex.Build(c, new PeriodGrid(from, to), ScoringOptions.Default);
        var w = 13;
        var n = t1 - t0 + 1;
        var values = new double[n];
        var received = new bool[n];
        var (outermost, inner, none) = (0, 0, 0);
        for (var dependent = 0; dependent < c.Actors.Length; dependent++)
        {
            for (var provider = 0; provider < c.Actors.Length; provider++)
            {
                if (index.AreRelated(provider, dependent))
                {
                    continue;
                }

                var pair = index.PairOf(provider, dependent);
                _ = pair < 0 ? none++ : index.IsOutermostPair(pair) ? outermost++ : inner++;
                ResourceDependence.Series(index, dependent, provider, w, t0, t1, values, received);
                for (var i = 0; i < n; i++)
                {
                    var t = t0 + i;
                    var expected = ResourceDependence.ValueOf(index, dependent, provider, Math.Max(t - w + 1, 0), t, out var any);
                    BitConverter.DoubleToInt64Bits(values[i]).Should().Be(BitConverter.DoubleToInt64Bits(expected), "{0} on {1} at {2}", dependent, provider, t);
                    received[i].Should().Be(any);
                }
            }
        }

        outermost.Should().BeGreaterThan(20);
        inner.Should().BeGreaterThan(5, "factions whose movement holds the outermost pair");
        none.Should().BeGreaterThan(5);
    }
}
