using Influence.Cases;

namespace Influence.Scoring;

/// <summary>A measure's series over a range of periods, summarised over the periods where it is defined.</summary>
/// <param name="Measure">The measure's name.</param>
/// <param name="Dyad">The dyad.</param>
/// <param name="From">The first period of the range.</param>
/// <param name="To">The last period of the range.</param>
/// <param name="Mean">The mean of the defined values, or null when none is defined.</param>
/// <param name="Min">The smallest defined value, or null.</param>
/// <param name="Max">The largest defined value, or null.</param>
/// <param name="Defined">How many periods of the range have a value.</param>
/// <param name="Periods">How many periods the range has.</param>
public sealed record SeriesSummary(string Measure, Dyad Dyad, Period From, Period To, double? Mean, double? Min, double? Max, int Defined, int Periods);

/// <summary>Summaries of a <see cref="ScoreSet"/> over ranges of periods: what findings are stated in.</summary>
public static class ScoreSetSummaries
{
    /// <summary>Summarises a measure over periods <paramref name="from"/> … <paramref name="to"/> (inclusive).</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="measure">The measure name.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="from">The first period.</param>
    /// <param name="to">The last period.</param>
    /// <returns>The summary; undefined periods are left out of mean, min and max (never counted as 0).</returns>
    /// <exception cref="ArgumentException">The measure, dyad or a period was not scored, or the range is reversed.</exception>
    public static SeriesSummary Summarise(this ScoreSet scores, string measure, Dyad dyad, Period from, Period to)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var m = scores.RequireMeasure(measure);
        var d = scores.RequireDyad(dyad);
        var p0 = scores.RequirePeriod(from, nameof(from));
        var p1 = scores.RequirePeriod(to, nameof(to));
        if (p1 < p0)
        {
            throw new ArgumentException($"the range must not end ({to}) before it starts ({from})", nameof(to));
        }

        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var n = 0;
        for (var p = p0; p <= p1; p++)
        {
            if (scores.Get(m, d, p).Value is { } v)
            {
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                n++;
            }
        }

        return n == 0
            ? new SeriesSummary(scores.Measures[m].Name, dyad, from, to, null, null, null, 0, p1 - p0 + 1)
            : new SeriesSummary(scores.Measures[m].Name, dyad, from, to, sum / n, min, max, n, p1 - p0 + 1);
    }

    /// <summary>
    /// Counts the periods of a range in which the patron–client test holds, fails, or cannot be decided (named as
    /// <see cref="Scoring.PatronClientShares"/> names the shares of draws).
    /// </summary>
    /// <param name="scores">The scores.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="from">The first period.</param>
    /// <param name="to">The last period.</param>
    /// <returns>(holds, fails, undetermined): the periods in which <see cref="PatronClientVerdict.IsPatronClient"/> is true, false, or null (which includes the periods the dyad is not scored in).</returns>
    public static (int Holds, int Fails, int Undetermined) PatronClientCounts(this ScoreSet scores, Dyad dyad, Period from, Period to)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var d = scores.RequireDyad(dyad);
        var p0 = scores.RequirePeriod(from, nameof(from));
        var p1 = scores.RequirePeriod(to, nameof(to));
        int holds = 0, fail = 0, none = 0;
        for (var p = p0; p <= p1; p++)
        {
            switch (scores.PatronClient(d, p).IsPatronClient)
            {
                case true:
                    holds++;
                    break;
                case false:
                    fail++;
                    break;
                default:
                    none++;
                    break;
            }
        }

        return (holds, fail, none);
    }
}
