using Influence.Cases;
using Influence.Scoring;

namespace Influence.TimeSeries;

/// <summary>
/// The defined points of a series: undefined (null) periods are skipped, never imputed, and each point keeps its
/// period position so gaps keep their length in time.
/// </summary>
internal sealed class DefinedSeries
{
    private DefinedSeries(Period from, int length, int[] positions, double[] values)
    {
        From = from;
        Length = length;
        Positions = positions;
        Values = values;
    }

    public Period From { get; }

    public Period To => From.AddPeriods(Length - 1);

    /// <summary>The number of periods, defined or not.</summary>
    public int Length { get; }

    /// <summary>The period position (0 = <see cref="From"/>) of each defined point.</summary>
    public int[] Positions { get; }

    public double[] Values { get; }

    public int Count => Values.Length;

    public int Skipped => Length - Count;

    public Period PeriodAt(int point) => From.AddPeriods(Positions[point]);

    public static DefinedSeries Of(IReadOnlyList<double?> values, Period from, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(values, parameterName);
        if (values.Count == 0)
        {
            throw new ArgumentException("a series needs at least one period", parameterName);
        }

        var positions = new List<int>(values.Count);
        var defined = new List<double>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"values must be finite or null (undefined); value {i} was {v}", parameterName);
                }

                positions.Add(i);
                defined.Add(v);
            }
        }

        return new DefinedSeries(from, values.Count, [.. positions], [.. defined]);
    }

    public static (IReadOnlyList<double?> Values, Period From) FromScores(ScoreSet scores, string measure, Dyad dyad, Period? from, Period? to)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var series = scores.Series(measure, dyad);
        var p0 = from is { } f ? scores.RequirePeriod(f) : 0;
        var p1 = to is { } t ? scores.RequirePeriod(t) : scores.PeriodCount - 1;
        if (p1 < p0)
        {
            throw new ArgumentException($"the range must not end ({scores.Periods[p1]}) before it starts ({scores.Periods[p0]})", nameof(to));
        }

        return ([.. series.Skip(p0).Take(p1 - p0 + 1)], scores.Periods[p0]);
    }
}
