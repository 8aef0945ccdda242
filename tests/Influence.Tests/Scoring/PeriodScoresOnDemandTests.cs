using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// <see cref="PeriodScores"/> answers every measure whichever the request scored, as its verdicts do: a measure left
/// out is computed when read and equals what scoring it would have stored; its properties never throw.
/// </summary>
public class PeriodScoresOnDemandTests
{
    private static global::Influence.Cases.Case Case()
    {
        var b = TestCases.Builder();
        b.AddIssue(new global::Influence.Cases.Issue("i1", "An issue"));
        b.Add(TestCases.Support("s-in", TestCases.Years(2001, 2008), "P", "C", 0.6));
        b.Add(TestCases.Support("s-back", TestCases.Years(2002, 2007), "C", "P", 0.3));
        b.Add(TestCases.Coercion("k", TestCases.Year(2005), "P", "C", 0.4));
        b.Add(TestCases.Capability("cp", TestCases.Year(2001), "P", 5));
        b.Add(TestCases.Capability("cc", TestCases.Year(2001), "C", 1));
        b.Add(TestCases.Demand("d1", TestCases.Year(2004), "i1", 0.5, global::Influence.Evidence.DemandResponse.Partial));
        b.Add(TestCases.Demand("d2", TestCases.Year(2005), "i1", 0.9, global::Influence.Evidence.DemandResponse.Complied));
        b.Add(TestCases.Presence("pr", TestCases.Years(2003, 2006), "P", "C", 0.5));
        return b.Build();
    }

    [Fact]
    public void EveryMeasure_LeftOutOfTheRequest_IsComputedOnDemand_AsScoringItWouldStoreIt()
    {
        var c = Case();
        var all = Scorer.Score(c);
        var one = Scorer.Score(c, request: new ScoringRequest { Measures = ["conflict"] });

        foreach (var p in all.Periods)
        {
            var full = all.For(TestCases.PC, p);
            var some = one.For(TestCases.PC, p);
            foreach (var m in Measures.BuiltIn)
            {
                some[m.Name].Should().Be(full[m.Name], $"{m.Name} in {p}");
            }

            some.Exchange.Should().Be(full.Exchange);
            some.InputEfficiency.Should().Be(full.InputEfficiency, "a measure's own interval comes with it");
            some.PatronClient.Should().Be(full.PatronClient);
            some.State.Should().Be(full.State);
        }

        one.Measures.Should().ContainSingle("reading a left-out measure does not add it to the set");
    }

    [Fact]
    public void TheNamedProperties_NeverThrow_WhateverTheRequestScored()
    {
        var scores = Scorer.Score(Case(), request: new ScoringRequest { Measures = ["conflict"] });
        var at = scores.For(TestCases.PC, Period.FromYear(2005));

        var read = () => new[]
        {
            at.Exchange, at.Asymmetry, at.Conflict, at.DiffuseObligation, at.Endurance, at.AccountBalance, at.Attainment,
            at.Compliance, at.IssueSpread, at.CounterReaction, at.InputEfficiency, at.Presence, at.PresenceInfluenceGap,
            at.ClientAgency, at.PatronShare, at.AlternativePatrons, at.SupplierConcentration, at.DependenceAsymmetry,
            at.Brokerage, at.ReverseLeverage,
        };

        read.Should().NotThrow().Which.Should().Contain(s => s.IsDefined);
        at.Exchange.IsDefined.Should().BeTrue();
    }

    [Fact]
    public void ALeftOutMeasure_IsUndefined_WhereItHasNoValue_NotBecauseItWasLeftOut()
    {
        var scores = Scorer.Score(Case(), request: new ScoringRequest { Measures = ["conflict"] });

        scores.For(TestCases.PC, Period.FromYear(2000)).Exchange.Should().Be(default(Score), "no support flows in 2000");
        scores.For(TestCases.PC, Period.FromYear(2003)).Exchange.IsDefined.Should().BeTrue();
    }

    [Fact]
    public void ALeftOutMeasure_HasNoIntervalFromDraws_WhileTheScoredOnesDo()
    {
        var c = Case();
        var point = Scorer.Score(c, request: new ScoringRequest { Measures = ["exchange"] });
        var withIntervals = Intervals.Compute(point, new IntervalOptions { Draws = 20 });
        var at = withIntervals.For(TestCases.PC, Period.FromYear(2005));

        at.Conflict.Should().Be(Score.Of(point.For(TestCases.PC, Period.FromYear(2005)).Conflict.Value));
        at.Exchange.Value.Should().Be(point.For(TestCases.PC, Period.FromYear(2005)).Exchange.Value);
    }
}
