using FluentAssertions;
using Influence.Cases;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Influence.Tests.Theory;

public class InputEfficiencyTests
{
    // P gives 1.0 a year over 2000–2003: cumulative input X = 1, 2, 3, 4. Attainment of o1 (P toward C):
    // 0.2, 0.4, 0.5, 0.9. At 2003: mean X 2.5, mean y 0.5; Sxx = 5; Sxy = 0.45 + 0.05 + 0 + 0.6 = 1.1;
    // β = 0.22; residuals 0.03, 0.01, −0.11, 0.07 → SSR = 0.018; se(β) = √(0.018 / 2 / 5) = 0.042426;
    // value = β · (4 − 1) = 0.66; 90% interval: β ± t(0.95; 2) · se = 0.22 ± 2.919986 · 0.042426 → × 3 →
    // [0.288348, 1.031652] → clipped [0.288348, 1].
    private static readonly double[] X = [1, 2, 3, 4];
    private static readonly double[] Y = [0.2, 0.4, 0.5, 0.9];

    private static CaseBuilder Inputs(int lastObservation = 2003)
    {
        var b = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2003), "P", "C", 1));
        for (var t = 0; 2000 + t <= lastObservation; t++)
        {
            b.Add(TestCases.Attained($"a{t}", TestCases.Year(2000 + t), "o1", Y[t]));
        }

        return b;
    }

    [Fact]
    public void InputEfficiency_IsTheSlopeTimesTheInputRange_ByHand()
    {
        TestCases.Value(Inputs().Build(), "inputEfficiency", 2003).Should().BeApproximately(0.66, 1e-12);
    }

    [Fact]
    public void Fit_AgreesWithMathNet()
    {
        var (_, slope) = Fit.Line(X, Y);
        var s = Scorer.Score(Inputs().Build());

        var fit = InputEfficiency.Fit(s.At(0, 3))!.Value;

        fit.Slope.Should().BeApproximately(slope, 1e-12);
        fit.Slope.Should().BeApproximately(0.22, 1e-12);
        fit.StandardError.Should().BeApproximately(Math.Sqrt(0.0018), 1e-12);
        fit.Range.Should().Be(3);
        fit.Points.Should().Be(4);
    }

    [Fact]
    public void Interval_IsTheSlopesTInterval_TimesTheRange_Clipped()
    {
        var t = StudentT.InvCDF(0, 1, 2, 0.95);
        var half = t * Math.Sqrt(0.0018);
        var s = Scorer.Score(Inputs().Build());

        var score = s.Get("inputEfficiency", TestCases.PC, Period.FromYear(2003));

        t.Should().BeApproximately(2.919986, 1e-6);
        score.Low.Should().BeApproximately((0.22 - half) * 3, 1e-12);
        score.High.Should().Be(1, "(0.22 + 0.123884) · 3 = 1.031652 is clipped");
    }

    [Fact]
    public void Interval_UsesTheLevelFromOptions()
    {
        // 50%: t(0.75; 2) = 0.816497 → low = (0.22 − 0.816497 · 0.042426) · 3.
        var options = ScoringOptions.Default with { InputEfficiency = ScoringOptions.Default.InputEfficiency with { IntervalLevel = 0.5 } };
        var s = Scorer.Score(Inputs().Build(), options);
        var half = StudentT.InvCDF(0, 1, 2, 0.75) * Math.Sqrt(0.0018);

        s.Get("inputEfficiency", TestCases.PC, Period.FromYear(2003)).Low.Should().BeApproximately((0.22 - half) * 3, 1e-12);
        s.Get("inputEfficiency", TestCases.PC, Period.FromYear(2003)).High.Should().BeApproximately((0.22 + half) * 3, 1e-12);
    }

    [Fact]
    public void InputEfficiency_IsUndefined_WithFewerPointsThanTheMinimum()
    {
        // 2001: two points (2000, 2001) < 3. With MinimumPoints 5, 2003's four points are not enough either.
        var options = ScoringOptions.Default with { InputEfficiency = ScoringOptions.Default.InputEfficiency with { MinimumPoints = 5 } };

        TestCases.Value(Inputs().Build(), "inputEfficiency", 2001).Should().BeNull();
        TestCases.Value(Inputs().Build(), "inputEfficiency", 2003, options).Should().BeNull();
    }

    [Fact]
    public void InputEfficiency_IsUndefined_WithoutGrowthInInputs()
    {
        // Attainment moves but the patron gave nothing: X is 0 throughout, no slope.
        var c = TestCases.Builder().AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" });
        for (var t = 0; t < 4; t++)
        {
            c.Add(TestCases.Attained($"a{t}", TestCases.Year(2000 + t), "o1", Y[t]));
        }

        var s = Scorer.Score(c.Build());

        s.Get("inputEfficiency", TestCases.PC, Period.FromYear(2003)).Should().Be(default(Score));
    }

    [Fact]
    public void InputEfficiency_IsNegative_WhenAttainmentFallsAsInputsRise()
    {
        // Same inputs, attainment 0.9, 0.5, 0.4, 0.2 (Y reversed): β = −0.22 → −0.66.
        var b = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2003), "P", "C", 1));
        for (var t = 0; t < 4; t++)
        {
            b.Add(TestCases.Attained($"a{t}", TestCases.Year(2000 + t), "o1", Y[3 - t]));
        }

        TestCases.Value(b.Build(), "inputEfficiency", 2003).Should().BeApproximately(-0.66, 1e-12);
    }
}
