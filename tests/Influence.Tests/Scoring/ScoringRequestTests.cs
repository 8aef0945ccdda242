using FluentAssertions;
using Influence.Generation;
using Influence.IO;
using Influence.Scoring;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Scoring;

public class ScoringRequestTests
{
    private static readonly Influence.Cases.Case Universe = UniverseGenerator.Generate(new UniverseOptions { Actors = 8, Periods = 24, Evidence = 1500, Seed = 3 });

    [Fact]
    public void Measures_ScoresOnlyTheNamedMeasures_InOutputOrder()
    {
        var scores = Scorer.Score(Universe, request: new ScoringRequest { Measures = ["conflict", "EXCHANGE"] });

        scores.Measures.Select(m => m.Name).Should().Equal("exchange", "conflict");
    }

    [Fact]
    public void Measures_AreWrittenInTheLibrarysOrder_BuiltInThenCustom_WhateverOrderTheyAreRequestedIn()
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new Constant("first"), new Constant("second")] };

        var scores = Scorer.Score(Universe, options, new ScoringRequest { Measures = ["second", "first", "confl", "Exchange"] });

        scores.Measures.Select(m => m.Name).Should().Equal("exchange", "conflict", "first", "second");
    }

    /// <summary>A custom measure of constant value.</summary>
    private sealed class Constant(string name) : Measure(name)
    {
        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "0.5";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => 0.5;

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }

    [Fact]
    public void Measures_GiveTheSameValues_AsScoringEverything()
    {
        var all = Scorer.Score(Universe);
        var some = Scorer.Score(Universe, request: new ScoringRequest { Measures = ["exchange", "compliance", "inputEfficiency"] });

        foreach (var name in new[] { "exchange", "compliance", "inputEfficiency" })
        {
            for (var d = 0; d < all.Dyads.Length; d++)
            {
                for (var p = 0; p < all.PeriodCount; p++)
                {
                    some.Get(some.MeasureIndexOf(name), d, p).Should().Be(all.Get(all.MeasureIndexOf(name), d, p), $"{name} of dyad {d} at {p}");
                }
            }
        }
    }

    [Fact]
    public void Measures_KeepTheVerdicts_ByEvaluatingWhatWasLeftOut()
    {
        var all = Scorer.Score(Universe);
        var some = Scorer.Score(Universe, request: new ScoringRequest { Measures = ["presence"] });

        for (var p = 0; p < all.PeriodCount; p++)
        {
            some.PatronClient(0, p).Should().Be(all.PatronClient(0, p));
            some.State(0, p).Should().Be(all.State(0, p));
        }
    }

    [Fact]
    public void Measures_RejectsAnUnknownName_NamingTheKnownOnes()
    {
        var act = () => Scorer.Score(Universe, request: new ScoringRequest { Measures = ["exchange", "leverage"] });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "request" && e.Message.Contains("'leverage'") && e.Message.Contains("exchange"));
    }

    [Fact]
    public void ScoreWriter_LeavesOutMeasuresThatWereNotScored()
    {
        var json = ScoreWriter.ToJson(Scorer.Score(Universe, request: new ScoringRequest { Measures = ["exchange"], To = Universe.From }), evidenceCounts: false);

        json.Should().Contain("\"exchange\"").And.NotContain("\"conflict\"").And.Contain("\"isPatronClient\"");
    }
}

public class ScoringRequestMeasuresValidationTests
{
    private static readonly Influence.Cases.Case Universe = UniverseGenerator.Generate(new UniverseOptions { Actors = 4, Periods = 6, Evidence = 100, Seed = 3 });

    [Fact]
    public void Measures_NamingAMeasureTwice_AreRejected_NamingBothEntries()
    {
        var act = () => Scorer.Score(Universe, request: new ScoringRequest { Measures = ["conflict", "exchange", "Conflict"] });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "request")
            .WithMessage("*measure 2, 'Conflict', names conflict, as measure 0, 'conflict', does*");
    }

    [Fact]
    public void Measures_NamingAMeasureByItsShortAndFullName_AreRejected()
    {
        var act = () => Scorer.Score(Universe, request: new ScoringRequest { Measures = ["confl", "conflict"] });

        act.Should().Throw<ArgumentException>().WithMessage("*measure 1, 'conflict', names conflict, as measure 0, 'confl', does*");
    }

    [Fact]
    public void Measures_HoldingEmptyNullOrUnknownEntries_AreRejected_AllAtOnce()
    {
        var act = () => Scorer.Score(Universe, request: new ScoringRequest { Measures = ["exchange", "", null!, "  ", "leverage", "exchange"] });

        var e = act.Should().Throw<ArgumentException>().Which;
        e.ParamName.Should().Be("request");
        e.Message.Should().Contain("measure 1 was ''").And.Contain("measure 2 was null").And.Contain("measure 3 was '  '")
            .And.Contain("no measure is called 'leverage'").And.Contain("measure 5, 'exchange', names exchange, as measure 0");
    }
}
