using FluentAssertions;
using Influence.Scoring;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

public class ConfidenceOrderTests
{
    [Fact]
    public void Confidence_WithReportedAboveConfirmed_IsRejected_NamingBothValues()
    {
        var act = () => ScoringOptions.Default with { Confidence = new ConfidenceWeights { Confirmed = 0.6, Reported = 0.8, Alleged = 0.4 } };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Confidence")
            .WithMessage("*Confirmed ≥ Reported ≥ Alleged*Reported (0.8) is above Confirmed (0.6)*")
            .Which.Message.Should().NotContain("Alleged (");
    }

    [Fact]
    public void Confidence_WithAllegedAboveReported_IsRejected_NamingBothValues()
    {
        var act = () => ScoringOptions.Default with { Confidence = ScoringOptions.Default.Confidence with { Alleged = 0.9 } };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Confidence").WithMessage("*Alleged (0.9) is above Reported (0.7)*");
    }

    [Fact]
    public void Confidence_OutOfOrderTwice_NamesBothProblemsAtOnce()
    {
        var act = () => new ScoringOptions { Confidence = new ConfidenceWeights { Confirmed = 0.5, Reported = 0.6, Alleged = 0.9 } };

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*Reported (0.6) is above Confirmed (0.5); Alleged (0.9) is above Reported (0.6)*");
    }

    [Fact]
    public void Confidence_InOrder_IsAccepted_WhateverOrderTheWeightsAreSetIn_AndEqualWeightsToo()
    {
        // Confirmed is set below the default Reported (0.7) first; only the weights as a whole are checked.
        var lowered = ScoringOptions.Default with { Confidence = new ConfidenceWeights { Confirmed = 0.5, Reported = 0.3, Alleged = 0.1 } };
        var flat = ScoringOptions.Default with { Confidence = new ConfidenceWeights { Confirmed = 0.5, Reported = 0.5, Alleged = 0.5 } };

        lowered.Confidence.Reported.Should().Be(0.3);
        flat.Confidence.Alleged.Should().Be(0.5);
    }

    [Fact]
    public void OptionKnobs_KeepTheConfidenceWeightsInOrder_InTheirRanges_AndInMonteCarloDraws()
    {
        // Reported 0.5 and Alleged 0.45: ± 0.15 alone would let Alleged (up to 0.6) pass Reported (down to 0.35).
        var options = ScoringOptions.Default with { Confidence = new ConfidenceWeights { Reported = 0.5, Alleged = 0.45 } };
        var reported = OptionKnob.Find("Confidence.Reported")!;
        var alleged = OptionKnob.Find("Confidence.Alleged")!;

        reported.Range(options).Should().Be((0.45, 0.65));
        alleged.Range(options).Should().Be((0.3, 0.5));
        var intervals = new IntervalOptions { Kind = IntervalKind.MonteCarlo, Knobs = [reported, alleged] };
        for (var draw = 0; draw < 200; draw++)
        {
            var drawn = Intervals.Perturb(options, intervals, draw).Confidence;
            drawn.Alleged.Should().BeLessThanOrEqualTo(drawn.Reported, $"draw {draw}");
        }
    }

    [Fact]
    public void OptionKnobs_AtTheDefaults_KeepTheirRanges()
    {
        OptionKnob.Find("Confidence.Reported")!.Range(ScoringOptions.Default).Should().Be((0.55, 0.85));
        OptionKnob.Find("Confidence.Alleged")!.Range(ScoringOptions.Default).Should().Be((0.25, 0.55));
    }
}
