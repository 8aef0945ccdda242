using FluentAssertions;
using Influence.Evidence;
using Influence.Theory;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Theory;

public class DependenceAsymmetryTests
{
    [Fact]
    public void DependenceAsymmetry_IsTheClientsMinusThePatronsCriticalDependence_ByHand()
    {
        // C on P: funding 0.4 from P alone (κ 1), arms 0.4 from P and 0.4 from X (κ ½): 0.6 / 0.8 = 0.75.
        // P on C: sanctuary 0.3 from C alone (κ 1), funding 0.3 from Y alone (κ 1): 0.3 / 0.6 = 0.5.
        var c = Builder()
            .Support("P", "C", 0.4, resource: ResourceType.Funding)
            .Support("P", "C", 0.4, resource: ResourceType.Arms)
            .Support("X", "C", 0.4, resource: ResourceType.Arms)
            .Support("C", "P", 0.3, resource: ResourceType.Sanctuary)
            .Support("Y", "P", 0.3, resource: ResourceType.Funding)
            .Build();

        DependenceAsymmetry.Instance.Evaluate(At(Index(c), "P", "C", 2005)).Should().BeApproximately(0.25, 1e-12);
        DependenceAsymmetry.Instance.Evaluate(At(Index(c), "C", "P", 2005)).Should().BeApproximately(-0.25, 1e-12);
    }

    [Fact]
    public void DependenceAsymmetry_IsTheClientsDependence_WhenThePatronReceivesNothing()
    {
        var c = Builder().Support("P", "C", 0.4).Support("X", "C", 0.4, resource: ResourceType.Arms).Build();

        DependenceAsymmetry.Instance.Evaluate(At(Index(c), "P", "C", 2005)).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void DependenceAsymmetry_IsUndefined_WhenNeitherSideReceivesSupport()
    {
        var c = Builder().Coerce("P", "C", 0.4).Build();
        var at = At(Index(c), "P", "C", 2005);
        var uses = new List<EvidenceUse>();

        DependenceAsymmetry.Instance.Evaluate(at).Should().BeNull();
        DependenceAsymmetry.Instance.Trace(at, uses);
        uses.Should().BeEmpty();
    }

    [Fact]
    public void DependenceAsymmetry_IsUndefined_WithinOneMovement()
    {
        var c = Builder().Support("C", "H", 0.4).Build();

        DependenceAsymmetry.Instance.Evaluate(At(Index(c), "C", "H", 2005)).Should().BeNull();
    }

    [Fact]
    public void Trace_ListsWhatEachSideReceived()
    {
        var c = Builder().Support("P", "C", 0.4).Support("C", "P", 0.2).Support("Y", "P", 0.1).Build();
        var uses = new List<EvidenceUse>();

        DependenceAsymmetry.Instance.Trace(At(Index(c), "P", "C", 2005), uses);

        uses.Select(u => u.Term).Should().BeEquivalentTo("support received by the client", "support received by the patron", "support received by the patron");
    }
}
