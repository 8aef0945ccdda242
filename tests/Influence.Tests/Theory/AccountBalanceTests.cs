using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

public class AccountBalanceTests
{
    // δ = 0.5^(1/10) = 0.933033 per year (half-life 10 years).
    private static readonly double Delta = Math.Pow(0.5, 0.1);

    private static Influence.Cases.Case GiveThenRepay() => TestCases.Builder()
        .Add(TestCases.Support("give", TestCases.Year(2000), "P", "C", 1.0))
        .Add(TestCases.Support("repay", TestCases.Year(2001), "C", "P", 0.5))
        .Build();

    [Fact]
    public void AccountBalance_IsTheDecayedShareTheClientOwes_ByHand()
    {
        // 2000: net 1, gross 1 → 1 (the client owes all it received).
        // 2001: net = δ·1 − 0.5 = 0.433033, gross = δ·1 + 0.5 = 1.433033 → 0.302180.
        var s = Scorer.Score(GiveThenRepay());

        s.For(TestCases.PC, Period.FromYear(2000)).AccountBalance.Value.Should().Be(1);
        s.For(TestCases.PC, Period.FromYear(2001)).AccountBalance.Value.Should().BeApproximately((Delta - 0.5) / (Delta + 0.5), 1e-12);
    }

    [Fact]
    public void AccountBalance_KeepsItsRatio_InYearsWithoutFlows()
    {
        // 2002: both sums decay by δ: δ(δ − 0.5) / δ(δ + 0.5), the same ratio.
        TestCases.Value(GiveThenRepay(), "accountBalance", 2002).Should().BeApproximately((Delta - 0.5) / (Delta + 0.5), 1e-12);
    }

    [Fact]
    public void AccountBalance_IsMinusOne_WhenOnlyTheClientGives()
    {
        var c = TestCases.Builder().Add(TestCases.Support("r", TestCases.Year(2005), "C", "P", 0.4)).Build();

        TestCases.Value(c, "accountBalance", 2005).Should().Be(-1);
    }

    [Fact]
    public void AccountBalance_IsUndefined_BeforeTheFirstFlowAndWithoutWeight()
    {
        // Before 2003 nothing flowed; a flow of magnitude 0 is seen but weighs nothing: still undefined.
        var c = TestCases.Builder()
            .Add(TestCases.Support("s", TestCases.Year(2003), "P", "C", 0.5))
            .Add(new Evidence.SupportEvidence("z", TestCases.Year(2001), Evidence.Confidence.Confirmed, TestCases.Src, "P", "C", Evidence.ResourceType.Food, 0))
            .Build();

        TestCases.Value(c, "accountBalance", 2000).Should().BeNull();
        TestCases.Value(c, "accountBalance", 2002).Should().BeNull();
        TestCases.Value(c, "accountBalance", 2003).Should().Be(1);
    }

    [Fact]
    public void AccountBalance_DecaysPerMonth_AtMonthGranularity()
    {
        // δ = 0.5^(1/120) per month. P→C 1.0 in January 2000, C→P 1.0 in February: (δ − 1) / (δ + 1) in February.
        var c = TestCases.Builder()
            .Add(TestCases.Support("give", TestCases.Month(2000, 1), "P", "C", 1.0))
            .Add(TestCases.Support("repay", TestCases.Month(2000, 2), "C", "P", 1.0))
            .Build();
        var d = Math.Pow(0.5, 1.0 / 120);

        TestCases.Value(c, "accountBalance", Period.FromMonth(2000, 2)).Should().BeApproximately((d - 1) / (d + 1), 1e-12);
    }

    [Fact]
    public void AccountBalance_UsesTheHalfLifeFromOptions()
    {
        // Half-life 1 year: δ = 0.5 → 2001: (0.5 − 0.5) / (0.5 + 0.5) = 0.
        var options = ScoringOptions.Default with { Endurance = ScoringOptions.Default.Endurance with { BalanceHalfLifeYears = 1 } };

        TestCases.Value(GiveThenRepay(), "accountBalance", 2001, options).Should().Be(0);
    }

    [Fact]
    public void EvaluateSeries_EqualsEvaluate_BitForBit()
    {
        var s = Scorer.Score(GiveThenRepay());
        var series = new double?[s.PeriodCount];

        AccountBalance.Instance.EvaluateSeries(s.At(0, 0), s.Index.Grid.IndexOf(s.From), s.Index.Grid.IndexOf(s.To), series);

        for (var p = 0; p < s.PeriodCount; p++)
        {
            series[p].Should().Be(AccountBalance.Instance.Evaluate(s.At(0, p)), $"period {s.Periods[p]}");
        }
    }
}
