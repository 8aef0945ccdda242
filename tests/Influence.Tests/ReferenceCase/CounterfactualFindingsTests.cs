using FluentAssertions;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.ReferenceCase;

/// <summary>
/// docs/multilateral.md, section 6, quotes what <c>influence counterfactual --patron pakistan --client taliban --without
/// china</c> prints for 2024 on the built-in reference case (default options). The test computes the counterfactual as the
/// command does (<see cref="Counterfactual.WithoutThirdParty"/> over the case's range) and checks every figure the page
/// prints, at the precision printed (<see cref="ClaimsPage"/>): after changing the case or a measure, change the page.
/// </summary>
public class CounterfactualFindingsTests(ReferenceCaseFixture reference) : IClassFixture<ReferenceCaseFixture>
{
    [Fact]
    public void TheMultilateralPage_PrintsWhatRemovingChinaChangesIn2024()
    {
        var result = Counterfactual.WithoutThirdParty(reference.Case, ReferenceCaseFixture.PakistanTaliban, "china", ScoringOptions.Default);
        var at = result.Periods.Single(p => p.Period == Period.FromYear(2024));
        var page = ClaimsPage.Multilateral;

        page.Says(
            "Pakistan's share of the Taliban's support in {} rises from {} to {}, supplier concentration from {} to {}, and Pakistan's brokerage from {} to {}",
            at.Period.Year,
            at.PatronShare.With,
            at.PatronShare.Without,
            at.SupplierConcentration.With,
            at.SupplierConcentration.Without,
            at.Brokerage.With,
            at.Brokerage.Without);
        page.Says("alternative patrons fall from {} to {} (China was one of them)", at.AlternativePatrons.With, at.AlternativePatrons.Without);

        // "rises" and "falls", as the page says; and the state stays what it is.
        at.PatronShare.Effect.Should().BeNegative("the page says the share rises without China");
        at.SupplierConcentration.Effect.Should().BeNegative("the page says concentration rises without China");
        at.Brokerage.Effect.Should().BeNegative("the page says brokerage rises without China");
        at.AlternativePatrons.Effect.Should().BePositive("the page says alternative patrons fall without China");
        page.Quoted("and the state stays contested.");
        at.State.Should().Be(RelationshipState.Contested);
        at.StateChanged.Should().BeFalse("the page says the state stays contested");
        result.Periods.Should().OnlyContain(p => !p.StateChanged, "section 6: removing a third party cannot change the state");
    }
}
