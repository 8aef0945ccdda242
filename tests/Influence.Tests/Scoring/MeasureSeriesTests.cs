using CsCheck;
using FluentAssertions;
using Influence.Cases;
using Influence.Generation;
using Influence.Scoring;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// The engine scores through each measure's series (<see cref="Measure.EvaluateSeries"/>), which the built-in measures
/// compute with window kernels; the explainer and custom code call <see cref="Measure.Evaluate"/> one period at a time.
/// The two must agree bit for bit, for any universe, granularity, window length and range.
/// </summary>
public class MeasureSeriesTests
{
    private static readonly Gen<double> Years = Gen.OneOf(Gen.Const(0.25), Gen.Const(1.0), Gen.Const(2.0), Gen.Double[0.1, 12]);

    private static readonly Gen<ScoringOptions> Options = Gen.Select(
        Gen.Select(Years, Years, Years, Years),
        Gen.Select(Years, Years, Years, Years),
        Gen.Select(Years, Gen.Int[3, 6], Gen.Double[0.5, 0.99]),
        (a, b, c) => ScoringOptions.Default with
        {
            Exchange = new ExchangeOptions { ReciprocityWindowYears = a.Item1 },
            Conflict = new ConflictOptions { WindowYears = a.Item2 },
            DiffuseObligation = new DiffuseObligationOptions { VariabilityWindowYears = a.Item3 },
            Endurance = new EnduranceOptions { ContinuityWindowYears = a.Item4 },
            Attainment = new AttainmentOptions { LookbackYears = b.Item1 },
            Compliance = new ComplianceOptions { WindowYears = b.Item2 },
            CounterReaction = new CounterReactionOptions { LagYears = b.Item3, BaselineYears = b.Item4 },
            InputEfficiency = new InputEfficiencyOptions { WindowYears = c.Item1, MinimumPoints = c.Item2, IntervalLevel = c.Item3 },
        });

    private static readonly Gen<UniverseOptions> Universes = Gen.Select(
        Gen.Long, Gen.Int[4, 10], Gen.Int[1, 40], Gen.Int[0, 800], Gen.Enum<Granularity>(), Gen.Double[0, 0.6],
        (seed, actors, periods, evidence, granularity, factions) => new UniverseOptions
        {
            Seed = seed,
            Actors = actors,
            Periods = periods,
            Evidence = evidence,
            Granularity = granularity,
            FactionShare = factions,
        });

    [Fact]
    public void EveryBuiltInSeries_EqualsEvaluate_PeriodByPeriod()
    {
        Gen.Select(Universes, Options, Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((universe, options, from, to) =>
        {
            var @case = UniverseGenerator.Generate(universe);
            if (@case.Dyads.IsEmpty)
            {
                return;
            }

            SeriesEqualEvaluate(@case, options, from, to, universe.ToString());
        }, iter: 60);
    }

    /// <summary>
    /// Checks, for every declared dyad of a case, that each built-in measure's series over the periods that
    /// <paramref name="from"/> and <paramref name="to"/> pick equals its per-period definition bit for bit.
    /// </summary>
    internal static void SeriesEqualEvaluate(Case @case, ScoringOptions options, int from, int to, string what)
    {
        var index = Scorer.Score(@case, options with { MaxDegreeOfParallelism = 1 }).Index;
        var periods = index.Periods;
        var t0 = from % periods;
        var t1 = t0 + (to % (periods - t0));
        var buffer = new double?[t1 - t0 + 1];
        var lows = new double[buffer.Length];
        var highs = new double[buffer.Length];
        foreach (var d in @case.Dyads)
        {
            var dyad = new DyadPeriod(index, @case.ActorIndexOf(d.Patron), @case.ActorIndexOf(d.Client), t0);
            foreach (var measure in Measures.BuiltIn)
            {
                measure.EvaluateSeries(dyad, t0, t1, buffer);
                for (var t = t0; t <= t1; t++)
                {
                    Bits(buffer[t - t0]).Should().Be(Bits(measure.Evaluate(dyad.At(t))), $"{measure.Name} of {d} at period {t} ({what}, {t0}…{t1})");
                }
            }

            InputEfficiency.Series(dyad, t0, t1, buffer, lows, highs);
            for (var t = t0; t <= t1; t++)
            {
                var interval = InputEfficiency.Instance.EvaluateInterval(dyad.At(t));
                Bits(buffer[t - t0]).Should().Be(Bits(InputEfficiency.Instance.Evaluate(dyad.At(t))));
                Bits(double.IsNaN(lows[t - t0]) ? null : lows[t - t0]).Should().Be(Bits(interval?.Low), $"the interval's low end of {d} at {t}");
                Bits(double.IsNaN(highs[t - t0]) ? null : highs[t - t0]).Should().Be(Bits(interval?.High), $"the interval's high end of {d} at {t}");
            }
        }
    }

    private static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
