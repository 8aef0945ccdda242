using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Scoring;

public class CounterfactualTests
{
    private static readonly Dyad PC = new("P", "C");

    /// <summary>
    /// 2005–2006: P gives C 0.6 a year and C gives back 0.3; X gives C 0.4 and supports it directly; P coerces C a
    /// little; in 2005 X also reaches C through P (X → P). XI (X's faction) gives C 0.1 in 2006.
    /// </summary>
    private static Case Case() => Builder()
        .Support("P", "C", 0.6, year: 2005).Support("P", "C", 0.6, year: 2006)
        .Support("C", "P", 0.3, year: 2005).Support("C", "P", 0.3, year: 2006)
        .Support("X", "C", 0.4, year: 2005).Support("XI", "C", 0.1, year: 2006)
        .Support("X", "P", 0.2, year: 2005)
        .Coerce("P", "C", 0.1, year: 2005)
        .Build();

    [Fact]
    public void WithoutThirdParty_ReportsHowTheMultilateralMeasuresChange_ByHand()
    {
        var r = Counterfactual.WithoutThirdParty(Case(), PC, "X", from: Period.FromYear(2005), to: Period.FromYear(2006));

        r.Periods.Should().HaveCount(2);
        var y2005 = r.Periods[0];
        y2005.PatronShare.With.Should().BeApproximately(0.6, 1e-12);
        y2005.PatronShare.Without.Should().Be(1);
        y2005.PatronShare.Effect.Should().BeApproximately(-0.4, 1e-12);
        y2005.AlternativePatrons.Should().Be(new MeasureChange(1, 0));
        y2005.SupplierConcentration.Without.Should().Be(1);
        r.Periods[1].PatronShare.With.Should().BeApproximately(1.2 / 1.7, 1e-12, "XI's 0.1 counts as X's, over the 5-year window");
    }

    [Fact]
    public void WithoutThirdParty_MarksThePeriodTheEvidenceEndsInside_AsTheScoresDo()
    {
        var c = CaseReader.LoadBuiltIn();
        var r = Counterfactual.WithoutThirdParty(c, new Dyad("pakistan", "taliban"), "china", from: Period.FromYear(2024), to: Period.FromYear(2026));
        var scores = Scorer.Score(c, request: new ScoringRequest { Dyads = [new Dyad("pakistan", "taliban")], From = Period.FromYear(2024), To = Period.FromYear(2026) });

        r.EvidenceEnds.Should().Be(new DateOnly(2026, 2, 28)).And.Be(scores.EvidenceEnds);
        r.Periods.Select(p => p.Partial).Should().Equal(false, false, true);
        r.Periods.Select(p => p.Partial).Should().Equal(Enumerable.Range(0, scores.PeriodCount).Select(scores.IsPartial));
    }

    [Fact]
    public void WithoutThirdParty_RemovesItsFactionsEvidenceToo()
    {
        var r = Counterfactual.WithoutThirdParty(Case(), PC, "X");

        // NetworkCases names items s-FROM-TO-RESOURCE-YEAR-N, N the item's position: X → C (4), XI → C (5), X → P (6).
        r.EvidenceRemoved.Should().BeEquivalentTo("s-X-C-Funding-2005-4", "s-XI-C-Funding-2006-5", "s-X-P-Funding-2005-6");
    }

    [Fact]
    public void WithoutThirdParty_LeavesTheStateAlone_BecauseTheStateReadsOnlyTheDyadsOwnEvidence()
    {
        var r = Counterfactual.WithoutThirdParty(Case(), PC, "X", from: Period.FromYear(2005), to: Period.FromYear(2006));

        r.Periods.Should().OnlyContain(p => !p.StateChanged && p.State != null);
    }

    [Fact]
    public void WithoutThirdParty_ShowsTheLostBrokerage_WhenTheThirdPartyWasBrokered()
    {
        var c = Builder().Support("P", "C", 0.5).Support("X", "P", 0.5).Support("C", "Y", 0.5).Build();

        var r = Counterfactual.WithoutThirdParty(c, PC, "X", from: Period.FromYear(2005), to: Period.FromYear(2005));

        r.Periods.Single().Brokerage.Should().Be(new MeasureChange(0.5, 0));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("C")]
    [InlineData("H")]
    [InlineData("nobody")]
    public void WithoutThirdParty_Throws_WhenTheThirdPartyIsNotOne(string actor)
    {
        var act = () => Counterfactual.WithoutThirdParty(Case(), PC, actor);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("thirdParty");
    }

    [Fact]
    public void WithoutThirdParty_Throws_OnAnUnknownDyadActor()
    {
        var act = () => Counterfactual.WithoutThirdParty(Case(), new Dyad("P", "Q"), "X");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("dyad");
    }

    [Fact]
    public void WithoutThirdParty_Throws_OutsideTheCasesRange()
    {
        var act = () => Counterfactual.WithoutThirdParty(Case(), PC, "X", from: Period.FromYear(1999));

        act.Should().Throw<ArgumentException>().WithParameterName("from").WithMessage("*before the case's first period (2000)*");
    }
}
