using CsCheck;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Scoring;
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

    [Theory]
    [InlineData(1e-9)]
    [InlineData(1e-100)]
    [InlineData(1e-3)]
    public void InputEfficiency_DoesNotDependOnTheScaleOfTheInputs(double scale)
    {
        // Found by a review: the no-growth test compared Sxx with an absolute 1e-12 (10⁻¹² · max(1, mean X²)), so inputs
        // of 1e-9 a year (Sxx = 5e-18) read as no growth and the value was undefined. The test is now relative to mean X².
        var b = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2003), "P", "C", scale));
        for (var t = 0; t < 4; t++)
        {
            b.Add(TestCases.Attained($"a{t}", TestCases.Year(2000 + t), "o1", Y[t]));
        }

        var c = b.Build();
        var unscaled = TestCases.Value(Inputs().Build(), "inputEfficiency", 2003);
        var fit = InputEfficiency.Fit(Scorer.Score(c).At(0, 3));

        TestCases.Value(c, "inputEfficiency", 2003).Should().NotBeNull().And.BeApproximately(unscaled!.Value, 1e-12);
        fit.Should().NotBeNull();
        (fit!.Value.Slope * fit.Value.Range).Should().BeApproximately(unscaled.Value, 1e-12);
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

    [Fact]
    public void OneObservation_IsOnePoint_NotOnePerPeriodOfTheLookBack()
    {
        // P gives 0.5 a year 2000–2010; o1 is observed once, 0.5 in 2008. Attainment carries it to 2009 and 2010 (its
        // look-back is 3 years), but that is one observation, not three: one point, no slope. Before the fix 2010 read
        // 0 with the interval [0, 0], and explain listed the item with weight 3.
        var c = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2010), "P", "C", 0.5))
            .Add(TestCases.Attained("a2008", TestCases.Year(2008), "o1", 0.5))
            .Build();
        var scores = TestCases.Score(c);

        for (var year = 2008; year <= 2010; year++)
        {
            scores.Get("inputEfficiency", TestCases.PC, Period.FromYear(year)).Should().Be(default(Score), $"one observation in {year}'s window");
        }

        var e = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2010), "inputEfficiency");
        var item = e.Contributions.Should().ContainSingle(x => x.EvidenceId == "a2008").Which;
        item.Weight.Should().Be(1);
        item.Term.Should().Be("attainment 2008: objective o1 (observed 0.5)");
    }

    [Fact]
    public void ASpanObservation_IsAPointInEachPeriodItCovers_AndNothingIsCarriedForward()
    {
        // X = 1, 2, 3, 4 (2000–2003; 4 in 2004 too: the input stops). o1 is coded 0.2 over 2000–2001 (a span), 0.8 in
        // 2003 and 0.5 in 2004: points 2000 (1, 0.2), 2001 (2, 0.2), 2003 (4, 0.8) and 2004 (4, 0.5); 2002 has no
        // observation (attainment would carry 0.2 into it). In 2003 the three points rest on two observations:
        // undefined (before 2026-11-27, 9/14). In 2004 the four rest on three: mean X 11/4, mean y 0.425, Sxx = 6.75,
        // Sxy = (−1.75)(−0.225) + (−0.75)(−0.225) + (1.25)(0.375) + (1.25)(0.075) = 1.125, β = 1/6, range 3 → 0.5.
        var c = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2003), "P", "C", 1))
            .Add(TestCases.Attained("early", TestCases.Years(2000, 2001), "o1", 0.2, Confidence.Reported))
            .Add(TestCases.Attained("late", TestCases.Year(2003), "o1", 0.8))
            .Add(TestCases.Attained("later", TestCases.Year(2004), "o1", 0.5))
            .Build();
        var scores = TestCases.Score(c);

        scores.Get("inputEfficiency", TestCases.PC, Period.FromYear(2003)).Should().Be(default(Score), "three points, two observations");
        TestCases.Value(c, "inputEfficiency", 2004)!.Value.Should().BeApproximately(0.5, 1e-12);
        var fit = InputEfficiency.Fit(scores.At(0, 4))!.Value;
        (fit.Points, fit.Observations, fit.Independent).Should().Be((4, 3, 3));
        var early = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2004), "inputEfficiency").Contributions.Single(x => x.EvidenceId == "early");
        early.Weight.Should().BeApproximately(1.4, 1e-12, "a reported span of two years: 0.7 in each");
        early.Term.Should().Be("attainment 2000: objective o1 (observed 0.2), weight 0.7; attainment 2001: objective o1 (observed 0.2), weight 0.7");
    }

    [Fact]
    public void AWindowThatOneSpanCovers_IsUndefined_NotAFlatSlopeWithAZeroWidthInterval()
    {
        // P gives 1 a year 2000–2010; o1 is coded 0.5 over 2000–2010, one span: eleven points, one observation. Before
        // 2026-11-27 every year from 2002 read 0 with the interval [0, 0]. Two spans that begin and end together (o2,
        // 0.3 over the same years) are still one run of points: undefined too.
        var one = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2010), "P", "C", 1))
            .Add(TestCases.Attained("span", TestCases.Years(2000, 2010), "o1", 0.5));
        var two = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .AddObjective(new Objective("o2", "P", "Access", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2010), "P", "C", 1))
            .Add(TestCases.Attained("span", TestCases.Years(2000, 2010), "o1", 0.5))
            .Add(TestCases.Attained("span2", TestCases.Years(2000, 2010), "o2", 0.3));

        foreach (var c in new[] { one.Build(), two.Build() })
        {
            foreach (var granularity in new[] { Granularity.Year, Granularity.Quarter, Granularity.Month })
            {
                var scores = TestCases.Score(c, granularity);
                scores.Dyads.Should().ContainSingle();
                foreach (var period in scores.Periods)
                {
                    scores.Get("inputEfficiency", TestCases.PC, period).Should().Be(default(Score), $"{period} rests on one run of points");
                }
            }
        }
    }

    [Fact]
    public void SpansThatOverlap_AreTwoObservations_NotThreeRuns()
    {
        // o1 0.2 over 2000–2003 and o2 0.6 over 2002–2005: points 2000–2005 in three runs (o1; o1 and o2; o2), but the
        // middle run is the mean of the other two: two observations, no interval.
        var c = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .AddObjective(new Objective("o2", "P", "Access", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2005), "P", "C", 1))
            .Add(TestCases.Attained("a", TestCases.Years(2000, 2003), "o1", 0.2))
            .Add(TestCases.Attained("b", TestCases.Years(2002, 2005), "o2", 0.6))
            .Build();

        TestCases.Value(c, "inputEfficiency", 2005).Should().BeNull();
    }

    [Fact]
    public void ThreeSpans_GiveTheSlopeOfTheirPoints_WithAnIntervalFromThreeObservations()
    {
        // P gives 1 a year 2000–2005 (X = 1 … 6); o1 is coded 0.2 over 2000–2001, 0.5 over 2002–2003, 0.6 over
        // 2004–2005 (three spans): six points, y = 0.2, 0.2, 0.5, 0.5, 0.6, 0.6. Mean X 7/2, mean y 13/30, Sxx = 35/2,
        // Sxy = 8/5, β = 16/175, range 5 → 16/35 (as before 2026-11-27). SSR = 71/2625 (residuals −1/210, −101/1050,
        // 59/525, 11/525, 31/1050, −13/210). n = 3, not 6: se² = SSR / (3 − 2) / Sxx = 142/91875, t(0.95; 1) =
        // 6.313752; before, se² = SSR / 4 / Sxx = 71/183750 with t(0.95; 4) = 2.131847, a half-width 5.9 times smaller.
        var c = DepthInThreeSpans()
            .Add(TestCases.Support("s", TestCases.Years(2000, 2005), "P", "C", 1))
            .Build();
        var scores = TestCases.Score(c);
        var beta = 16.0 / 175;
        var half = StudentT.InvCDF(0, 1, 1, 0.95) * Math.Sqrt(142.0 / 91875);

        var fit = InputEfficiency.Fit(scores.At(0, 5))!.Value;
        var score = scores.Get("inputEfficiency", TestCases.PC, Period.FromYear(2005));

        (fit.Points, fit.Observations, fit.Independent).Should().Be((6, 3, 3));
        fit.StandardError.Should().BeApproximately(Math.Sqrt(142.0 / 91875), 1e-12);
        score.Value!.Value.Should().BeApproximately(16.0 / 35, 1e-12);
        score.Low!.Value.Should().BeApproximately(Math.Max((beta - half) * 5, -1), 1e-12);
        score.High.Should().Be(1, "(β + 6.31 · 0.0393) · 5 = 1.70 is clipped");
        score.Low!.Value.Should().BeApproximately(-0.78395, 1e-5, "(16/175 − 6.313752 · 0.039314) · 5");
    }

    /// <summary>Objective o1 of P toward C, coded 0.2 over 2000–2001, 0.5 over 2002–2003 and 0.6 over 2004–2005.</summary>
    private static CaseBuilder DepthInThreeSpans() => TestCases.Builder()
        .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
        .Add(TestCases.Attained("a", TestCases.Years(2000, 2001), "o1", 0.2))
        .Add(TestCases.Attained("b", TestCases.Years(2002, 2003), "o1", 0.5))
        .Add(TestCases.Attained("d", TestCases.Years(2004, 2005), "o1", 0.6));

    [Fact]
    public void ObservationsRepeatedOverPeriods_GiveTheIntervalOfTheObservationsAlone()
    {
        // P gives 1 in 2000, 2002 and 2004 (X = 1, 1, 2, 2, 3, 3 over 2000–2005); o1 is coded 0.2 over 2000–2001, 0.5
        // over 2002–2003, 0.6 over 2004–2005: each observation is two identical points. The regression on the three
        // observations, (1, 0.2), (2, 0.5), (3, 0.6): β = 0.2, SSR = 1/150, se² = 1/150 / 1 / 2 = 1/300, range 2 →
        // 0.4. On the six points SSR and Sxx are both twice theirs, so with n = 3 se is exactly theirs (before
        // 2026-11-27: se² = 2/150 / 4 / 4 = 1/1200 with t(4), from the same three judgements).
        var b = DepthInThreeSpans();
        foreach (var year in new[] { 2000, 2002, 2004 })
        {
            b.Add(TestCases.Support($"s{year}", TestCases.Year(year), "P", "C", 1));
        }

        var scores = TestCases.Score(b.Build());
        var half = StudentT.InvCDF(0, 1, 1, 0.95) * Math.Sqrt(1.0 / 300);

        var score = scores.Get("inputEfficiency", TestCases.PC, Period.FromYear(2005));

        InputEfficiency.Fit(scores.At(0, 5))!.Value.StandardError.Should().BeApproximately(Math.Sqrt(1.0 / 300), 1e-12);
        score.Value!.Value.Should().BeApproximately(0.4, 1e-12);
        score.Low!.Value.Should().BeApproximately((0.2 - half) * 2, 1e-12);
    }

    [Fact]
    public void InAMonthlySeries_AYearsObservation_IsTwelvePoints_AndOneObservation()
    {
        // Two spans and a point dated only to its year, scored by month: 60 points (24 + 12 + 24) in three runs, three
        // observations. In December 2003 the window holds two.
        var c = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2005), "P", "C", 1))
            .Add(TestCases.Attained("a", TestCases.Years(2000, 2001), "o1", 0.2))
            .Add(TestCases.Attained("b", TestCases.Year(2002), "o1", 0.5))
            .Add(TestCases.Attained("d", TestCases.Years(2004, 2005), "o1", 0.6))
            .Build();
        var scores = TestCases.Score(c, Granularity.Month);
        var at = scores.At(0, scores.Periods.IndexOf(Period.FromMonth(2005, 12)));

        var fit = InputEfficiency.Fit(at)!.Value;

        (fit.Points, fit.Observations, fit.Independent).Should().Be((60, 3, 3));
        scores.Get("inputEfficiency", TestCases.PC, Period.FromMonth(2003, 12)).Should().Be(default(Score), "36 points, two observations");
    }

    [Fact]
    public void APointInsideASpan_AddsOneSetOfObservations_NotTwo()
    {
        // o1 is coded 0.5 over 2000–2009 (a span) and 0.9 in 2004 (a point): 2000–2003 and 2005–2009 rest on the span
        // alone, 2004 on both. Two observations, two sets of them: undefined in 2009, although the points run in three
        // stretches. With another point in 2007 (0.6) the window holds three sets and three observations: defined.
        var b = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2009), "P", "C", 1))
            .Add(TestCases.Attained("span", TestCases.Years(2000, 2009), "o1", 0.5))
            .Add(TestCases.Attained("p2004", TestCases.Year(2004), "o1", 0.9));

        TestCases.Value(b.Build(), "inputEfficiency", 2009).Should().BeNull();

        var c = b.Add(TestCases.Attained("p2007", TestCases.Year(2007), "o1", 0.6)).Build();
        var fit = InputEfficiency.Fit(TestCases.Score(c).At(0, 9))!.Value;
        (fit.Points, fit.Observations, fit.Independent).Should().Be((10, 3, 3));
    }

    [Fact]
    public void Series_EqualsEvaluate_WithSpansAndPointsThatShareSetsOfObservations()
    {
        // The generated universes observe attainment by month only; here spans and coarse points of two objectives
        // repeat, overlap and nest, at every granularity and window length.
        var item = Gen.Select(Gen.Int[0, 1], Gen.Int[2000, 2010], Gen.Int[0, 5], Gen.Int[0, 12], Gen.Double[0, 1]);
        var defined = 0;
        Gen.Select(item.Array[1, 10], Gen.Int[0, 2], Gen.Double[0.5, 6], Gen.Int[3, 5]).Sample((items, granularity, window, minimum) =>
        {
            var b = TestCases.Builder()
                .AddObjective(new Objective("o0", "P", "Depth", 1.0) { Toward = "C" })
                .AddObjective(new Objective("o1", "P", "Access", 0.5) { Toward = "C" })
                .Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 1))
                .Add(TestCases.Support("t", TestCases.Year(2007), "P", "C", 0.5));
            b.Granularity = (Granularity)granularity;
            for (var i = 0; i < items.Length; i++)
            {
                var (o, year, years, month, value) = items[i];
                var date = month == 0 ? TestCases.Years(year, Math.Min(year + years, 2010))
                    : years == 0 ? TestCases.Year(year) : TestCases.Month(year, month);
                b.Add(TestCases.Attained($"a{i}", date, $"o{o}", Math.Round(value, 2)));
            }

            var c = b.Build();
            var options = ScoringOptions.Default with { InputEfficiency = new InputEfficiencyOptions { WindowYears = window, MinimumPoints = minimum } };
            var scores = Scorer.Score(c, options);
            MeasureSeriesTests.SeriesEqualEvaluate(c, options, 0, scores.Periods.Length - 1, $"{c.Granularity}, window {window}");
            Interlocked.Add(ref defined, scores.Periods.Count(p => scores.Get("inputEfficiency", TestCases.PC, p).Value is not null));
        }, iter: 100);

        defined.Should().BePositive("some of the cases must have a value to compare");
    }

    [Fact]
    public void Points_AreThePeriodsWithObservations_OfTheObjectivesObservedThen()
    {
        // P gives 1 a year 2000–2003 (X = 1, 2, 3, 4). o1 (salience 1) is observed in 2000 (0.2) and 2003 (0.9); o2
        // (salience 1) in 2001 (0.6). Attainment's look-back would make 2001 the mean of o1's 0.2 carried forward and
        // o2's 0.6, and 2002 a repeat; the points are 2000 (0.2), 2001 (0.6) and 2003 (0.9): mean X 7/3, mean y 17/30,
        // Sxx = 14/3, Sxy = (−4/3)(−11/30) + (−1/3)(1/30) + (5/3)(10/30) = 1.0333…, β = 0.221429, range 3 → 0.664286.
        var c = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .AddObjective(new Objective("o2", "P", "Access", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2003), "P", "C", 1))
            .Add(TestCases.Attained("a2000", TestCases.Year(2000), "o1", 0.2))
            .Add(TestCases.Attained("b2001", TestCases.Year(2001), "o2", 0.6))
            .Add(TestCases.Attained("a2003", TestCases.Year(2003), "o1", 0.9))
            .Build();
        var sxy = ((-4.0 / 3) * (-11.0 / 30)) + ((-1.0 / 3) * (1.0 / 30)) + ((5.0 / 3) * (10.0 / 30));

        var fit = InputEfficiency.Fit(TestCases.Score(c).At(0, 3))!.Value;

        fit.Points.Should().Be(3);
        fit.Slope.Should().BeApproximately(sxy / (14.0 / 3), 1e-12);
        TestCases.Value(c, "inputEfficiency", 2003)!.Value.Should().BeApproximately(3 * sxy / (14.0 / 3), 1e-12);
    }

    /// <summary>
    /// P holds an objective toward every client, observed 0.9, 0.8, 0.7 in 2000–2002 and 0.2, 0.5, 0.6 in 2003–2005;
    /// its input to C runs 2003–2005 (1 a year: X = 1, 2, 3).
    /// </summary>
    private static CaseBuilder BeforeTheRelation(Actor client)
    {
        var b = new CaseBuilder("late", "A late client") { From = Period.FromYear(2000), To = Period.FromYear(2005) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(client);
        b.AddDyad("P", "C");
        b.AddObjective(new Objective("aim", "P", "An aim held toward every client", 1.0));
        double[] y = [0.9, 0.8, 0.7, 0.2, 0.5, 0.6];
        for (var t = 0; t < y.Length; t++)
        {
            b.Add(TestCases.Attained($"a{2000 + t}", TestCases.Year(2000 + t), "aim", y[t]));
        }

        return b.Add(TestCases.Support("s", TestCases.Years(2003, 2005), "P", "C", 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheWindow_StartsWhenTheRelationBegins_NotBeforeTheClientExistedOrThePatronsFirstInput(bool clientDated)
    {
        // Points 2003–2005 only: X = 1, 2, 3, y = 0.2, 0.5, 0.6. Mean y 13/30; Sxx = 2, Sxy = 0.4, β = 0.2 → 0.4.
        // Residuals −1/30, 2/30, −1/30: SSR = 1/150, se = √(1/150 / 1 / 2). Before the fix 2000–2002 were points too,
        // at X = 0 with the attainment of other clients' years, and 2005 read −0.26.
        var client = new Actor("C", "Client", ActorKind.NonStateArmedGroup) { ActiveFrom = clientDated ? EvidenceDate.InYear(2003) : null };
        var scores = TestCases.Score(BeforeTheRelation(client).Build());
        var half = StudentT.InvCDF(0, 1, 1, 0.95) * Math.Sqrt(1.0 / 300);

        var score = scores.Get("inputEfficiency", TestCases.PC, Period.FromYear(2005));

        score.Value!.Value.Should().BeApproximately(0.4, 1e-12);
        score.Low!.Value.Should().BeApproximately((0.2 - half) * 2, 1e-12);
        score.High.Should().Be(1);
        scores.Get("inputEfficiency", TestCases.PC, Period.FromYear(2004)).Should().Be(default(Score), "two points are not enough");
    }
}
