using Influence.Cases;
using Influence.Evidence;
using Influence.Theory;

namespace Influence.Tests.Support;

/// <summary>
/// Cases generated from known rates, so the true value of a measure is known: each year, the number of items of each
/// kind is Poisson with a fixed mean, magnitudes are uniform, and confidence levels are drawn with fixed
/// probabilities. The truth is the measure's formula applied to the expected weighted sums.
/// </summary>
internal static class GeneratedCases
{
    public const int FirstYear = 2000;
    public const int LastYear = 2009;

    /// <summary>Mean items per year: patron→client coercion, client→patron coercion, presence, support both ways.</summary>
    public const double CoercionByPatron = 2;
    public const double CoercionByClient = 1;
    public const double PresenceRate = 2;
    public const double SupportToClient = 3;
    public const double SupportToPatron = 1.5;

    /// <summary>Confidence levels are confirmed, reported, alleged with these probabilities.</summary>
    private static readonly double[] ConfidenceProbabilities = [0.5, 0.3, 0.2];

    /// <summary>E[confidence weight] at the default weights (1, 0.7, 0.4).</summary>
    public static double MeanWeight => (0.5 * 1) + (0.3 * 0.7) + (0.2 * 0.4);

    /// <summary>Severities are uniform on [0.2, 1]: mean 0.6. Presence levels and support magnitudes uniform on [0, 1]: mean 0.5.</summary>
    /// <remarks>
    /// Every rate is multiplied by the density; the saturation scales are multiplied by it too (as a coder of a denser
    /// case would), so the true values are the same at every density and only the amount of evidence changes.
    /// </remarks>
    public static double TrueConflict => Measure.Saturate((CoercionByPatron + CoercionByClient) * MeanWeight * 0.6, 1.0);

    public static double TruePresence => Measure.Saturate(PresenceRate * MeanWeight * 0.5, 1.0);

    /// <summary>Exchange with a full 5-year reciprocity window (from 2004 on).</summary>
    public static double TrueExchange =>
        Exchange.Compute((SupportToClient + SupportToPatron) * MeanWeight * 0.5, 5 * SupportToClient * MeanWeight * 0.5, 5 * SupportToPatron * MeanWeight * 0.5, 1.0);

    /// <summary>The options that go with a density: the saturation scales × density.</summary>
    public static Influence.Scoring.ScoringOptions OptionsFor(double density)
    {
        var o = Influence.Scoring.ScoringOptions.Default;
        return o with
        {
            Conflict = o.Conflict with { Scale = density },
            Presence = o.Presence with { Scale = density },
            Exchange = o.Exchange with { VolumeScale = density },
        };
    }

    public static Case Generate(int seed, double density = 1)
    {
        var rng = new Random(seed);
        var b = TestCases.Builder($"generated-{seed}");
        b.From = Period.FromYear(FirstYear);
        b.To = Period.FromYear(LastYear);
        var n = 0;
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var date = EvidenceDate.InYear(year);
            for (var k = Poisson(rng, density * CoercionByPatron); k > 0; k--)
            {
                b.AddCoercion($"e{n++:D5}", date, Level(rng), "s1", "P", "C", CoercionType.Clash, 0.2 + (0.8 * rng.NextDouble()));
            }

            for (var k = Poisson(rng, density * CoercionByClient); k > 0; k--)
            {
                b.AddCoercion($"e{n++:D5}", date, Level(rng), "s1", "C", "P", CoercionType.Clash, 0.2 + (0.8 * rng.NextDouble()));
            }

            for (var k = Poisson(rng, density * PresenceRate); k > 0; k--)
            {
                b.AddPresence($"e{n++:D5}", date, Level(rng), "s1", "P", "C", PresenceType.Advisers, rng.NextDouble());
            }

            for (var k = Poisson(rng, density * SupportToClient); k > 0; k--)
            {
                b.AddSupport($"e{n++:D5}", date, Level(rng), "s1", "P", "C", ResourceType.Funding, rng.NextDouble());
            }

            for (var k = Poisson(rng, density * SupportToPatron); k > 0; k--)
            {
                b.AddSupport($"e{n++:D5}", date, Level(rng), "s1", "C", "P", ResourceType.Personnel, rng.NextDouble());
            }
        }

        return b.Build();
    }

    private static Confidence Level(Random rng)
    {
        var u = rng.NextDouble();
        return u < ConfidenceProbabilities[0] ? Confidence.Confirmed : u < ConfidenceProbabilities[0] + ConfidenceProbabilities[1] ? Confidence.Reported : Confidence.Alleged;
    }

    private static int Poisson(Random rng, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }
}
