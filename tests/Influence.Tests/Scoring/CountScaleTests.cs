using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>The <see cref="MeasureScale.Count"/> scale: the scorer accepts whole numbers ≥ 0 and rejects the rest.</summary>
public class CountScaleTests
{
    private sealed class Constant(string name, double value) : Measure(name)
    {
        public override MeasureScale Scale => MeasureScale.Count;

        public override string Formula => "a constant";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => value;

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }

    private static ScoreSet Score(double value) =>
        Scorer.Score(
            TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.5)).Build(),
            ScoringOptions.Default with { CustomMeasures = [new Constant("constantCount", value)] });

    [Fact]
    public void Scorer_Accepts_AWholeNumberAboveOne()
    {
        Score(7).For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2005))["constantCount"].Value.Should().Be(7);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Scorer_Rejects_ValuesThatAreNotCounts(double value)
    {
        var act = () => Score(value);

        act.Should().Throw<InvalidOperationException>().WithMessage("*constantCount*not a count*");
    }

    [Fact]
    public void ScoreWriter_WritesACustomCount_InTheCsv()
    {
        using var w = new StringWriter();
        Influence.IO.ScoreWriter.WriteCsv(Score(3), w);

        var lines = w.ToString().Split('\n');
        var cells = lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(x => x.First, x => x.Second);
        (cells["constantCount"], cells["constantCount_low"], cells["constantCount_high"]).Should().Be(("3", "", ""), "the count is written, and its interval left empty: none was computed");
    }

    [Fact]
    public void ScoreWriter_ToCsv_IsWhatWriteCsvWrites()
    {
        var scores = Score(3);
        using var w = new StringWriter();
        Influence.IO.ScoreWriter.WriteCsv(scores, w);

        Influence.IO.ScoreWriter.ToCsv(scores).Should().Be(w.ToString()).And.Contain(",3,,,");
    }
}
