using FluentAssertions;
using Influence.Cases;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>Requests and options are checked when set: an <see cref="ArgumentException"/> naming the property and the bad item.</summary>
public class RequestValidationTests
{
    [Fact]
    public void Dyads_GivenTwice_AreRejectedWhenSet_NamingTheDyad()
    {
        var pt = new Dyad("pakistan", "taliban");

        var act = () => new ScoringRequest { Dyads = [pt, new Dyad("iran", "taliban"), pt] };

        act.Should().Throw<ArgumentException>().WithParameterName("Dyads").WithMessage("*pakistan→taliban was given twice*");
    }

    [Fact]
    public void Dyads_HoldingADefaultDyad_AreRejectedWhenSet()
    {
        var act = () => new ScoringRequest { Dyads = [TestCases.PC, default] };

        act.Should().Throw<ArgumentException>().WithParameterName("Dyads").WithMessage("*dyad 1 was default(Dyad)*");
    }

    [Fact]
    public void CustomMeasures_HoldingNull_AreRejectedWhenSet()
    {
        var act = () => ScoringOptions.Default with { CustomMeasures = [new Failing("fine", _ => 0.5), null!] };

        act.Should().Throw<ArgumentException>().WithParameterName("CustomMeasures").WithMessage("*measure 1 was null*");
    }

    [Fact]
    public void CustomMeasures_SharingAName_AreRejectedWhenSet()
    {
        var act = () => ScoringOptions.Default with { CustomMeasures = [new Failing("mine", _ => 0.5), new Failing("Mine", _ => 0.2)] };

        act.Should().Throw<ArgumentException>().WithParameterName("CustomMeasures").WithMessage("*measure 1, 'Mine', repeats the name of measure 0*");
    }

    [Theory]
    [InlineData("conflict")]
    [InlineData("Exchange")]
    [InlineData("patronShare")]
    public void CustomMeasures_NamedLikeABuiltInOne_AreRejectedWhenSet(string name)
    {
        var act = () => ScoringOptions.Default with { CustomMeasures = [new Failing(name, _ => 0.5)] };

        act.Should().Throw<ArgumentException>().WithParameterName("CustomMeasures").WithMessage($"*'{name}', is the name of the built-in measure*");
    }

    /// <summary>A unit-scale measure of constant value.</summary>
    private sealed class Failing(string name, Func<DyadPeriod, double?> value) : Measure(name)
    {
        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "given";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => value(at);

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }
}
