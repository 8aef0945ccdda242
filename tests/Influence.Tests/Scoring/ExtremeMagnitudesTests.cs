using CsCheck;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Xunit;
using static Influence.Tests.Support.TestCases;

namespace Influence.Tests.Scoring;

/// <summary>
/// Values at the ends of the double range that a case file may hold: support magnitudes, severities and presence levels down to
/// the smallest subnormal (5·10^-324), capabilities up to the largest double. Every measure stays a number in its scale, and
/// its series still equals its per-period definition.
/// </summary>
public class ExtremeMagnitudesTests
{
    private static readonly Gen<double> Tiny = Gen.OneOf(
        Gen.Const(double.Epsilon), Gen.Const(1e-323), Gen.Const(1e-310), Gen.Const(1e-200), Gen.Const(3e-151), Gen.Const(1e-150), Gen.Const(0.5), Gen.Double[1e-320, 1e-140]);

    private static readonly Gen<double> Huge = Gen.OneOf(
        Gen.Const(double.MaxValue), Gen.Const(9e307), Gen.Const(1e308), Gen.Const(1.0), Gen.Const(double.Epsilon), Gen.Double[1e300, 1.7e308]);

    [Fact]
    public void SubnormalSupport_GivesADiffuseObligationInItsScale()
    {
        // Found by a review: two items of 5e-324, one alleged, made diffuse obligation NaN (its mean underflowed to 0).
        var c = Builder()
            .Add(Tests.Support.TestCases.Support("a", Year(2000), "P", "C", double.Epsilon, Confidence.Alleged))
            .Add(Tests.Support.TestCases.Support("b", Year(2001), "P", "C", double.Epsilon))
            .Build();

        var s = Scorer.Score(c).Get("diffuseObligation", new Dyad("P", "C"), Period.FromYear(2001));

        s.Value.Should().NotBeNull().And.BeInRange(0, 1);
    }

    [Theory]
    [InlineData(Granularity.Year, 1e-300)]
    [InlineData(Granularity.Quarter, 1e-300)]
    [InlineData(Granularity.Month, 1e-300)]
    [InlineData(Granularity.Month, 1e-160)]
    [InlineData(Granularity.Month, 1e-140)]
    [InlineData(Granularity.Month, 1e-305)]
    [InlineData(Granularity.Quarter, 1e-305)]
    public void TinySupport_GivesTheDiffuseObligationOfOrdinarySupport_AtEveryGranularity(Granularity granularity, double magnitude)
    {
        // docs/measures.md: cv does not depend on the scale of the support, down to magnitudes whose weighted values
        // are normal doubles (about 1e-305). A review found this confirmed only for yearly series; quarterly and
        // monthly ones total their yearly steps from periods, and split items over them. The same magnitudes scaled
        // by a power of two into [1/8, 1/4) (exact) give the same values, bit for bit.
        var tiny = Score(SupportOf(magnitude), granularity);
        var large = Score(SupportOf(Math.ScaleB(magnitude, -Math.ILogB(magnitude) - 3)), granularity);

        var defined = 0;
        foreach (var period in tiny.Periods.Where(p => p.Year is >= 2000 and <= 2006))
        {
            var expected = large.Get("diffuseObligation", new Dyad("P", "C"), period).Value;
            tiny.Get("diffuseObligation", new Dyad("P", "C"), period).Value.Should().Be(expected, $"{period}");
            defined += expected is null ? 0 : 1;
        }

        defined.Should().BeGreaterThan(granularity == Granularity.Year ? 4 : 20);
    }

    [Theory]
    [InlineData(Granularity.Year)]
    [InlineData(Granularity.Quarter)]
    [InlineData(Granularity.Month)]
    public void SubnormalSupport_GivesADiffuseObligationInItsScale_AtEveryGranularity(Granularity granularity)
    {
        // Subnormal magnitudes (down to 5e-324) are in scale or undefined, never NaN, but they are not scale-free:
        // weighting by confidence (0.4ε rounds to 0) and splitting over months round them before cv is computed.
        var tiny = Score(SupportOf(double.Epsilon), granularity);
        var large = Score(SupportOf(Math.ScaleB(double.Epsilon, 600)), granularity);
        var differs = false;
        foreach (var period in tiny.Periods)
        {
            var value = tiny.Get("diffuseObligation", new Dyad("P", "C"), period).Value;
            (value is null or (>= 0 and <= 1)).Should().BeTrue($"{period} reads {value}");
            differs |= value != large.Get("diffuseObligation", new Dyad("P", "C"), period).Value;
        }

        differs.Should().BeTrue("docs/measures.md says subnormal magnitudes may not give the larger values' cv");
    }

    private static Case SupportOf(double magnitude) => Builder()
        .Add(Tests.Support.TestCases.Support("a", Year(2000), "P", "C", magnitude, Confidence.Alleged))
        .Add(Tests.Support.TestCases.Support("b", Year(2001), "P", "C", magnitude))
        .Add(Tests.Support.TestCases.Support("c", Month(2002, 3), "P", "C", Math.Min(1, 3 * magnitude)))
        .Add(Tests.Support.TestCases.Support("d", Month(2003, 11), "P", "C", magnitude, Confidence.Reported))
        .Build();

    [Fact]
    public void CapabilitiesNearTheLargestDouble_GiveAnAsymmetryInItsScale()
    {
        // Two same-day observations of 1e308 overflowed the weighted mean.
        var c = Builder()
            .Add(Capability("k1", Year(2000), "P", 1e308)).Add(Capability("k2", Year(2000), "P", 1e308))
            .Add(Capability("k3", Year(2000), "C", 1))
            .Build();

        var s = Scorer.Score(c).Get("asymmetry", new Dyad("P", "C"), Period.FromYear(2000));

        s.Value.Should().Be(1, "(1e308 − 1) / (1e308 + 1) rounds to 1");
    }

    [Fact]
    public void AnyMixOfExtremeValues_ScoresInScale_AndSeriesEqualEvaluate()
    {
        Gen.Select(Tiny.Array[2, 12], Huge.Array[2, 6], Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((magnitudes, capabilities, from, to) =>
        {
            var b = Builder();
            for (var i = 0; i < magnitudes.Length; i++)
            {
                var (giver, taker) = i % 3 == 2 ? ("X", "C") : ("P", "C");
                b.Add(Tests.Support.TestCases.Support($"s{i}", Year(2000 + (i % 6)), giver, taker, magnitudes[i], (Confidence)(i % 3)));
            }

            for (var i = 0; i < magnitudes.Length; i += 2)
            {
                b.Add(Coercion($"c{i}", Year(2000 + (i % 5)), i % 4 == 0 ? "P" : "C", i % 4 == 0 ? "C" : "P", magnitudes[i]));
                b.Add(Presence($"p{i}", Year(2001 + (i % 5)), "P", "C", magnitudes[i]));
            }

            for (var i = 0; i < capabilities.Length; i++)
            {
                b.Add(Capability($"k{i}", Year(2000 + (i / 2)), i % 2 == 0 ? "P" : "C", capabilities[i], (Confidence)(i % 3)));
            }

            var c = b.Build();

            // Scoring checks every value against its measure's scale and throws on NaN or an infinity.
            Scorer.Score(c);
            MeasureSeriesTests.SeriesEqualEvaluate(c, ScoringOptions.Default, from, to, $"magnitudes {string.Join(", ", magnitudes)}; capabilities {string.Join(", ", capabilities)}");
        }, iter: 300);
    }
}
