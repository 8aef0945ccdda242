using FluentAssertions;
using Influence.Evidence;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

public class PowerAsymmetryTests
{
    [Fact]
    public void Asymmetry_IsTheNormalisedCapabilityGap_ByHand()
    {
        // cap P 100, cap C 25 (2000): (100 − 25) / (100 + 25) = 0.6.
        var c = TestCases.Builder()
            .Add(TestCases.Capability("p", TestCases.Year(2000), "P", 100))
            .Add(TestCases.Capability("c", TestCases.Year(2000), "C", 25))
            .Build();

        TestCases.Value(c, "asymmetry", 2000).Should().BeApproximately(0.6, 1e-12);
    }

    [Fact]
    public void Asymmetry_IsZero_WhenTheClientIsStronger()
    {
        // (25 − 100) / 125 = −0.6, clipped at 0.
        var c = TestCases.Builder()
            .Add(TestCases.Capability("p", TestCases.Year(2000), "P", 25))
            .Add(TestCases.Capability("c", TestCases.Year(2000), "C", 100))
            .Build();

        TestCases.Value(c, "asymmetry", 2000).Should().Be(0);
    }

    [Fact]
    public void Asymmetry_CarriesTheLatestObservationForward()
    {
        // C is 25 in 2000 and 75 in 2003; P is 100 throughout.
        // 2002: (100 − 25) / 125 = 0.6; 2003: (100 − 75) / 175 = 1/7; 2010: still 1/7.
        var c = TestCases.Builder()
            .Add(TestCases.Capability("p", TestCases.Year(2000), "P", 100))
            .Add(TestCases.Capability("c1", TestCases.Year(2000), "C", 25))
            .Add(TestCases.Capability("c2", TestCases.Year(2003), "C", 75))
            .Build();

        TestCases.Value(c, "asymmetry", 2002).Should().BeApproximately(0.6, 1e-12);
        TestCases.Value(c, "asymmetry", 2003).Should().BeApproximately(1.0 / 7, 1e-12);
        TestCases.Value(c, "asymmetry", 2010).Should().BeApproximately(1.0 / 7, 1e-12);
    }

    [Fact]
    public void Asymmetry_WeighsObservationsOfTheSameDayByConfidence()
    {
        // P: 100 confirmed and 50 alleged, both 2000: (1·100 + 0.4·50) / 1.4 = 85.714286; C: 25.
        // (85.714286 − 25) / (85.714286 + 25) = 60.714286 / 110.714286 = 0.548387.
        var c = TestCases.Builder()
            .Add(TestCases.Capability("p1", TestCases.Year(2000), "P", 100))
            .Add(TestCases.Capability("p2", TestCases.Year(2000), "P", 50, Confidence.Alleged))
            .Add(TestCases.Capability("c", TestCases.Year(2000), "C", 25))
            .Build();
        var p = 120 / 1.4;

        TestCases.Value(c, "asymmetry", 2000).Should().BeApproximately((p - 25) / (p + 25), 1e-12);
    }

    [Theory]
    [InlineData(Confidence.Alleged)]
    [InlineData(Confidence.Reported)]
    [InlineData(Confidence.Confirmed)]
    public void Asymmetry_OfTheSmallestCapabilities_IsComputed_NotNaN(Confidence confidence)
    {
        // The smallest positive double (5e-324) weighted 0.4 rounds to 0, so the confidence-weighted means were 0 and the
        // asymmetry 0/0 (found by CaseGrammarFuzzing). At 2^64 the means are exact: P 2·ε, C ε gives (2ε − ε) / 3ε = 1/3;
        // C alone at ε against P at ε gives 0.
        var unequal = TestCases.Builder()
            .Add(TestCases.Capability("p", TestCases.Year(2000), "P", 2 * double.Epsilon, confidence))
            .Add(TestCases.Capability("c", TestCases.Year(2000), "C", double.Epsilon, confidence))
            .Build();
        var equal = TestCases.Builder()
            .Add(TestCases.Capability("p", TestCases.Year(2000), "P", double.Epsilon, confidence))
            .Add(TestCases.Capability("c", TestCases.Year(2000), "C", double.Epsilon, confidence))
            .Build();

        TestCases.Value(unequal, "asymmetry", 2000).Should().BeApproximately(1.0 / 3, 1e-12);
        TestCases.Value(equal, "asymmetry", 2000).Should().Be(0);
    }

    [Fact]
    public void Asymmetry_IsUndefined_UntilBothActorsAreObserved()
    {
        var c = TestCases.Builder()
            .Add(TestCases.Capability("p", TestCases.Year(2000), "P", 100))
            .Add(TestCases.Capability("c", TestCases.Year(2003), "C", 25))
            .Build();

        TestCases.Value(c, "asymmetry", 2002).Should().BeNull("C has not been observed by the end of 2002");
        TestCases.Value(c, "asymmetry", 2003).Should().BeApproximately(0.6, 1e-12);
    }

    [Fact]
    public void Asymmetry_UsesObservationsUpToTheEndOfThePeriod_AtQuarterGranularity()
    {
        // Both observed in May 2000 (month precision): undefined in 2000Q1, defined from 2000Q2 (which contains May).
        var c = TestCases.Builder()
            .Add(TestCases.Capability("p", TestCases.Month(2000, 5), "P", 100))
            .Add(TestCases.Capability("c", TestCases.Month(2000, 5), "C", 25))
            .Build();

        TestCases.Value(c, "asymmetry", Period.FromQuarter(2000, 1)).Should().BeNull();
        TestCases.Value(c, "asymmetry", Period.FromQuarter(2000, 2)).Should().BeApproximately(0.6, 1e-12);
    }

    [Fact]
    public void Compute_IsInTheUnitInterval()
    {
        PowerAsymmetry.Compute(3, 1).Should().BeApproximately(0.5, 1e-12);
        PowerAsymmetry.Compute(1, 1).Should().Be(0);
        PowerAsymmetry.Compute(1, 3).Should().Be(0);
    }
}
