using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Scoring;

public class VerdictsTests
{
    private static readonly PatronClientThresholds Bars = new(); // exchange 0.1, asymmetry 0.2, diffuse 0.5, endurance 0.3
    private static readonly StateThresholds States = new(); // high exchange 0.25, high conflict 0.5, inverted balance 0.2

    [Fact]
    public void PatronClient_Passes_WhenEveryFeatureClearsItsBar_WithTheWeakestMargin()
    {
        // Margins: 0.4 − 0.1 = 0.3, 0.6 − 0.2 = 0.4, 0.7 − 0.5 = 0.2, 0.35 − 0.3 = 0.05 → margin 0.05 (endurance).
        var v = PatronClientTest.Evaluate(0.4, 0.6, 0.7, 0.35, Bars);

        v.IsPatronClient.Should().BeTrue();
        v.Margin.Should().BeApproximately(0.05, 1e-12);
        v.Rule.Should().Contain("weakest endurance 0.35 ≥ 0.3");
    }

    [Fact]
    public void PatronClient_Passes_AtExactlyTheThreshold()
    {
        var v = PatronClientTest.Evaluate(0.1, 0.2, 0.5, 0.3, Bars);

        v.IsPatronClient.Should().BeTrue();
        v.Margin.Should().Be(0);
    }

    [Fact]
    public void PatronClient_Fails_NamingEveryFeatureBelowItsBar()
    {
        // Exchange 0.05 (−0.05) and diffuse 0.2 (−0.3): the margin is the worst, −0.3.
        var v = PatronClientTest.Evaluate(0.05, 0.6, 0.2, 0.9, Bars);

        v.IsPatronClient.Should().BeFalse();
        v.Margin.Should().BeApproximately(-0.3, 1e-12);
        v.Rule.Should().Be("not patron–client: exchange 0.05 < 0.1, diffuseObligation 0.2 < 0.5");
    }

    [Theory]
    [InlineData(0.09996, "exchange 0.09996 < 0.1")]
    [InlineData(0.0999999999, "exchange 0.0999999999 < 0.1")]
    [InlineData(0.09, "exchange 0.09 < 0.1")]
    public void PatronClient_RuleText_NeverPrintsAValueJustUnderItsBarAsTheBar(double exchange, string expected)
    {
        // Found by a review: to 3 decimals 0.09996 printed "exchange 0.1 < 0.1". Within 0.001 of its bar a value gets
        // the decimals that show the gap to two significant digits; a value clear of its bar keeps 3.
        var v = PatronClientTest.Evaluate(exchange, 0.6, 0.7, 0.9, Bars);

        v.IsPatronClient.Should().BeFalse();
        v.Rule.Should().Be($"not patron–client: {expected}");
    }

    [Fact]
    public void PatronClient_RuleText_DoesNotOverstateANarrowMargin()
    {
        // 0.5007 ≥ 0.5 printed "0.501 ≥ 0.5", which a bar of 0.5008 would fail; 0.50076 is not "0.5008" either.
        PatronClientTest.Evaluate(0.4, 0.6, 0.50076, 0.9, Bars).Rule.Should().EndWith("weakest diffuseObligation 0.50076 ≥ 0.5");
        PatronClientTest.Evaluate(0.4, 0.6, 0.5012, 0.9, Bars).Rule.Should().EndWith("weakest diffuseObligation 0.501 ≥ 0.5", "0.0012 from the bar is clear of it");
        PatronClientTest.Evaluate(0.4, 0.6, 0.5007, 0.9, Bars).Rule.Should().EndWith("weakest diffuseObligation 0.5007 ≥ 0.5");
        PatronClientTest.Evaluate(0.4, 0.6, 0.5 + 1e-17, 0.9, Bars).Rule.Should().EndWith("weakest diffuseObligation 0.5 ≥ 0.5", "0.5 + 1e-17 is 0.5");
        PatronClientTest.Evaluate(0.4, 0.6, 0.5 + 1.2e-16, 0.9, Bars).Rule.Should().EndWith("weakest diffuseObligation 0.5000000000000001 ≥ 0.5");
    }

    [Fact]
    public void States_RuleText_KeepsTheComparisonTrue_NearEachBar()
    {
        // The reference case reads exchange 0.2507587885373996 in 2001, printed "0.251 ≥ 0.25" before the fix, and a
        // high-exchange bar of 0.2508 makes the year estranged.
        RelationshipStates.Classify(0.2507587885373996, 0.652, null, States).Rule.Should().Be("contested: exchange 0.25076 ≥ 0.25 and conflict 0.652 ≥ 0.5");
        RelationshipStates.Classify(0.24996, 0.49999, null, States).Rule.Should().Be("dormant: exchange 0.24996 < 0.25 and conflict 0.49999 < 0.5");
        RelationshipStates.Classify(0.3, 0.2, -0.20004, States).Rule.Should().Be("inverted: account balance −0.20004 ≤ −0.2 (the patron is in the client's debt)");
        RelationshipStates.Classify(0.3, 0.2, -0.2, States).Rule.Should().Be("inverted: account balance −0.2 ≤ −0.2 (the patron is in the client's debt)");
    }

    [Fact]
    public void RuleText_ComparesAsTheNumbersDo_ForAnyValueNearItsBar()
    {
        // Property: the printed value and bar, parsed back, stand in the order of the true ones (equal only when they are).
        var rng = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bar = Math.Round(rng.NextDouble(), 2);
            var value = Math.Clamp(bar + ((rng.NextDouble() - 0.5) * Math.Pow(10, -rng.Next(1, 17))), 0, 1);
            var rule = RelationshipStates.Classify(value, 0.1, null, States with { HighExchange = bar }).Rule;
            var text = rule[(rule.IndexOf("exchange ", StringComparison.Ordinal) + 9)..rule.IndexOf(" and", StringComparison.Ordinal)].Split(' ');
            var shown = double.Parse(text[0], System.Globalization.CultureInfo.InvariantCulture);
            var shownBar = double.Parse(text[2], System.Globalization.CultureInfo.InvariantCulture);

            Math.Sign(shown - shownBar).Should().Be(Math.Sign(value - bar), rule);
            text[1].Should().Be(value >= bar ? "≥" : "<", rule);
        }
    }

    [Fact]
    public void PatronClient_IsUndetermined_WhenAFeatureIsUndefined()
    {
        var v = PatronClientTest.Evaluate(0.4, null, 0.7, null, Bars);

        v.IsPatronClient.Should().BeNull();
        v.Margin.Should().BeNull();
        v.Rule.Should().Be("undetermined: asymmetry, endurance undefined");
    }

    [Fact]
    public void PatronClient_UsesTheThresholdsGiven()
    {
        var strict = Bars with { Endurance = 0.5 };

        PatronClientTest.Evaluate(0.4, 0.6, 0.7, 0.35, strict).IsPatronClient.Should().BeFalse();
    }

    [Fact]
    public void PatronClient_ThrowsOnNullThresholds()
    {
        var act = () => PatronClientTest.Evaluate(1, 1, 1, 1, null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("thresholds");
    }

    [Theory]
    [InlineData(0.3, 0.2, RelationshipState.Consolidated, "consolidated: exchange 0.3 ≥ 0.25 and conflict 0.2 < 0.5")]
    [InlineData(0.3, 0.6, RelationshipState.Contested, "contested: exchange 0.3 ≥ 0.25 and conflict 0.6 ≥ 0.5")]
    [InlineData(0.1, 0.6, RelationshipState.Estranged, "estranged: exchange 0.1 < 0.25 and conflict 0.6 ≥ 0.5")]
    [InlineData(0.1, 0.2, RelationshipState.Dormant, "dormant: exchange 0.1 < 0.25 and conflict 0.2 < 0.5")]
    [InlineData(0.25, 0.5, RelationshipState.Contested, "contested: exchange 0.25 ≥ 0.25 and conflict 0.5 ≥ 0.5")]
    public void State_CrossesExchangeAndConflict(double exchange, double conflict, RelationshipState state, string rule)
    {
        var v = RelationshipStates.Classify(exchange, conflict, 0.1, States);

        v.State.Should().Be(state);
        v.Rule.Should().Be(rule);
    }

    [Fact]
    public void State_IsInverted_WhenThePatronIsInTheClientsDebt_BeforeAnyOtherRule()
    {
        // Balance −0.2 ≤ −0.2: inverted, even though exchange and conflict are both high.
        var v = RelationshipStates.Classify(0.9, 0.9, -0.2, States);

        v.State.Should().Be(RelationshipState.Inverted);
        v.Rule.Should().StartWith("inverted: account balance −0.2 ≤ −0.2", "text carries one minus sign, U+2212");
    }

    [Fact]
    public void State_CountsUndefinedExchangeAsLow()
    {
        var v = RelationshipStates.Classify(null, 0.7, null, States);

        v.State.Should().Be(RelationshipState.Estranged);
        v.Rule.Should().Contain("exchange undefined (no flows in window, counted as low)");
    }

    [Fact]
    public void State_IsUndefined_WhenConflictIs()
    {
        var v = RelationshipStates.Classify(0.9, null, -1, States);

        v.State.Should().BeNull();
        v.Rule.Should().StartWith("unobserved");
    }

    [Theory]
    [InlineData(RelationshipState.Consolidated, "consolidated")]
    [InlineData(RelationshipState.Contested, "contested")]
    [InlineData(RelationshipState.Estranged, "estranged")]
    [InlineData(RelationshipState.Dormant, "dormant")]
    [InlineData(RelationshipState.Inverted, "inverted")]
    public void StateName_IsTheLowerCaseOutputName(RelationshipState state, string name) =>
        RelationshipStates.StateName(state).Should().Be(name);

    [Fact]
    public void ScoreSet_AppliesTheTestAndTheStateToTheScoredFeatures()
    {
        // Balanced exchange 0.5 + 0.5 in 2005: exchange 1 − e^−1 = 0.632 ≥ 0.25, conflict 0 (observed) → consolidated.
        // Asymmetry and endurance are defined, diffuse obligation is not (no commitment, one period of input):
        // the test is undetermined.
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.5))
            .Add(TestCases.Support("b", TestCases.Year(2005), "C", "P", 0.5))
            .Add(TestCases.Capability("p", TestCases.Year(2005), "P", 100))
            .Add(TestCases.Capability("c", TestCases.Year(2005), "C", 10))
            .Build();

        var s = Scorer.Score(c).For(TestCases.PC, Period.FromYear(2005));

        s.State.State.Should().Be(RelationshipState.Consolidated);
        s.PatronClient.IsPatronClient.Should().BeNull();
        s.PatronClient.Rule.Should().Be("undetermined: diffuseObligation undefined");
    }
}
