using FluentAssertions;
using Influence.Cases;
using Influence.Generation;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// What a caller gets when scoring fails: the exception that was thrown (never an <see cref="AggregateException"/>,
/// whatever the thread count), and for a bad request an <see cref="ArgumentException"/> naming the parameter.
/// </summary>
public class ScoringErrorsTests
{
    private static readonly Case Small = TestCases.Builder()
        .Add(TestCases.Support("s1", TestCases.Year(2004), "P", "C", 0.5))
        .Add(TestCases.Support("s2", TestCases.Year(2005), "C", "P", 0.3))
        .Add(TestCases.Coercion("k1", TestCases.Year(2005), "P", "C", 0.6))
        .Build();

    private static readonly Case Universe = UniverseGenerator.Generate(new UniverseOptions { Actors = 12, Periods = 12, Evidence = 800, Seed = 4 });

    private static ScoringOptions With(Measure measure, int threads) =>
        ScoringOptions.Default with { CustomMeasures = [measure], MaxDegreeOfParallelism = threads };

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Score_WhenACustomMeasureThrows_RethrowsItsExceptionUnwrapped(int threads)
    {
        var act = () => Scorer.Score(Small, With(new Failing("broken", _ => throw new MeasureFailedException("no data feed")), threads));

        act.Should().Throw<MeasureFailedException>().WithMessage("no data feed")
            .Which.StackTrace.Should().Contain(nameof(Failing.Evaluate), "the measure's own stack is kept");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Score_WhenACustomMeasureGivesNaN_ThrowsInvalidOperationNamingItAndTheCell(int threads)
    {
        var act = () => Scorer.Score(Small, With(new Failing("nanny", _ => double.NaN), threads));

        act.Should().Throw<InvalidOperationException>().WithMessage("measure 'nanny' produced NaN for P→C in 2000, outside its range [0, 1]");
    }

    [Fact]
    public void Score_WhenManyDyadsFail_ReportsTheSameOne_WhateverTheThreadCount()
    {
        var failing = new Failing("picky", at => throw new MeasureFailedException($"{at.Index.Case.Actors[at.Patron].Id}→{at.Index.Case.Actors[at.Client].Id} {at.Period}"));
        string Message(int threads)
        {
            try
            {
                Scorer.Score(Universe, With(failing, threads));
            }
            catch (MeasureFailedException e)
            {
                return e.Message;
            }

            throw new InvalidOperationException("scoring did not fail");
        }

        var one = Message(1);

        foreach (var threads in new[] { 2, 3, 8, 1, 8 })
        {
            Message(threads).Should().Be(one, $"{threads} threads");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Explain_WhenTheMeasureFailsWithoutAnItem_RethrowsUnwrapped(int threads)
    {
        var all = Small.Evidence.Count;
        var scores = Scorer.Score(Small, With(new Failing("fragile", at => at.Index.Case.Evidence.Count == all ? 0.5 : throw new MeasureFailedException("fewer items")), threads));

        var act = () => Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "fragile");

        act.Should().Throw<MeasureFailedException>().WithMessage("fewer items");
    }

    [Fact]
    public void Explain_WhenTheMeasureGivesNaNWithoutAnItem_ThrowsInvalidOperation()
    {
        var all = Small.Evidence.Count;
        var scores = Scorer.Score(Small, With(new Failing("fragile", at => at.Index.Case.Evidence.Count == all ? 0.5 : double.NaN), 2));

        var act = () => Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "fragile");

        act.Should().Throw<InvalidOperationException>().WithMessage("measure 'fragile' produced NaN for P→C in 2005*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Explain_WhenATraceNamesARowOutsideTheEvidence_ThrowsInvalidOperationNamingTheMeasureAndRow(int row)
    {
        var scores = Scorer.Score(Small, With(new Failing("liar", _ => 0.5, row), 2));

        var act = () => Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "liar");

        act.Should().Throw<InvalidOperationException>().WithMessage($"measure 'liar' traced evidence row {row} for P→C in 2005, outside the case's evidence (rows 0 … 2)");
    }

    [Fact]
    public void Counterfactual_WhenACustomMeasureThrows_RethrowsUnwrapped()
    {
        var act = () => Counterfactual.WithoutThirdParty(Small, TestCases.PC, "X", With(new Failing("broken", _ => throw new MeasureFailedException("boom")), 4));

        act.Should().Throw<MeasureFailedException>();
    }

    [Fact]
    public void Intervals_WhenADrawFails_RethrowUnwrapped()
    {
        var all = Small.Evidence.Count;
        var options = With(new Failing("fragile", at => at.Index.Case.Evidence.Count == all ? 0.5 : throw new MeasureFailedException("resampled")), 4);

        var act = () => Intervals.Compute(Small, options, intervals: IntervalOptions.Default with { Draws = 20 });

        act.Should().Throw<MeasureFailedException>().WithMessage("resampled");
    }

    [Fact]
    public void Sensitivity_WhenAPerturbedScoringFails_RethrowsUnwrapped()
    {
        var options = With(new Failing("fussy", at => at.Options.Conflict.Scale == 1 ? 0.5 : throw new MeasureFailedException("perturbed")), 4);

        var act = () => Sensitivity.Tornado(Small, TestCases.PC, Period.FromYear(2005), "conflict", options);

        act.Should().Throw<MeasureFailedException>().WithMessage("perturbed");
    }

    [Fact]
    public void ARangeMixingGranularities_IsRejected()
    {
        var request = new ScoringRequest { From = Period.FromQuarter(2000, 1), To = Period.FromYear(2005) };

        var act = () => Scorer.Score(Small, request: request);

        act.Should().Throw<ArgumentException>().WithParameterName("request").WithMessage("*one granularity*2000Q1*2005*");
        FluentActions.Invoking(() => Scorer.ResolveRange(Small, request)).Should().Throw<ArgumentException>().WithParameterName("request");
    }

    [Fact]
    public void AnInvertedRange_NamesWhereEachEndTheRequestLeftOutComesFrom()
    {
        // Declared: 2000–2010 (TestCases.Builder).
        FluentActions.Invoking(() => Scorer.ResolveRange(Small, new ScoringRequest { From = Period.FromYear(2012) }))
            .Should().Throw<ArgumentException>().WithParameterName("request")
            .WithMessage("the last period (2010, the case's \"to\") is before the first (2012)*");

        // Not declared: the evidence runs 2004–2005.
        var undeclared = TestCases.Builder();
        (undeclared.From, undeclared.To, undeclared.EvidenceEnds) = (null, null, null);
        undeclared.Add(TestCases.Support("s1", TestCases.Year(2004), "P", "C", 0.5)).Add(TestCases.Support("s2", TestCases.Year(2005), "C", "P", 0.3));
        var @case = undeclared.Build();
        FluentActions.Invoking(() => Scorer.ResolveRange(@case, new ScoringRequest { From = Period.FromYear(2007) }))
            .Should().Throw<ArgumentException>()
            .WithMessage("the last period (2005, where the case's evidence ends: 2005-12-31) is before the first (2007)*");
        FluentActions.Invoking(() => Scorer.ResolveRange(@case, new ScoringRequest { To = Period.FromYear(2001) }))
            .Should().Throw<ArgumentException>()
            .WithMessage("the last period (2001) is before the first (2004, where the case's evidence starts: 2004-01-01)*");
    }

    [Fact]
    public void ARangeMixingGranularities_WithAGranularity_IsConverted()
    {
        var request = new ScoringRequest { Granularity = Granularity.Quarter, From = Period.FromYear(2003), To = Period.FromMonth(2004, 5) };

        Scorer.ResolveRange(Small, request).Should().Be((Period.FromQuarter(2003, 1), Period.FromQuarter(2004, 2)));
    }

    [Fact]
    public void ARangeInOneOtherGranularity_IsStillConverted()
    {
        var scores = Scorer.Score(Small, request: new ScoringRequest { From = Period.FromQuarter(2003, 2), To = Period.FromQuarter(2006, 1) });

        scores.From.Should().Be(Period.FromYear(2003));
        scores.To.Should().Be(Period.FromYear(2006));
    }

    private sealed class MeasureFailedException(string message) : Exception(message);

    /// <summary>A unit-scale measure whose value (or failure) is given; its trace reports one row.</summary>
    private sealed class Failing(string name, Func<DyadPeriod, double?> value, int tracedRow = 0) : Measure(name)
    {
        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "given";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => value(at);

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses) => uses.Add(new EvidenceUse(tracedRow, "given", 1));
    }
}
