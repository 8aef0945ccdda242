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
