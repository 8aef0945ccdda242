using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
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
        // X = 1, 2, 3, 4 (2000–2003). o1 is coded 0.2 over 2000–2001 (a span) and 0.8 in 2003: points 2000 (0.2),
        // 2001 (0.2) and 2003 (0.8); 2002 has no observation (attainment would carry 0.2 into it). Mean X 7/3, mean
        // y 0.4, Sxx = 14/3, Sxy = (−4/3)(−0.2) + (−1/3)(−0.2) + (5/3)(0.4) = 1, β = 3/14, range 3 → 9/14.
        var c = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "Depth", 1.0) { Toward = "C" })
            .Add(TestCases.Support("s", TestCases.Years(2000, 2003), "P", "C", 1))
            .Add(TestCases.Attained("early", TestCases.Years(2000, 2001), "o1", 0.2, Confidence.Reported))
            .Add(TestCases.Attained("late", TestCases.Year(2003), "o1", 0.8))
            .Build();
        var scores = TestCases.Score(c);

        TestCases.Value(c, "inputEfficiency", 2003)!.Value.Should().BeApproximately(9.0 / 14, 1e-12);
        InputEfficiency.Fit(scores.At(0, 3))!.Value.Points.Should().Be(3);
        var early = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2003), "inputEfficiency").Contributions.Single(x => x.EvidenceId == "early");
        early.Weight.Should().BeApproximately(1.4, 1e-12, "a reported span of two years: 0.7 in each");
        early.Term.Should().Be("attainment 2000: objective o1 (observed 0.2); attainment 2001: objective o1 (observed 0.2)");
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
