using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

public class IssueSpecificityTests
{
    private static CaseBuilder Issues() => TestCases.Builder()
        .AddIssue(new Issue("a", "A"))
        .AddIssue(new Issue("b", "B"))
        .AddIssue(new Issue("c", "C"));

    [Fact]
    public void IssueSpread_IsOne_WhenTheClientCompliesOnOneIssueAndDefiesAnother()
    {
        var c = Issues()
            .Add(TestCases.Demand("d1", TestCases.Year(2005), "a", 1, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "b", 1, DemandResponse.Defied))
            .Build();

        TestCases.Value(c, "issueSpread", 2005).Should().Be(1);
    }

    [Fact]
    public void IssueSpread_IsMaxMinusMinOfPerIssueCompliance_ByHand()
    {
        // a: complied + partial, equal weights → (1 + ½)/2 = 0.75; b: partial → 0.5;
        // c: complied (0.6 confirmed) + ignored (1.0 alleged → 0.4) → 0.6 / 1.0 = 0.6. Spread 0.75 − 0.5 = 0.25.
        var c = Issues()
            .Add(TestCases.Demand("d1", TestCases.Year(2005), "a", 1, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "a", 1, DemandResponse.Partial))
            .Add(TestCases.Demand("d3", TestCases.Year(2005), "b", 1, DemandResponse.Partial))
            .Add(TestCases.Demand("d4", TestCases.Year(2005), "c", 0.6, DemandResponse.Complied))
            .Add(TestCases.Demand("d5", TestCases.Year(2005), "c", 1, DemandResponse.Ignored, Confidence.Alleged))
            .Build();
        var s = TestCases.Score(c);

        s.For(TestCases.PC, Period.FromYear(2005)).IssueSpread.Value.Should().BeApproximately(0.25, 1e-12);
        IssueSpecificity.ByIssue(s.At(0, 5)).Select(x => (s.Case.Issues[x.Issue].Id, x.Compliance))
            .Should().BeEquivalentTo(
                [("a", 0.75), ("b", 0.5), ("c", 0.6)],
                o => o.Using<double>(x => x.Subject.Should().BeApproximately(x.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Fact]
    public void IssueSpread_IsZero_WhenEveryIssueIsTreatedAlike()
    {
        var c = Issues()
            .Add(TestCases.Demand("d1", TestCases.Year(2005), "a", 1, DemandResponse.Partial))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "b", 0.3, DemandResponse.Partial))
            .Build();

        TestCases.Value(c, "issueSpread", 2005).Should().Be(0);
    }

    [Fact]
    public void IssueSpread_IsUndefined_WithFewerThanTwoIssues()
    {
        var c = Issues()
            .Add(TestCases.Demand("d1", TestCases.Year(2005), "a", 1, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2005), "a", 1, DemandResponse.Defied))
            .Build();

        TestCases.Value(c, "issueSpread", 2005).Should().BeNull();
        TestCases.Value(c, "issueSpread", 2009).Should().BeNull("no demand at all in 2007–2009");
    }
}
