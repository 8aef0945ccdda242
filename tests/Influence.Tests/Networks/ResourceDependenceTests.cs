using FluentAssertions;
using Influence.Evidence;
using Influence.Networks;
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
}
