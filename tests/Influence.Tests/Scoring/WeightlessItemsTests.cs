using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Networks;
using Influence.Scoring;
using Influence.Theory;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Scoring;

/// <summary>
/// Items that weigh 0 — a magnitude of 0, or a confidence whose weight is set to 0 (as the sensitivity analysis may
/// push it): docs/measures.md says whether a measure is defined depends on which items are in its window, not on their
/// weights, except for ratios of weights, which have nothing to divide when every weight is 0.
/// </summary>
public class WeightlessItemsTests
{
    /// <summary>The two ways an item weighs 0: magnitude (or severity) 0, or an alleged item when alleged weighs 0.</summary>
    public static TheoryData<bool> Ways => [false, true];

    private static readonly ScoringOptions AllegedWeightless = ScoringOptions.Default with { Confidence = new ConfidenceWeights { Alleged = 0 } };

    private static CaseBuilder Weightless(CaseBuilder b, string from, string to, bool byConfidence) =>
        b.Support(from, to, byConfidence ? 0.5 : 0, confidence: byConfidence ? Confidence.Alleged : Confidence.Confirmed);

    private static double? Value(Case c, string measure, bool byConfidence, string patron = "P", string client = "C") =>
        Scorer.Score(c, byConfidence ? AllegedWeightless : ScoringOptions.Default, new ScoringRequest { Dyads = [new Dyad(patron, client)] })
            .Get(measure, new Dyad(patron, client), Period.FromYear(2005)).Value;

    [Theory]
    [MemberData(nameof(Ways))]
    public void ReverseLeverage_IsZero_WhenTheClientsSupportOfAThirdPartyWeighsNothing(bool byConfidence)
    {
        // C supports T in 2005 with an item that weighs 0: the leg is observed, no path closes, 0 (it was undefined).
        var c = Weightless(Builder(), "C", "T", byConfidence).Build();

        Value(c, "reverseLeverage", byConfidence).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void ReverseLeverage_ListsAPathOfStrength0_WhenOneLegWeighsNothing(bool byConfidence)
    {
        var c = Weightless(Builder(), "C", "T", byConfidence).Coerce("T", "P", 0.8).Build();
        var index = Influence.Indexing.EvidenceIndex.Build(c, new Influence.Indexing.PeriodGrid(Period.FromYear(2000), Period.FromYear(2010)), byConfidence ? AllegedWeightless : ScoringOptions.Default);

        ReverseLeverage.Paths(At(index, "P", "C", 2005)).Should().Equal(new ReverseLeveragePath(c.A("C"), c.A("T"), c.A("P"), 0, 0.8));
        ReverseLeverage.Instance.Evaluate(At(index, "P", "C", 2005)).Should().Be(0);
        ActorNetwork.Build(index, T(2005), T(2005)).Edge(c.A("C"), c.A("T"), TieKind.Support)!.Weight.Should().Be(0, "the tie exists; it weighs nothing");
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void Brokerage_CountsATieThatWeighsNothing(bool byConfidence)
    {
        // X → P → C, and X → C directly with an item that weighs 0: the direct tie closes the two-path, so P brokers
        // nothing (0; it was 1, as if X reached C only through P).
        var c = Weightless(Builder().Support("X", "P", 0.5).Support("P", "C", 0.5), "X", "C", byConfidence).Build();

        Value(c, "brokerage", byConfidence).Should().Be(0);

        // The client's only contact with a third party weighs nothing: one direct channel, brokerage 0 (was undefined).
        var only = Weightless(Builder(), "C", "X", byConfidence).Build();
        Value(only, "brokerage", byConfidence).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void SupportThatWeighsNothing_DefinesTheFeatures_ButLeavesSharesOfNothingUndefined(bool byConfidence)
    {
        // The only support in the window is P → C of weight 0. Exchange: volume 0, so 0. Endurance: the first flow is
        // 2005, so sat(1, 10) × 1. Dependence asymmetry: C received an item but nothing of weight, so its dependence is
        // 0, and P received nothing: 0 − 0. Shares of nothing (0 / 0) stay undefined: patron share, alternatives,
        // concentration.
        var c = Weightless(Builder(), "P", "C", byConfidence).Build();

        Value(c, "exchange", byConfidence).Should().Be(0);
        Value(c, "endurance", byConfidence).Should().BeApproximately(1 - Math.Exp(-0.1), 1e-12);
        Value(c, "conflict", byConfidence).Should().Be(0, "the dyad is observed");
        Value(c, "dependenceAsymmetry", byConfidence).Should().Be(0);
        Value(c, "patronShare", byConfidence).Should().BeNull();
        Value(c, "alternativePatrons", byConfidence).Should().BeNull();
        Value(c, "supplierConcentration", byConfidence).Should().BeNull();
    }

    [Fact]
    public void Informality_IsUndefined_WhenTheCommitmentsInForceWeighNothing()
    {
        // A treaty of scope 0 is in force in 2005: its form says nothing about a relation it commits to nothing, so
        // informality (1 − Σ w·formality / Σ w) has nothing to divide and diffuse obligation is variability alone, as
        // without any commitment. P's support: 1 in 2004, 0.5 in 2005: mean 0.75, sd 0.25, cv 1/3, variability ¼.
        CaseBuilder Base() => Builder().Support("P", "C", 1, year: 2004).Support("P", "C", 0.5, year: 2005);
        CaseBuilder Treaty(CaseBuilder b, double scope) =>
            b.Add(new CommitmentEvidence("treaty", EvidenceDate.InYear(2005), Confidence.Confirmed, ["s1"], "P", "C", CommitmentFormality.Treaty) { Scope = scope });

        Value(Treaty(Base(), 0).Build(), "diffuseObligation", false).Should().BeApproximately(0.25, 1e-12);
        Value(Base().Build(), "diffuseObligation", false).Should().BeApproximately(0.25, 1e-12);
        Value(Treaty(Base(), 0.5).Build(), "diffuseObligation", false).Should().BeApproximately((0.5 * 0) + (0.5 * 0.25), 1e-12, "a treaty with scope: informality 0");
    }
}
