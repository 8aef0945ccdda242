using System.Text.Json;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Uncertainty;

public class IntervalsTests
{
    private static readonly Case Generated = GeneratedCases.Generate(7);

    private static ScoreSet Compute(IntervalOptions? how = null, int threads = 2) =>
        Intervals.Compute(Generated, ScoringOptions.Default with { MaxDegreeOfParallelism = threads }, null, how ?? new IntervalOptions { Draws = 40, Seed = 11 });

    [Fact]
    public void Compute_KeepsThePointEstimates()
    {
        var point = Scorer.Score(Generated);
        var withIntervals = Compute();

        for (var m = 0; m < point.Measures.Length; m++)
        {
            for (var p = 0; p < point.PeriodCount; p++)
            {
                withIntervals.Get(m, 0, p).Value.Should().Be(point.Get(m, 0, p).Value);
            }
        }
    }

    [Fact]
    public void InputEfficiency_WithDraws_KeepsItsRegressionInterval_WhichTheDrawsDoNotContain()
    {
        var @case = CaseReader.LoadBuiltIn();
        var point = Scorer.Score(@case);
        var drawn = Intervals.Compute(@case, null, null, new IntervalOptions { Draws = 100, Seed = 3 });
        var m = point.MeasureIndexOf("inputEfficiency");

        var binding = 0;
        var defined = 0;
        for (var p = 0; p < point.PeriodCount; p++)
        {
            var own = point.Get(m, 0, p);
            var both = drawn.Get(m, 0, p);
            if (own.IsDefined && both.IsDefined)
            {
                defined++;
                both.Low.Should().BeLessThanOrEqualTo(own.Low!.Value);
                both.High.Should().BeGreaterThanOrEqualTo(own.High!.Value);
                binding += both.Low == own.Low || both.High == own.High ? 1 : 0;
            }
        }

        defined.Should().BeGreaterThan(10);
        binding.Should().BeGreaterThan(0, "in some periods the fit's own error reaches further than the draws");
    }

    [Fact]
    public void Compute_GivesIntervalsThatContainTheValue_AndAreNotAllPoints()
    {
        var scores = Compute();
        var widths = new List<double>();
        for (var m = 0; m < scores.Measures.Length; m++)
        {
            for (var p = 0; p < scores.PeriodCount; p++)
            {
                var s = scores.Get(m, 0, p);
                if (s.Value is { } v)
                {
                    s.Low.Should().BeLessThanOrEqualTo(v);
                    s.High.Should().BeGreaterThanOrEqualTo(v);
                    widths.Add(s.High!.Value - s.Low!.Value);
                }
                else
                {
                    s.Low.Should().BeNull();
                    s.High.Should().BeNull();
                }
            }
        }

        widths.Should().Contain(w => w > 0.01);
    }

    [Fact]
    public void Compute_GivesTheSameBytes_ForTheSameSeed_WhateverTheThreadCount()
    {
        var one = ScoreWriter.ToJson(Compute(threads: 1), evidenceCounts: false);
        var four = ScoreWriter.ToJson(Compute(threads: 4), evidenceCounts: false);

        four.Should().Be(one);
    }

    [Fact]
    public void Compute_GivesOtherIntervals_ForAnotherSeed()
    {
        var a = ScoreWriter.ToJson(Compute(new IntervalOptions { Draws = 40, Seed = 1 }), evidenceCounts: false);
        var b = ScoreWriter.ToJson(Compute(new IntervalOptions { Draws = 40, Seed = 2 }), evidenceCounts: false);

        b.Should().NotBe(a);
    }

    [Fact]
    public void Compute_RecordsHowTheIntervalsWereMade()
    {
        var scores = Compute(new IntervalOptions { Draws = 30, Seed = 5, Kind = IntervalKind.MonteCarlo, Level = 0.8 });

        scores.IntervalSource.Should().Be(new IntervalSource("montecarlo", 30, 5, 0.8));
        Scorer.Score(Generated).IntervalSource.Should().BeNull();
    }

    [Fact]
    public void VerdictShares_SumToOne_InEveryPeriod()
    {
        var scores = Compute();

        for (var p = 0; p < scores.PeriodCount; p++)
        {
            var pc = scores.PatronClientShares(0, p)!.Value;
            (pc.Holds + pc.Fails + pc.Undetermined).Should().BeApproximately(1, 1e-12);
            var s = scores.StateShares(0, p)!.Value;
            (s.Consolidated + s.Contested + s.Estranged + s.Dormant + s.Inverted + s.Unobserved).Should().BeApproximately(1, 1e-12);
        }

        Scorer.Score(Generated).PatronClientShares(0, 0).Should().BeNull();
    }

    [Fact]
    public void MonteCarlo_LeavesValuesNoOptionTouches_WithoutWidth()
    {
        // Power asymmetry reads capabilities only; no weight or scale of the Monte Carlo changes a single observation's value.
        var b = TestCases.Builder();
        b.AddCapability("cap-p", EvidenceDate.InYear(2000), Confidence.Confirmed, "s1", "P", 80);
        b.AddCapability("cap-c", EvidenceDate.InYear(2000), Confidence.Reported, "s1", "C", 20);
        b.Add(TestCases.Coercion("k1", TestCases.Year(2003), "P", "C", 0.6, Confidence.Reported));
        var scores = Intervals.Compute(b.Build(), null, null, new IntervalOptions { Draws = 20, Kind = IntervalKind.MonteCarlo });

        var asymmetry = scores.For(new Dyad("P", "C"), Period.FromYear(2003)).Asymmetry;
        asymmetry.Low.Should().Be(asymmetry.Value);
        asymmetry.High.Should().Be(asymmetry.Value);
        var conflict = scores.For(new Dyad("P", "C"), Period.FromYear(2003)).Conflict;
        conflict.High.Should().BeGreaterThan(conflict.Low!.Value);
    }

    [Fact]
    public void Json_CarriesIntervalsAndShares_AsAddedKeys()
    {
        using var doc = JsonDocument.Parse(ScoreWriter.ToJson(Compute(), evidenceCounts: false));
        var root = doc.RootElement;

        root.GetProperty("intervals").GetProperty("method").GetString().Should().Be("bootstrap+montecarlo");
        root.GetProperty("intervals").GetProperty("draws").GetInt32().Should().Be(40);
        var period = root.GetProperty("dyads")[0].GetProperty("periods")[5];
        period.GetProperty("patronClientShare").GetProperty("holds").ValueKind.Should().Be(JsonValueKind.Number);
        period.GetProperty("stateShares").GetProperty("contested").ValueKind.Should().Be(JsonValueKind.Number);
        period.GetProperty("stateShares").GetProperty("unobserved").ValueKind.Should().Be(JsonValueKind.Number);
        period.GetProperty("features").GetProperty("conflict").GetProperty("low").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public void Json_WithoutIntervals_HasNoShareKeys()
    {
        var json = ScoreWriter.ToJson(Scorer.Score(Generated), evidenceCounts: false);

        json.Should().NotContain("\"intervals\"").And.NotContain("patronClientShare").And.NotContain("stateShares");
    }

    [Fact]
    public void Csv_EndsWithTheShares_ThenTheInputHash_WhenIntervalsWereComputed()
    {
        using var writer = new StringWriter();
        ScoreWriter.WriteCsv(Compute(), writer);
        var rows = CsvRows.Parse(writer.ToString());

        string.Join(',', rows[0]).Should().EndWith(",state,patronClientShare_holds,patronClientShare_fails,patronClientShare_undetermined,stateShare_consolidated,stateShare_contested,stateShare_estranged,stateShare_dormant,stateShare_inverted,stateShare_unobserved,notScored,patronClientRule,stateRule,partial,inputHash");
        rows.Skip(1).Should().AllSatisfy(r => r.Should().HaveCount(rows[0].Length));
    }

    [Fact]
    public void BootstrapCounts_AreTheSame_ForTheSameSeedAndDraw()
    {
        Intervals.BootstrapCounts(Generated, 3, 17).Should().Equal(Intervals.BootstrapCounts(Generated, 3, 17));
        Intervals.BootstrapCounts(Generated, 3, 17).Should().NotEqual(Intervals.BootstrapCounts(Generated, 3, 18));
    }

    [Fact]
    public void BootstrapCounts_AverageOne_OverDraws()
    {
        var total = Enumerable.Range(0, 200).Sum(d => Intervals.BootstrapCounts(Generated, 9, d).Sum());

        (total / (200.0 * Generated.Evidence.Count)).Should().BeApproximately(1, 0.02);
    }

    [Fact]
    public void BootstrapCounts_LeaveObservationKindsAlone_ByDefault()
    {
        var b = TestCases.Builder();
        for (var i = 0; i < 30; i++)
        {
            b.AddCapability($"cap{i:D2}", EvidenceDate.InYear(2000 + (i % 10)), Confidence.Confirmed, "s1", "P", 10 + i);
        }

        var c = b.Build();

        Enumerable.Range(0, 20).SelectMany(d => Intervals.BootstrapCounts(c, 1, d)).Should().OnlyContain(k => k == 1);
        Enumerable.Range(0, 20).SelectMany(d => Intervals.BootstrapCounts(c, 1, d, [EvidenceKind.Capability])).Should().Contain(k => k != 1);
    }

    [Fact]
    public void Perturb_KeepsEveryKnobInItsRange()
    {
        var how = new IntervalOptions();
        for (var d = 0; d < 50; d++)
        {
            var o = Intervals.Perturb(ScoringOptions.Default, how, d);
            foreach (var knob in OptionKnob.All)
            {
                var (lo, hi) = knob.Range(ScoringOptions.Default);
                knob.Get(o).Should().BeInRange(lo, hi, knob.Name);
            }
        }
    }

    [Fact]
    public void Perturb_LeavesWindowsAndThresholds_ByDefault()
    {
        var o = Intervals.Perturb(ScoringOptions.Default, new IntervalOptions(), 3);

        foreach (var knob in OptionKnob.All.Where(k => k.Kind is OptionKind.Window or OptionKind.Threshold))
        {
            knob.Get(o).Should().Be(knob.Get(ScoringOptions.Default), knob.Name);
        }

        OptionKnob.Find("Conflict.Scale")!.Get(o).Should().NotBe(1.0);
    }

    [Fact]
    public void ScoreDraw_ThrowsOnNegativeDraw()
    {
        var act = () => Intervals.ScoreDraw(Generated, ScoringOptions.Default, ScoringRequest.Default, IntervalOptions.Default, -1);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("draw");
    }
}
