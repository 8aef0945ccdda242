using Influence.Cases;
using Influence.Internal;
using Influence.Scoring;

namespace Influence.TimeSeries;

/// <summary>
/// The defined points of a series: undefined (null) periods are skipped, never imputed, and each point keeps its
/// period position so gaps keep their length in time.
/// </summary>
internal sealed class DefinedSeries
{
    /// <summary>
    /// Series whose largest magnitude lies within 2^±<see cref="OrdinaryExponent"/> are computed as they are; others
    /// are scaled by a power of two first (see <see cref="Exponent"/>).
    /// </summary>
    internal const int OrdinaryExponent = 256;

    private DefinedSeries(Period from, int length, int[] positions, double[] values)
    {
        From = from;
        Length = length;
        Positions = positions;
        Values = values;
        var largest = 0.0;
        foreach (var v in values)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        var e = largest > 0 ? Math.ILogB(largest) : 0;
        Exponent = Math.Abs(e) <= OrdinaryExponent ? 0 : e;
        Scaled = Exponent == 0 ? values : [.. values.Select(v => Math.ScaleB(v, -Exponent))];
    }

    public Period From { get; }

    public Period To => From.AddPeriods(Length - 1);

    /// <summary>The number of periods, defined or not.</summary>
    public int Length { get; }

    /// <summary>The period position (0 = <see cref="From"/>) of each defined point.</summary>
    public int[] Positions { get; }

    public double[] Values { get; }

    public int Count => Values.Length;

    /// <summary>
    /// The power of two the arithmetic runs at: 0 for ordinary magnitudes (the values as they are, so their results
    /// are unchanged to the bit); otherwise the exponent of the largest magnitude, so the scaled values lie in
    /// (−2, 2) and no square or sum of squares overflows or underflows.
    /// </summary>
    public int Exponent { get; }

    /// <summary>The values × 2^−<see cref="Exponent"/> (the same array when the exponent is 0). Scaling by a power of two is exact.</summary>
    public double[] Scaled { get; }

    /// <summary>A result computed from <see cref="Scaled"/>, in the values' units (× 2^<see cref="Exponent"/>).</summary>
    public double Unscale(double scaled) => Math.ScaleB(scaled, Exponent);

    /// <summary>A result computed from <see cref="Scaled"/>, in the values' units, or null when it does not fit in a double.</summary>
    public double? UnscaleOrNull(double scaled) => Finite(Unscale(scaled));

    /// <summary>A value, or null when it is NaN or infinite (undefined: it does not fit in a double).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>
    /// Throws unless max − min fits in a double: then every difference of two values, every slope between them
    /// and every shift between means does too.
    /// </summary>
    public void RequireFiniteRange(string parameterName)
    {
        if (Count == 0)
        {
            return;
        }

        var (min, max) = (Values.Min(), Values.Max());
        if (!double.IsFinite(max - min))
        {
            throw new ArgumentException(
                $"values must span less than the largest double (max − min finite, so that differences and slopes fit); they span {Check.Show(min)} … {Check.Show(max)}",
                parameterName);
        }
    }

    public int Skipped => Length - Count;

    public Period PeriodAt(int point) => From.AddPeriods(Positions[point]);

    public static DefinedSeries Of(IReadOnlyList<double?> values, Period from, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(values, parameterName);
        if (values.Count == 0)
        {
            throw new ArgumentException("a series needs at least one period", parameterName);
        }

        var latest = Period.FromYear(9999).ToGranularity(from.Granularity, atEnd: true);
        if ((long)from.Ordinal + values.Count - 1 > latest.Ordinal)
        {
            throw new ArgumentException($"a series of {values.Count} periods from {from} would run past {latest}, the last period there is", nameof(from));
        }

        var positions = new List<int>(values.Count);
        var defined = new List<double>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"values must be finite or null (undefined); values[{i}] was {v}", parameterName);
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

        // Without a range, the periods in which the dyad is scored (both parties existed): the years before a party
        // existed are not part of its series, and would otherwise count as skipped, unobserved periods.
        var d = scores.IndexOf(dyad);
        bool Active(int p) => d < 0 || scores.InactiveReason(d, p) is null;
        var p0 = from is { } f ? scores.RequirePeriod(f, nameof(from)) : Enumerable.Range(0, scores.PeriodCount).FirstOrDefault(Active, 0);
        var p1 = to is { } t ? scores.RequirePeriod(t, nameof(to)) : Enumerable.Range(0, scores.PeriodCount).Reverse().FirstOrDefault(Active, scores.PeriodCount - 1);
        if (p1 < p0)
        {
            throw new ArgumentException($"the range must not end ({scores.Periods[p1]}) before it starts ({scores.Periods[p0]})", nameof(to));
        }

        return ([.. series.Skip(p0).Take(p1 - p0 + 1)], scores.Periods[p0]);
    }
}
