using FluentAssertions;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

public class DiffuseObligationTests
{
    // Patron input 2000: 0.5, 2002: 0.5, 2004: 1.0 (confirmed points). At 2004 the 5-year window 2000–2004 holds
    // [0.5, 0, 0.5, 0, 1.0]: mean 0.4; squared deviations 0.01 + 0.16 + 0.01 + 0.16 + 0.36 = 0.70; sd = √(0.70/5)
    // = 0.374166; cv = 0.935414; variability = cv / (1 + cv) = 0.483315.
    private static readonly double Cv = Math.Sqrt(0.14) / 0.4;
    private static readonly double Variability = Cv / (1 + Cv);

    private static Influence.Cases.CaseBuilder Irregular() => TestCases.Builder()
        .Add(TestCases.Support("s0", TestCases.Year(2000), "P", "C", 0.5))
        .Add(TestCases.Support("s2", TestCases.Year(2002), "P", "C", 0.5))
        .Add(TestCases.Support("s4", TestCases.Year(2004), "P", "C", 1.0));

    [Fact]
    public void DiffuseObligation_IsTheVariabilityOfInput_WithoutCommitments()
    {
        TestCases.Value(Irregular().Build(), "diffuseObligation", 2004).Should().BeApproximately(Variability, 1e-12);
    }

    [Fact]
    public void DiffuseObligation_IsTheInformalityOfCommitments_WithoutInput()
    {
        // Treaty (formality 1, confirmed, scope 1 → w 1) and public pledge (0.4, reported, scope 0.5 → w 0.35):
        // informality = 1 − (1·1 + 0.35·0.4) / (1 + 0.35) = 1 − 1.14/1.35 = 0.155556.
        var c = TestCases.Builder()
            .Add(TestCases.Commitment("t", TestCases.Years(2000, 2010), CommitmentFormality.Treaty))
            .Add(TestCases.Commitment("p", TestCases.Years(2000, 2010), CommitmentFormality.PublicPledge, scope: 0.5, confidence: Confidence.Reported))
            .Build();

        TestCases.Value(c, "diffuseObligation", 2005).Should().BeApproximately(1 - (1.14 / 1.35), 1e-12);
    }

    [Fact]
    public void DiffuseObligation_BlendsInformalityAndVariability_ByAlpha()
    {
        // A private understanding in force (formality 0 → informality 1): 0.5 · 1 + 0.5 · 0.483315 = 0.741657.
        var c = Irregular().Add(TestCases.Commitment("u", TestCases.Years(2000, 2010), CommitmentFormality.PrivateUnderstanding)).Build();
        var informalOnly = ScoringOptions.Default with { DiffuseObligation = ScoringOptions.Default.DiffuseObligation with { InformalityWeight = 1 } };

        TestCases.Value(c, "diffuseObligation", 2004).Should().BeApproximately((0.5 * 1) + (0.5 * Variability), 1e-12);
        TestCases.Value(c, "diffuseObligation", 2004, informalOnly).Should().Be(1);
    }

    [Fact]
    public void DiffuseObligation_CountsCommitmentsInEitherDirection_OnlyWhileInForce()
    {
        // A treaty C→P in force 2003 only: informality 0 in 2003, undefined in 2004 (nothing in force, no input).
        var c = TestCases.Builder()
            .Add(TestCases.Commitment("t", TestCases.Year(2003), CommitmentFormality.Treaty, from: "C", to: "P"))
            .Build();

        TestCases.Value(c, "diffuseObligation", 2003).Should().Be(0);
        TestCases.Value(c, "diffuseObligation", 2004).Should().BeNull();
    }

    [Fact]
    public void DiffuseObligation_IsZero_ForSteadyInputWithoutCommitments()
    {
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2010), "P", "C", 0.5)).Build();

        TestCases.Value(c, "diffuseObligation", 2004).Should().Be(0);
    }

    [Fact]
    public void DiffuseObligation_IsUndefined_WithoutCommitmentsOrInput()
    {
        var c = TestCases.Builder().Add(TestCases.Coercion("k", TestCases.Year(2005), "P", "C", 0.5)).Build();

        TestCases.Value(c, "diffuseObligation", 2005).Should().BeNull();
    }

    [Fact]
    public void Variability_IsUndefined_InTheFirstPeriodOfInput()
    {
        // One period of input history is no variability: null in 2000, defined from 2001 ([0.5, 0] → cv 1 → 0.5).
        var c = Irregular().Build();
        var s = Scorer.Score(c);

        DiffuseObligation.Variability(s.At(0, 0)).Should().BeNull();
        DiffuseObligation.Variability(s.At(0, 1)).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void Variability_DoesNotDependOnUnrelatedEarlierEvidence()
    {
        // A capability of X in 1995 starts the period grid five years earlier. The patron's input history still starts
        // in 2000, so 2001's variability stays cv([0.5, 0]) = 1 → 0.5. (Before the fix the window was padded with the
        // grid's empty years 1997–1999: [0, 0, 0, 0.5, 0], cv 2 → 2/3, a value moved by evidence on another dyad.)
        var plain = Irregular().Build();
        var padded = Irregular().Add(TestCases.Capability("x", TestCases.Year(1995), "X", 10)).Build();

        TestCases.Value(padded, "diffuseObligation", 2001).Should().Be(TestCases.Value(plain, "diffuseObligation", 2001));
        TestCases.Value(padded, "diffuseObligation", 2001).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void Variability_InAMonthlySeries_ComparesYearlyTotals_AsTheYearlySeriesDoes()
    {
        // Point events in different months of 2001–2005 (0.2, 0.6, 0.4, 0.8, 0.5): a yearly series takes cv over those
        // five totals; December 2005 of a monthly series takes it over the five twelve-month steps ending there, the
        // same totals, instead of over sixty mostly empty months.
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Month(2001, 3), "P", "C", 0.2))
            .Add(TestCases.Support("b", TestCases.Month(2002, 7), "P", "C", 0.6))
            .Add(TestCases.Support("c", TestCases.Month(2003, 1), "P", "C", 0.4))
            .Add(TestCases.Support("d", TestCases.Month(2004, 11), "P", "C", 0.8))
            .Add(TestCases.Support("e", TestCases.Month(2005, 5), "P", "C", 0.5))
            .Build();
        double[] totals = [0.2, 0.6, 0.4, 0.8, 0.5];
        var mean = totals.Average();
        var cv = Math.Sqrt(totals.Sum(x => (x - mean) * (x - mean)) / 5) / mean;

        var yearly = TestCases.Value(c, "diffuseObligation", 2005)!.Value;

        yearly.Should().BeApproximately(cv / (1 + cv), 1e-12);
        TestCases.Value(c, "diffuseObligation", Period.FromMonth(2005, 12))!.Value.Should().BeApproximately(yearly, 1e-12);
        TestCases.Value(c, "diffuseObligation", Period.FromQuarter(2005, 4))!.Value.Should().BeApproximately(yearly, 1e-12);
    }
}
