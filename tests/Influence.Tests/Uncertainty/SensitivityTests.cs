using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Uncertainty;

public class SensitivityTests
{
    private static readonly Dyad PC = new("P", "C");
    private static readonly Period Y2005 = Period.FromYear(2005);

    /// <summary>
    /// Support both ways every year (exchange high); in 2005 one severe clash and a minor one make the relation
    /// contested (conflict 1 − exp(−(0.7 + 0.1)) = 0.55 ≥ 0.5); without the severe clash it is consolidated.
    /// </summary>
    private static Case Contested()
    {
        var b = TestCases.Builder();
        b.AddSource(new Source("s2", "A second source, p. 12"));
        for (var y = 2000; y <= 2005; y++)
        {
            b.Add(TestCases.Support($"in{y}", TestCases.Year(y), "P", "C", 0.9));
            b.Add(TestCases.Support($"back{y}", TestCases.Year(y), "C", "P", 0.7));
        }

        b.Add(new CoercionEvidence("clash-severe", TestCases.Year(2005), Confidence.Confirmed, ["s2"], "P", "C", CoercionType.Clash, 0.7) { Note = "The big clash." });
        b.Add(TestCases.Coercion("clash-minor", TestCases.Year(2005), "P", "C", 0.1));
        return b.Build();
    }

    [Fact]
    public void Tornado_PutsTheSaturationScaleOfConflictFirst()
    {
        var t = Sensitivity.Tornado(Contested(), PC, Y2005, "conflict");

        t.Value.Should().BeApproximately(1 - Math.Exp(-0.8), 1e-12);
        t.Rows[0].Option.Should().Be("Conflict.Scale");
        t.Rows[0].ValueAtLow.Should().BeApproximately(1 - Math.Exp(-1.6), 1e-12);
        t.Rows[0].ValueAtHigh.Should().BeApproximately(1 - Math.Exp(-0.4), 1e-12);
        t.Rows.Select(r => r.Swing ?? -1).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Tornado_LeavesOutTheVerdictThresholds()
    {
        var t = Sensitivity.Tornado(Contested(), PC, Y2005, "exchange");

        t.Rows.Select(r => r.Option).Should().NotContain(o => o.StartsWith("States.", StringComparison.Ordinal) || o.StartsWith("PatronClient.", StringComparison.Ordinal));
        t.Rows.Should().Contain(r => r.Option == "Compliance.RedLineSalience");
    }

    [Fact]
    public void Tornadoes_GiveOneTablePerMeasure_InOrder()
    {
        var ts = Sensitivity.Tornadoes(Contested(), PC, Y2005, ["exchange", "conflict"]);

        ts.Select(t => t.Measure).Should().Equal("exchange", "conflict");
    }

    [Fact]
    public void Tornado_RejectsAnUnknownMeasure()
    {
        var act = () => Sensitivity.Tornado(Contested(), PC, Y2005, "nope");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("measure");
    }

    [Fact]
    public void WhatFlips_TheState_FindsTheOneItemWhoseRemovalFlipsIt_WithItsSources()
    {
        var f = Sensitivity.WhatFlips(Contested(), PC, Y2005, Verdict.State);

        f.Current.Should().Be("contested");
        f.EvidenceToRemove.Should().ContainSingle();
        var item = f.EvidenceToRemove[0];
        item.Id.Should().Be("clash-severe");
        item.Sources.Should().ContainSingle().Which.Citation.Should().Be("A second source, p. 12");
        item.Note.Should().Be("The big clash.");
        (item.From, item.To).Should().Be(("P", "C"));
        f.IsSmallestSet.Should().BeTrue();
        f.VerdictWithoutEvidence.Should().Be("consolidated");
    }

    [Fact]
    public void WhatFlips_TheState_FindsTheConflictThreshold_AtTheConflictValue()
    {
        var f = Sensitivity.WhatFlips(Contested(), PC, Y2005, Verdict.State);

        var threshold = f.OptionChanges.Single(o => o.Option == "States.HighConflict");
        threshold.To.Should().BeApproximately(1 - Math.Exp(-0.8), 1e-3);
        threshold.NewVerdict.Should().Be("consolidated");
        f.OptionChanges.Select(o => o.Distance).Should().BeInAscendingOrder();
        f.SmallestOptionChange.Should().Be(f.OptionChanges[0]);
    }

    [Fact]
    public void WhatFlips_GivesAnItemsParties_AsCoded_AFactionNotItsMovement()
    {
        // The clash that flips the state is coded on a faction of a faction of C: it counts for C, and says who it was.
        var b = TestCases.Builder();
        b.AddActor(new Actor("CF", "Client faction", ActorKind.Faction) { Parent = "C" });
        b.AddActor(new Actor("CFF", "Its splinter", ActorKind.Faction) { Parent = "CF" });
        for (var y = 2000; y <= 2005; y++)
        {
            b.Add(TestCases.Support($"in{y}", TestCases.Year(y), "P", "C", 0.9));
            b.Add(TestCases.Support($"back{y}", TestCases.Year(y), "C", "P", 0.7));
        }

        b.Add(TestCases.Coercion("splinter-clash", TestCases.Year(2005), "CFF", "P", 0.7));
        b.Add(TestCases.Capability("cap", TestCases.Year(2005), "P", 10));
        var @case = b.Build();

        var f = Sensitivity.WhatFlips(@case, PC, Y2005, Verdict.State);

        var item = f.EvidenceToRemove.Should().ContainSingle().Which;
        (item.Id, item.From, item.To).Should().Be(("splinter-clash", "CFF", "P"));
        Influence.Cli.Commands.SensitivityCommand.CountsFor(@case, "CFF", PC).Should().Be("CFF counts for C (CFF is part of CF, part of C)");
        Influence.Cli.Commands.SensitivityCommand.CountsFor(@case, "CF", PC).Should().Be("CF counts for C (CF is part of C)");
        Influence.Cli.Commands.SensitivityCommand.CountsFor(@case, "P", PC).Should().BeNull("P is the dyad's own party");
        Influence.Cli.Commands.SensitivityCommand.CountsFor(@case, "X", PC).Should().BeNull("X is a third party");
    }

    [Fact]
    public void TheReferenceCasesStateFlip_NamesTheHaqqaniItem_AsCoded()
    {
        var @case = CaseReader.LoadBuiltIn(CaseReader.ReferenceCaseId);

        var f = Sensitivity.WhatFlips(@case, new Dyad("pakistan", "taliban"), Period.FromYear(2024), Verdict.State);

        var item = f.EvidenceToRemove.Should().Contain(e => e.Id == "sup-haq-pak-2021-2023-ttp-mediation").Which;
        (item.From, item.To).Should().Be(("haqqani", "pakistan"));
    }

    [Fact]
    public void WhatFlips_NeedsSeveralItems_WhenNoSingleOneSuffices()
    {
        // Four equal clashes: conflict 1 − exp(−4 · 0.3) = 0.70; it needs two removed to fall below 0.5 (1 − exp(−0.6) = 0.45).
        var b = TestCases.Builder();
        for (var y = 2000; y <= 2005; y++)
        {
            b.Add(TestCases.Support($"in{y}", TestCases.Year(y), "P", "C", 0.9));
            b.Add(TestCases.Support($"back{y}", TestCases.Year(y), "C", "P", 0.7));
        }

        for (var k = 0; k < 4; k++)
        {
            b.Add(TestCases.Coercion($"clash{k}", TestCases.Year(2005), "P", "C", 0.3));
        }

        var f = Sensitivity.WhatFlips(b.Build(), PC, Y2005, Verdict.State);

        f.EvidenceToRemove.Should().HaveCount(2);
        f.EvidenceToRemove.Should().OnlyContain(e => e.Id.StartsWith("clash", StringComparison.Ordinal));
        f.IsSmallestSet.Should().BeTrue();
    }

    [Fact]
    public void WhatFlips_HasNothingToFlip_WhenTheVerdictIsUndetermined()
    {
        // No capability evidence: power asymmetry is undefined, so the patron–client test is undetermined.
        var f = Sensitivity.WhatFlips(Contested(), PC, Y2005, Verdict.PatronClient);

        f.Current.Should().Be("undetermined");
        f.Note.Should().Contain("undetermined");
        f.EvidenceToRemove.Should().BeEmpty();
        f.OptionChanges.Should().BeEmpty();
    }

    [Fact]
    public void WhatFlips_ThePatronClientTest_ReadsTheFourFeatures()
    {
        var b = TestCases.Builder();
        b.AddCapability("cap-p", EvidenceDate.InYear(2000), Confidence.Confirmed, "s1", "P", 90);
        b.AddCapability("cap-c", EvidenceDate.InYear(2000), Confidence.Confirmed, "s1", "C", 10);
        b.AddCommitment("deal", EvidenceDate.Span(EvidenceDate.InYear(2000), EvidenceDate.InYear(2010)), Confidence.Reported, "s1", "P", "C", CommitmentFormality.PrivateUnderstanding);
        for (var y = 2000; y <= 2008; y++)
        {
            b.Add(TestCases.Support($"in{y}", TestCases.Year(y), "P", "C", 0.9));
            b.Add(TestCases.Support($"back{y}", TestCases.Year(y), "C", "P", 0.7));
        }

        var c = b.Build();
        var verdict = Scorer.Score(c).For(PC, Period.FromYear(2008)).PatronClient;
        var f = Sensitivity.WhatFlips(c, PC, Period.FromYear(2008), Verdict.PatronClient);

        f.Current.Should().Be(verdict.IsPatronClient == true ? "patron–client" : "not patron–client");
        f.OptionChanges.Should().NotBeEmpty();
        f.OptionChanges.Should().OnlyContain(o => o.NewVerdict != f.Current);
    }

    [Fact]
    public void FlipSearchOptions_RejectAMaxItemsBelowOne()
    {
        var act = () => new FlipSearchOptions { MaxItems = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("MaxItems");
    }
}
