using System.Collections.Immutable;
using Influence.Scoring;

namespace Influence.Baselines;

/// <summary>
/// What the baselines compute, and their results. The baselines cover six measures, enough to exercise every part
/// of the engine's work: support both ways over two trailing windows (exchange), coercion and
/// defied demands over another window with the dyad's activity (conflict), commitments in force and the variance of
/// the patron's input (diffuse obligation), the first exchange and continuity over a ten-year window (endurance),
/// demands and responses (compliance), and presence over a one-year window. Faction roll-up and the spreading
/// of items over periods apply to all of them, as in the engine.
/// </summary>
public static class Baseline
{
    /// <summary>The measures the baselines compute, in the engine's output order.</summary>
    public static ImmutableArray<string> Measures { get; } = ["exchange", "conflict", "diffuseObligation", "endurance", "compliance", "presence"];

    /// <summary>The request that makes the engine score exactly the baselines' measures over the case's own range.</summary>
    public static ScoringRequest EngineRequest { get; } = new() { Measures = Measures };
}

/// <summary>
/// Values of the baseline measures: <c>Values[m][dyad × Periods + period]</c>, NaN where undefined, dyads in the
/// case's order, periods from the case's first period.
/// </summary>
/// <param name="Measures">The measure names (<see cref="Baseline.Measures"/>).</param>
/// <param name="Dyads">The number of dyads.</param>
/// <param name="Periods">The number of periods per dyad.</param>
/// <param name="Values">One array per measure.</param>
public sealed record BaselineResult(ImmutableArray<string> Measures, int Dyads, int Periods, double[][] Values)
{
    /// <summary>The engine's values of the same measures, in the same layout.</summary>
    /// <param name="scores">Scores of the case's dyads over its range, including the baseline measures.</param>
    /// <returns>The values.</returns>
    public static BaselineResult FromEngine(ScoreSet scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var values = new double[Baseline.Measures.Length][];
        for (var m = 0; m < values.Length; m++)
        {
            var index = scores.MeasureIndexOf(Baseline.Measures[m]);
            var column = new double[scores.Dyads.Length * scores.PeriodCount];
            for (var d = 0; d < scores.Dyads.Length; d++)
            {
                for (var p = 0; p < scores.PeriodCount; p++)
                {
                    column[(d * scores.PeriodCount) + p] = scores.Get(index, d, p).Value ?? double.NaN;
                }
            }

            values[m] = column;
        }

        return new BaselineResult(Baseline.Measures, scores.Dyads.Length, scores.PeriodCount, values);
    }

    /// <summary>
    /// Compares with another result: the values must be defined in the same cells and differ by at most
    /// <paramref name="tolerance"/> (absolute; every measure lies in [0, 1]).
    /// </summary>
    /// <param name="other">The other result.</param>
    /// <param name="tolerance">The largest difference allowed.</param>
    /// <returns>The comparison.</returns>
    public Agreement Compare(BaselineResult other, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dyads != Dyads || other.Periods != Periods || !other.Measures.SequenceEqual(Measures))
        {
            return new Agreement(false, double.PositiveInfinity, 0, $"shapes differ: {Dyads}×{Periods} vs {other.Dyads}×{other.Periods}");
        }

        var worst = 0.0;
        var compared = 0L;
        string? first = null;
        for (var m = 0; m < Measures.Length; m++)
        {
            for (var i = 0; i < Values[m].Length; i++)
            {
                var a = Values[m][i];
                var b = other.Values[m][i];
                compared++;
                var diff = double.IsNaN(a) && double.IsNaN(b) ? 0 : double.IsNaN(a) || double.IsNaN(b) ? double.PositiveInfinity : Math.Abs(a - b);
                if (diff > worst)
                {
                    worst = diff;
                }

                if (diff > tolerance && first is null)
                {
                    first = FormattableString.Invariant($"{Measures[m]} of dyad {i / Periods} at period {i % Periods}: {a} vs {b}");
                }
            }
        }

        return new Agreement(first is null, worst, compared, first);
    }
}

/// <summary>How two results compare.</summary>
/// <param name="Agree">Whether every value agrees within the tolerance (and is defined in the same cells).</param>
/// <param name="LargestDifference">The largest absolute difference (∞ when one side is defined and the other not).</param>
/// <param name="Values">The number of values compared.</param>
/// <param name="FirstDisagreement">The first value that disagrees, or null.</param>
public sealed record Agreement(bool Agree, double LargestDifference, long Values, string? FirstDisagreement);
