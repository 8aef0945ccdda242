using FluentAssertions;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.TimeSeries;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Uncertainty;

public class IntervalOptionsTests
{
    [Fact]
    public void Defaults_Are200DrawsSeed1Level90Both()
    {
        var o = IntervalOptions.Default;

        o.Draws.Should().Be(200);
        o.Seed.Should().Be(1UL);
        o.Level.Should().Be(0.9);
        o.Kind.Should().Be(IntervalKind.Both);
        o.MethodName.Should().Be("bootstrap+montecarlo");
        o.ResampledKinds.Should().NotContain([EvidenceKind.Capability, EvidenceKind.Attainment, EvidenceKind.Indicator]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Draws_MustBeAtLeastTwo(int draws)
    {
        var act = () => new IntervalOptions { Draws = draws };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Draws");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.9995)]
    [InlineData(double.NaN)]
    public void Level_IsACoverageInZeroTo0999_AsEveryOtherLevel(double level)
    {
        var act = () => new IntervalOptions { Level = level };
        var trend = () => Trends.Fit([0.1, 0.2, 0.4, 0.3, 0.5], Period.FromYear(2000), level);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Level must be a coverage in (0, 0.999]; was *").Which.ParamName.Should().Be("Level");
        trend.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*a coverage in (0, 0.999]; was *", "Trends.Fit takes the same levels");
    }

    [Fact]
    public void Level_0999_IsTheHighest_AndIsKeptThroughTheIntervals_AsTrendsTakeIt()
    {
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2003), "P", "C", 0.5)).Add(TestCases.Support("b", TestCases.Year(2005), "P", "C", 0.3)).Build();

        var drawn = Intervals.Compute(Scorer.Score(c), new IntervalOptions { Draws = 20, Level = 0.999 });

        drawn.IntervalSource!.Level.Should().Be(0.999, "the source records the level (it once refused what the options took: 0.9995 failed after every draw)");
        Trends.Fit([0.1, 0.2, 0.4, 0.3, 0.5], Period.FromYear(2000), 0.999).Level.Should().Be(0.999);
    }

    [Fact]
    public void Kind_MustBeBootstrapMonteCarloOrBoth()
    {
        var act = () => new IntervalOptions { Kind = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Kind");
    }

    [Theory]
    [InlineData(IntervalKind.Bootstrap, "bootstrap")]
    [InlineData(IntervalKind.MonteCarlo, "montecarlo")]
    public void MethodName_NamesTheKind(IntervalKind kind, string name) =>
        new IntervalOptions { Kind = kind }.MethodName.Should().Be(name);
}
