using FluentAssertions;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

public class FormalityOrderTests
{
    [Fact]
    public void DiffuseObligation_WithPledgeAboveAgreement_IsRejected_NamingBothValues()
    {
        var act = () => ScoringOptions.Default with { DiffuseObligation = ScoringOptions.Default.DiffuseObligation with { PublicPledgeFormality = 0.8 } };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("DiffuseObligation")
            .WithMessage("*formalities must not rise*(TreatyFormality ≥ PublicAgreementFormality ≥ PublicPledgeFormality ≥ PrivateUnderstandingFormality)*PublicPledgeFormality (0.8) is above PublicAgreementFormality (0.7)*")
            .Which.Message.Should().NotContain("TreatyFormality (").And.NotContain("PrivateUnderstandingFormality (");
    }

    [Fact]
    public void DiffuseObligation_OutOfOrderThreeTimes_NamesEveryPairAtOnce()
    {
        var act = () => new ScoringOptions
        {
            DiffuseObligation = new DiffuseObligationOptions
            {
                TreatyFormality = 0.5,
                PublicAgreementFormality = 0.6,
                PublicPledgeFormality = 0.6,
                PrivateUnderstandingFormality = 0.9,
            },
        };

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*PublicAgreementFormality (0.6) is above TreatyFormality (0.5); PrivateUnderstandingFormality (0.9) is above PublicPledgeFormality (0.6)*");
    }

    [Fact]
    public void DiffuseObligation_WithPrivateUnderstandingAbovePledge_IsRejected()
    {
        var act = () => ScoringOptions.Default with { DiffuseObligation = ScoringOptions.Default.DiffuseObligation with { PrivateUnderstandingFormality = 0.5 } };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*PrivateUnderstandingFormality (0.5) is above PublicPledgeFormality (0.4)*");
    }

    [Fact]
    public void DiffuseObligation_InOrder_IsAccepted_AndEqualFormalitiesToo()
    {
        var lowered = ScoringOptions.Default with
        {
            DiffuseObligation = new DiffuseObligationOptions { TreatyFormality = 0.5, PublicAgreementFormality = 0.3, PublicPledgeFormality = 0.2 },
        };
        var flat = ScoringOptions.Default with
        {
            DiffuseObligation = new DiffuseObligationOptions
            {
                TreatyFormality = 0.5,
                PublicAgreementFormality = 0.5,
                PublicPledgeFormality = 0.5,
                PrivateUnderstandingFormality = 0.5,
            },
        };

        lowered.DiffuseObligation.PublicAgreementFormality.Should().Be(0.3);
        flat.DiffuseObligation.PrivateUnderstandingFormality.Should().Be(0.5);
    }

    [Fact]
    public void StandaloneRecords_MayBeOutOfOrder_AndAreRefusedOnlyOnceSetOnScoringOptions()
    {
        // Init setters run one at a time, so a record is not checked for order on its own; ScoringOptions checks it.
        var weights = new ConfidenceWeights { Confirmed = 0.3 };
        var formality = new DiffuseObligationOptions { TreatyFormality = 0.2 };

        weights.Reported.Should().BeGreaterThan(weights.Confirmed);
        formality.PublicAgreementFormality.Should().BeGreaterThan(formality.TreatyFormality);
        FluentActions.Invoking(() => ScoringOptions.Default with { Confidence = weights }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ScoringOptions.Default with { DiffuseObligation = formality }).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void OptionKnobs_KeepTheFormalitiesInOrder_InTheirRanges_AndInMonteCarloDraws()
    {
        // Agreement 0.5 and Pledge 0.45: ± 0.15 alone would let Pledge (up to 0.6) pass Agreement (down to 0.35).
        var options = ScoringOptions.Default with
        {
            DiffuseObligation = ScoringOptions.Default.DiffuseObligation with { PublicAgreementFormality = 0.5, PublicPledgeFormality = 0.45, PrivateUnderstandingFormality = 0.35 },
        };
        var agreement = OptionKnob.Find("DiffuseObligation.PublicAgreementFormality")!;
        var pledge = OptionKnob.Find("DiffuseObligation.PublicPledgeFormality")!;

        agreement.Range(options).Should().Be((0.45, 0.65));
        pledge.Range(options).Should().Be((0.35, 0.5));
        var intervals = new IntervalOptions { Kind = IntervalKind.MonteCarlo, Knobs = [agreement, pledge] };
        for (var draw = 0; draw < 200; draw++)
        {
            var drawn = Intervals.Perturb(options, intervals, draw).DiffuseObligation;
            drawn.PublicPledgeFormality.Should().BeLessThanOrEqualTo(drawn.PublicAgreementFormality, $"draw {draw}");
            drawn.PublicPledgeFormality.Should().BeGreaterThanOrEqualTo(drawn.PrivateUnderstandingFormality, $"draw {draw}");
        }
    }

    [Fact]
    public void OptionKnobs_AtTheDefaults_KeepTheirFormalityRanges()
    {
        OptionKnob.Find("DiffuseObligation.PublicAgreementFormality")!.Range(ScoringOptions.Default).Should().Be((0.55, 0.85));
        OptionKnob.Find("DiffuseObligation.PublicPledgeFormality")!.Range(ScoringOptions.Default).Should().Be((0.25, 0.55));
    }

    [Fact]
    public void WhatFlips_MovesAFormalityNoFurtherThanItsNeighbours()
    {
        // A public pledge is the only commitment: moving its formality is an option the search tries, up to ± 0.45,
        // which alone would take it past the public agreement's 0.7 (and below the private understanding's 0).
        var b = TestCases.Builder();
        for (var y = 2000; y <= 2005; y++)
        {
            b.Add(TestCases.Support($"in{y}", TestCases.Year(y), "P", "C", 0.9));
            b.Add(TestCases.Support($"back{y}", TestCases.Year(y), "C", "P", 0.7));
        }

        b.Add(TestCases.Capability("cap-p", TestCases.Year(2000), "P", 10));
        b.Add(TestCases.Capability("cap-c", TestCases.Year(2000), "C", 1));
        b.Add(TestCases.Commitment("pledge", TestCases.Years(2000, 2005), CommitmentFormality.PublicPledge));

        var flip = Sensitivity.WhatFlips(b.Build(), TestCases.PC, Period.FromYear(2005), Verdict.PatronClient);

        flip.Current.Should().NotBe("undetermined");
        foreach (var change in flip.OptionChanges.Where(c => c.Option.EndsWith("Formality", StringComparison.Ordinal)))
        {
            change.To.Should().BeInRange(0, 1, change.Option);
            var changed = OptionKnob.Find(change.Option)!.With(ScoringOptions.Default, change.To);
            changed.DiffuseObligation.Should().NotBeNull();
        }
    }
}
