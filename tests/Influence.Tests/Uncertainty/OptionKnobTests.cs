using FluentAssertions;
using Influence.Scoring;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Uncertainty;

public class OptionKnobTests
{
    [Fact]
    public void EveryKnob_ReadsBackWhatItSets()
    {
        foreach (var knob in OptionKnob.All)
        {
            var (lo, hi) = knob.Range(ScoringOptions.Default);
            var v = (lo + hi) / 2;
            knob.Get(knob.With(ScoringOptions.Default, v)).Should().Be(v, knob.Name);
        }
    }

    [Fact]
    public void EveryKnob_ChangesOnlyItself()
    {
        foreach (var knob in OptionKnob.All)
        {
            var (_, hi) = knob.Range(ScoringOptions.Default);
            var changed = knob.With(ScoringOptions.Default, hi);
            foreach (var other in OptionKnob.All.Where(k => k != knob))
            {
                other.Get(changed).Should().Be(other.Get(ScoringOptions.Default), $"setting {knob.Name} must leave {other.Name}");
            }
        }
    }

    /// <summary>Numeric options that are deliberately not knobs: anchors of their scales, and settings that are not model constants.</summary>
    private static readonly string[] NotKnobs =
    [
        "Confidence.Confirmed", "DiffuseObligation.TreatyFormality", "DiffuseObligation.PrivateUnderstandingFormality",
        "InputEfficiency.MinimumPoints", "InputEfficiency.IntervalLevel",
    ];

    [Fact]
    public void All_CoversEveryNumericOption_SoANewOptionIsVariedOrExplicitlyLeftOut()
    {
        var numeric = typeof(ScoringOptions).GetProperties()
            .Where(p => p.PropertyType.IsClass && p.PropertyType.Namespace == typeof(ScoringOptions).Namespace && p.PropertyType != typeof(ScoringOptions))
            .SelectMany(section => section.PropertyType.GetProperties()
                .Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(int))
                .Where(p => p.Name != "EqualityContract")
                .Select(p => $"{section.Name}.{p.Name}"))
            .ToList();

        numeric.Except(NotKnobs).Should().BeEquivalentTo(OptionKnob.All.Select(k => k.Name), "every numeric option needs an OptionKnob (or a place in NotKnobs, with a reason)");
    }

    [Fact]
    public void Names_AreUnique_AndFoundIgnoringCase()
    {
        OptionKnob.All.Select(k => k.Name).Should().OnlyHaveUniqueItems();
        OptionKnob.Find("conflict.scale").Should().BeSameAs(OptionKnob.Find("Conflict.Scale"));
        OptionKnob.Find("nope").Should().BeNull();
    }

    [Fact]
    public void Range_OfAScale_IsHalfToDouble()
    {
        var k = OptionKnob.Find("Conflict.Scale")!;

        k.Range(ScoringOptions.Default).Should().Be((0.5, 2.0));
    }

    [Fact]
    public void Range_OfAWeight_IsClippedToItsMaximum()
    {
        var k = OptionKnob.Find("DiffuseObligation.InformalityWeight")!;
        var o = k.With(ScoringOptions.Default, 0.95);

        k.Range(o).High.Should().Be(1);
        k.Range(o).Low.Should().BeApproximately(0.8, 1e-12);
    }

    [Fact]
    public void Range_OfAWeight_IsTheDecimalSetting_NotItsBinaryNoise()
    {
        // 0.7 − 0.15 is 0.5499999999999999 in doubles; a tornado row and the JSON must say 0.55.
        var k = OptionKnob.Find("Confidence.Reported")!;

        k.Range(ScoringOptions.Default).Should().Be((0.55, 0.85));
    }

    [Fact]
    public void Distance_IsOneAtTheEdgesOfTheRange()
    {
        foreach (var knob in OptionKnob.All.Where(k => k.Kind is OptionKind.Scale or OptionKind.Window))
        {
            var (lo, hi) = knob.Range(ScoringOptions.Default);
            knob.Distance(ScoringOptions.Default, lo).Should().BeApproximately(1, 1e-12, knob.Name);
            knob.Distance(ScoringOptions.Default, hi).Should().BeApproximately(1, 1e-12, knob.Name);
        }

        OptionKnob.Find("Confidence.Reported")!.Distance(ScoringOptions.Default, 0.85).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void MonteCarloDefault_HoldsTheWeightsAndScales()
    {
        OptionKnob.MonteCarloDefault.Should().OnlyContain(k => k.Kind == OptionKind.Scale || k.Kind == OptionKind.Weight);
        OptionKnob.MonteCarloDefault.Select(k => k.Name).Should().Contain(["Confidence.Reported", "Conflict.Scale", "Presence.Scale"]);
    }

    [Fact]
    public void PerturbationRanges_RejectAFactorBelowOne()
    {
        var act = () => new PerturbationRanges { ScaleFactor = 0.5 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("ScaleFactor");
    }

    [Fact]
    public void PerturbationRanges_RejectASpreadAboveOne()
    {
        var act = () => new PerturbationRanges { WeightSpread = 1.5 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("WeightSpread");
    }
}
