using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>Codings that are valid but probably not meant: each warning says what the coding does, and it does that.</summary>
public class CaseWarningsTests
{
    private static readonly EvidenceDate War = EvidenceDate.Span(EvidenceDate.OnDay(2006, 7, 12), EvidenceDate.OnDay(2006, 8, 14));

    [Fact]
    public void AShortCoercionSpan_Warns_WithTheShareOfItsSeverityItCounts_AndThatShareIsWhatItCounts()
    {
        var asSpan = TestCases.Builder().Add(TestCases.Coercion("war", War, "P", "C", 1)).Build();
        var asPoint = TestCases.Builder().Add(TestCases.Coercion("war", EvidenceDate.OnDay(2006, 7, 12), "P", "C", 1)).Build();

        var warning = CaseWarnings.Of(asSpan).Should().ContainSingle().Subject;
        CaseWarnings.Of(asPoint).Should().BeEmpty();

        warning.Item.Should().Be("war");
        warning.Message.Should().StartWith("a coercion span of 34 days (2006-07-12..2006-08-14): a span is a yearly rate, so it counts 34/365 = 0.09 of its severity;");
        var total = Explainer.Explain(Scorer.Score(asSpan), TestCases.PC, Period.FromYear(2006), "conflict").Contributions.Single().Weight;
        var full = Explainer.Explain(Scorer.Score(asPoint), TestCases.PC, Period.FromYear(2006), "conflict").Contributions.Single().Weight;
        (total / full).Should().BeApproximately(34.0 / 365, 1e-12);
    }

    [Fact]
    public void ShortSpans_OfSupportWithAnAmount_Warn_AboutTheAmount_AndStandingKinds_AndYearLongSpans_DoNot()
    {
        var b = TestCases.Builder();
        b.AddUnit(new AmountUnit("usd-m", "millions of US dollars", 50));
        b.Add(new SupportEvidence("aid", EvidenceDate.Span(EvidenceDate.InMonth(2003, 3), EvidenceDate.InMonth(2003, 5)), Confidence.Confirmed, TestCases.Src, "P", "C", ResourceType.Funding, 1 - Math.Exp(-100.0 / 50)) { Amount = 100, Unit = "usd-m" });
        b.Add(TestCases.Support("flow", TestCases.Years(2001, 2001), "P", "C", 0.5));
        b.Add(TestCases.Commitment("pact", EvidenceDate.Span(EvidenceDate.InMonth(2004, 1), EvidenceDate.InMonth(2004, 2)), CommitmentFormality.PrivateUnderstanding));
        b.Add(TestCases.Presence("visit", EvidenceDate.Span(EvidenceDate.InMonth(2004, 1), EvidenceDate.InMonth(2004, 2)), "P", "C", 0.5));

        CaseWarnings.Of(b.Build()).Select(w => w.ToString()).Should().ContainSingle()
            .Which.Should().StartWith("item 'aid': a support span of 92 days (2003-03..2003-05): a span is a yearly rate, so it counts 92/365 = 0.25 of its amount;");
    }

    [Fact]
    public void EvidenceInsideOneMovement_Warns_AndIsReadByNoMeasure()
    {
        var without = NetworkCases.Builder().Support("P", "C", 0.5).Support("C", "P", 0.3).Support("X", "C", 0.4).Support("H", "K", 0.2);
        var with = NetworkCases.Builder().Support("P", "C", 0.5).Support("C", "P", 0.3).Support("X", "C", 0.4).Support("H", "K", 0.2)
            .Support("XI", "X", 0.6).Support("C", "H", 0.7);

        var warnings = CaseWarnings.Of(with.Build());

        warnings.Select(w => w.Message).Should().Equal(
            "it passes inside one movement ('H' is part of 'C' (its parent)): evidence internal to a movement counts for no pair, and no measure reads it (https://github.com/influence-research/influence/blob/main/docs/measures.md#faction-roll-up)",
            "it passes inside one movement ('XI' is part of 'X' (its parent)): evidence internal to a movement counts for no pair, and no measure reads it (https://github.com/influence-research/influence/blob/main/docs/measures.md#faction-roll-up)");
        CaseWarnings.Of(without.Build()).Should().BeEmpty("support between sibling factions is a pair of its own");
        var request = new ScoringRequest { Dyads = [new Dyad("P", "C"), new Dyad("X", "C"), new Dyad("P", "H"), new Dyad("H", "K"), new Dyad("X", "P")] };
        Values(Scorer.Score(with.Build(), request: request)).Should().Be(Values(Scorer.Score(without.Build(), request: request)));
    }

    [Fact]
    public void ACaseWithNothingToScore_WarnsAsAWhole()
    {
        var empty = new CaseBuilder("empty", "Empty").Build();

        CaseWarnings.Of(empty).Should().OnlyContain(w => w.Item == null).And.HaveCount(2);
        CaseWarnings.Of(empty)[0].ToString().Should().StartWith("the case has no actors");
    }

    /// <summary>The score CSV without its input hash column (the inputs differ by the internal items).</summary>
    private static string Values(ScoreSet scores) =>
        string.Join('\n', ScoreWriter.ToCsv(scores).Split('\n').Select(line => line.Contains(',', StringComparison.Ordinal) ? line[..line.LastIndexOf(',')] : line));
}
