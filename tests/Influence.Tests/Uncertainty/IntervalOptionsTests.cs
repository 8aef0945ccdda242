using FluentAssertions;
using Influence.Evidence;
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
    [InlineData(double.NaN)]
    public void Level_MustLieStrictlyBetweenZeroAndOne(double level)
    {
        var act = () => new IntervalOptions { Level = level };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Level must be in (0, 1)*").Which.ParamName.Should().Be("Level");
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
