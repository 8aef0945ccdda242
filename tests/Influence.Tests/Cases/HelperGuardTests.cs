using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Networks;
using Influence.Scoring;
using Influence.Theory;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>
/// The public helpers that take numbers or enum values refuse what is outside their domain, naming the parameter,
/// instead of returning NaN or mapping an undefined enum value onto a member.
/// </summary>
public class HelperGuardTests
{
    private static readonly PatronClientThresholds PcBars = new();
    private static readonly StateThresholds StateBars = new();

    public static TheoryData<string, Action> NonFiniteOrOutOfDomain() => new()
    {
        { "exchange", () => PatronClientTest.Evaluate(double.NaN, 1, 1, 1, PcBars) },
        { "asymmetry", () => PatronClientTest.Evaluate(1, double.PositiveInfinity, 1, 1, PcBars) },
        { "diffuseObligation", () => PatronClientTest.Evaluate(1, 1, -0.1, 1, PcBars) },
        { "endurance", () => PatronClientTest.Evaluate(1, 1, 1, 1.5, PcBars) },
        { "exchange", () => RelationshipStates.Classify(double.NaN, 0.5, 0, StateBars) },
        { "conflict", () => RelationshipStates.Classify(null, double.NaN, 0, StateBars) },
        { "accountBalance", () => RelationshipStates.Classify(0.5, 0.5, double.NaN, StateBars) },
        { "accountBalance", () => RelationshipStates.Classify(0.5, 0.5, -1.5, StateBars) },
        { "patron", () => PowerAsymmetry.Compute(0, 1) },
        { "client", () => PowerAsymmetry.Compute(1, double.NaN) },
        { "x", () => Measure.Saturate(double.NaN, 1) },
        { "x", () => Measure.Saturate(double.PositiveInfinity, 1) },
        { "k", () => Measure.Saturate(1, 0) },
        { "k", () => Measure.Saturate(1, double.NaN) },
        { "flow", () => Exchange.Compute(double.NaN, 1, 1, 1) },
        { "inWindow", () => Exchange.Compute(1, -1, 1, 1) },
        { "backWindow", () => Exchange.Compute(1, 1, double.PositiveInfinity, 1) },
        { "volumeScale", () => Exchange.Compute(1, 1, 1, 0) },
        { "value", () => new Indicator("i", "o", "I", IndicatorDirection.HigherIsBetter, 1, 0).ToAttainment(double.NaN) },
        { "value", () => OptionKnob.All[0].Distance(ScoringOptions.Default, double.NaN) },
        { "value", () => OptionKnob.Find("Conflict.Scale")!.Distance(ScoringOptions.Default, 0) },
        { "value", () => OptionKnob.Find("Conflict.Scale")!.Distance(ScoringOptions.Default, double.PositiveInfinity) },
        { "value", () => Score.Of(double.NaN) },
        { "Low", () => _ = new Score(0.5, 0.9, 0.1) },
        { "High", () => _ = new Score(0.5, 0.1, 0.4) },
        { "Value", () => _ = new Score(double.NaN, 0, 1) },
        { "Value", () => _ = new Score(null, 0.1, 0.2) },
        { "High", () => _ = new Score(0.5, 0.5, null) },
        { "Low", () => _ = new Score(0.5, double.NegativeInfinity, 0.5) },
        { "Margin", () => _ = new PatronClientVerdict(true, double.NaN, "rule") },
        { "Holds", () => _ = new PatronClientShares(double.NaN, 0, 0) },
        { "Unobserved", () => _ = new StateShares(0, 0, 0, 0, 0, 1.5) },
        { "Fails", () => _ = new PatronClientShares(0, 0, 1) with { Fails = -0.1 } },
    };

    [Theory]
    [MemberData(nameof(NonFiniteOrOutOfDomain))]
    public void NumericHelpers_RefuseNaNInfinitiesAndValuesOutsideTheirDomain_NamingTheParameter(string parameter, Action call)
    {
        call.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void NumericHelpers_StillComputeOnTheirDomain()
    {
        Measure.Saturate(-1, 1).Should().Be(0);
        Measure.Saturate(1, 1).Should().BeApproximately(1 - Math.Exp(-1), 1e-15);
        Exchange.Compute(0, 0, 0, 1).Should().Be(0);
        PowerAsymmetry.Compute(double.MaxValue, double.MaxValue / 4).Should().BeApproximately(0.6, 1e-12);
        OptionKnob.Find("Conflict.Scale")!.Distance(ScoringOptions.Default, ScoringOptions.Default.Conflict.Scale).Should().Be(0);
        PatronClientTest.Evaluate(0, 1, 1, 1, PcBars).Margin.Should().BeNegative();
        RelationshipStates.Classify(1, 0, -1, StateBars).State.Should().Be(RelationshipState.Inverted);
    }

    [Fact]
    public void Scores_AreUndefinedOrThreeOrderedFiniteNumbers()
    {
        Score.Of(null).Should().Be(default(Score));
        Score.Of(0.25).Should().Be(new Score(0.25, 0.25, 0.25));
        new Score(null, null, null).IsDefined.Should().BeFalse();
        new Score(0.5, 0.1, 0.9).IsDefined.Should().BeTrue();
        var (value, low, high) = new Score(0.5, 0.1, 0.9);
        (value, low, high).Should().Be((0.5, 0.1, 0.9));
    }

    [Fact]
    public void Indicator_ToAttainment_OfValuesNearTheLargestDouble_IsANumber()
    {
        var wide = new Indicator("i", "o", "I", IndicatorDirection.HigherIsBetter, double.MaxValue, -double.MaxValue);

        wide.ToAttainment(double.MaxValue).Should().Be(1);
        wide.ToAttainment(0).Should().BeApproximately(0.5, 1e-12);
        wide.ToAttainment(-double.MaxValue).Should().Be(0);
    }

    public static TheoryData<string, Action> UndefinedEnumValues() => new()
    {
        { "state", () => RelationshipStates.StateName((RelationshipState)9) },
        { "state", () => new StateShares(0, 0, 0, 0, 0, 1).Of((RelationshipState)9) },
        { "State", () => _ = new StateVerdict((RelationshipState)9, "rule") },
        { "confidence", () => ScoringOptions.Default.Confidence.Of((Confidence)9) },
        { "formality", () => ScoringOptions.Default.DiffuseObligation.Of((CommitmentFormality)9) },
        { "response", () => ScoringOptions.Default.Compliance.Credit((DemandResponse)9) },
        { "granularity", () => Period.Containing((Granularity)9, new DateOnly(1996, 10, 22)) },
        { "granularity", () => Period.FromOrdinal((Granularity)9, 1996) },
        { "granularity", () => Period.FromYear(1996).ToGranularity((Granularity)9) },
        { "precision", () => EvidenceDate.Point(new DateOnly(1996, 10, 22), (DatePrecision)7) },
        { "role", () => _ = default(BrokerageRoles)[(BrokerageRole)9] },
        { "role", () => default(BrokerageRoles).With((BrokerageRole)9) },
    };

    [Theory]
    [MemberData(nameof(UndefinedEnumValues))]
    public void EnumHelpers_RefuseValuesOutsideTheirEnum_NamingTheParameter(string parameter, Action call)
    {
        call.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void EnumHelpers_StillMapEveryMember()
    {
        Enum.GetValues<RelationshipState>().Select(RelationshipStates.StateName).Should().Equal("consolidated", "contested", "estranged", "dormant", "inverted");
        new StateShares(0.1, 0.2, 0.3, 0.15, 0.05, 0.2).Of(null).Should().Be(0.2);
        Enum.GetValues<Confidence>().Select(ScoringOptions.Default.Confidence.Of).Should().Equal(1.0, 0.7, 0.4);
        Enum.GetValues<DemandResponse>().Select(ScoringOptions.Default.Compliance.Credit).Should().Equal(1, 0.5, 0, 0);
        Enum.GetValues<CommitmentFormality>().Select(ScoringOptions.Default.DiffuseObligation.Of).Should().Equal(1.0, 0.7, 0.4, 0.0);
        Enum.GetValues<BrokerageRole>().Select(r => default(BrokerageRoles).With(r)[r]).Should().AllBeEquivalentTo(1);
    }

    [Fact]
    public void Distance_OfFarApartScales_IsFinite()
    {
        // 10^300 / 10^-300 overflows; the logarithms' difference does not: ln(10^600) / ln 2 ≈ 1993.
        var knob = OptionKnob.Find("Conflict.Scale")!;
        var options = ScoringOptions.Default with { Conflict = ScoringOptions.Default.Conflict with { Scale = 1e-300 } };

        var distance = knob.Distance(options, 1e300, new PerturbationRanges { ScaleFactor = 2 });

        distance.Should().BeApproximately(600 * Math.Log(10) / Math.Log(2), 1e-9);
    }

    [Theory]
    [InlineData("", 10, 0.9, "Method")]
    [InlineData("bootstrap", 0, 0.9, "Draws")]
    [InlineData("bootstrap", 10, double.NaN, "Level")]
    [InlineData("bootstrap", 10, 1.0, "Level")]
    public void IntervalSource_RefusesWhatNoComputationGives(string method, int draws, double level, string parameter)
    {
        var create = () => new IntervalSource(method, draws, 1, level);

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }
}
