using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

public class ComplianceTests
{
    // 2005, issue "core": complied (salience 0.9, confirmed → w 0.9, credit 1); partial (0.5, reported → w 0.35,
    // credit ½); defied (0.8, alleged → w 0.32, credit 0); issue "side": ignored (0.2, confirmed → w 0.2, credit 0).
    // Σw = 1.77; Σw·credit = 0.9 + 0.175 = 1.075.
    private static Case Mixed() => TestCases.Builder()
        .AddIssue(new Issue("core", "Core issue") { Core = true })
        .AddIssue(new Issue("side", "Side issue"))
        .Add(TestCases.Demand("d1", TestCases.Year(2005), "core", 0.9, DemandResponse.Complied))
        .Add(TestCases.Demand("d2", TestCases.Year(2005), "core", 0.5, DemandResponse.Partial, Confidence.Reported))
        .Add(TestCases.Demand("d3", TestCases.Year(2005), "core", 0.8, DemandResponse.Defied, Confidence.Alleged))
        .Add(TestCases.Demand("d4", TestCases.Year(2005), "side", 0.2, DemandResponse.Ignored))
        .Build();

    [Fact]
    public void Compliance_IsTheWeightedShareOfDemandsMet_ByHand()
    {
        // 1.075 / 1.77 = 0.607345.
        TestCases.Value(Mixed(), "compliance", 2005).Should().BeApproximately(1.075 / 1.77, 1e-12);
    }

    [Fact]
    public void Compliance_GivesPartialResponsesTheCreditFromOptions()
    {
        // Partial credit ¼: (0.9 + 0.35·0.25) / 1.77 = 0.9875 / 1.77 = 0.557910.
        var options = ScoringOptions.Default with { Compliance = ScoringOptions.Default.Compliance with { PartialCredit = 0.25 } };

        TestCases.Value(Mixed(), "compliance", 2005, options).Should().BeApproximately(0.9875 / 1.77, 1e-12);
    }

    [Fact]
    public void Compliance_PoolsTheTrailingWindow_AndThenIsUndefined()
    {
        // The 3-year window of 2007 (2005–2007) holds the 2005 demands; that of 2008 does not.
        var c = Mixed();

        TestCases.Value(c, "compliance", 2007).Should().BeApproximately(1.075 / 1.77, 1e-12);
        TestCases.Value(c, "compliance", 2008).Should().BeNull();
        TestCases.Value(c, "compliance", 2004).Should().BeNull();
    }

    [Fact]
    public void Compliance_IgnoresTheClientsDemandsOnThePatron()
    {
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(new DemandEvidence("d", TestCases.Year(2005), Confidence.Confirmed, TestCases.Src, "C", "P", "i", 1, DemandResponse.Complied))
            .Build();

        TestCases.Value(c, "compliance", 2005).Should().BeNull();
    }

    [Fact]
    public void Pooled_FiltersByIssue()
    {
        // Core issues only: (0.9 + 0.175) / (0.9 + 0.35 + 0.32) = 1.075 / 1.57 = 0.684713. Side only: 0 / 0.2 = 0.
        // An issue filter that keeps nothing: undefined.
        var s = Scorer.Score(Mixed());
        var c = s.Case;
        var at = s.At(0, 5);
        bool IsCore(int i) => c.Issues[i].Core;

        Compliance.Pooled(s.Index, at.PatronToClient, 0, s.PeriodCount - 1, IsCore).Should().BeApproximately(1.075 / 1.57, 1e-12);
        Compliance.Pooled(s.Index, at.PatronToClient, 0, s.PeriodCount - 1, i => !IsCore(i)).Should().Be(0);
        Compliance.Pooled(s.Index, at.PatronToClient, 0, s.PeriodCount - 1, _ => false).Should().BeNull();
        Compliance.Pooled(s.Index, at.PatronToClient, 0, s.PeriodCount - 1).Should().BeApproximately(1.075 / 1.77, 1e-12);
    }

    [Fact]
    public void Pooled_IsUndefined_ForAPairWithoutEvidence()
    {
        var s = Scorer.Score(Mixed());

        Compliance.Pooled(s.Index, -1, 0, s.PeriodCount - 1).Should().BeNull();
        Compliance.Pooled(s.Index, -1, 0, s.PeriodCount - 1, _ => true).Should().BeNull();
    }
}
