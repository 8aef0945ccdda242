using Influence.Cases;
using Influence.Scoring;
using Influence.Theory;

namespace Influence.TimeSeries;

/// <summary>
/// How far back in time one value of a measure reaches, and whether its evidence items reach over several periods,
/// which together decide whether consecutive values of its series share evidence (and so are serially dependent): its
/// trailing window, whether it carries history from before any window (a cumulative or carried-forward quantity), and
/// how many of the items the series reads are spans that count in more than one of its periods.
/// </summary>
/// <param name="Known">Whether the measure is a built-in one, whose reach is known; false for a measure of your own.</param>
/// <param name="Years">The longest trailing window the value rests on, in years, or null when it has none.</param>
/// <param name="Periods">That window in periods of the series' granularity (at least 1), or null when it has none.</param>
/// <param name="CarriesHistory">
/// Whether the value also rests on everything before the window: the duration since the first exchange
/// (endurance), the decayed account of every flow (account balance), the latest capability observation carried
/// forward (asymmetry), the patron's cumulative input (input efficiency).
/// </param>
/// <param name="ItemsRead">
/// The distinct evidence items the measure traced for the dyad in any period of the series' range (null for a measure
/// of your own, whose trace is not relied on).
/// </param>
/// <param name="SpanningItems">
/// How many of <paramref name="ItemsRead"/> have a date that covers more than one period of the range (a span counts
/// in every period it covers, so two values can rest on the same item); null for a measure of your own.
/// </param>
internal sealed record MeasureWindow(bool Known, double? Years, int? Periods, bool CarriesHistory, int? ItemsRead = null, int? SpanningItems = null)
{
    /// <summary>
    /// Whether consecutive values share evidence, so that the Mann–Kendall test corrected for autocorrelation is the
    /// one to read: a window longer than one period, history carried forward, an item read that covers more than one
    /// period of the range, or an unknown (custom) measure.
    /// </summary>
    public bool SharesEvidence => !Known || CarriesHistory || Periods > 1 || SpanningItems > 0;

    /// <summary>
    /// The window of a scored measure at the granularity of the scores, with the items it reads for one dyad over
    /// <paramref name="from"/> … <paramref name="to"/> (from its <see cref="Measure.Trace"/> in each period).
    /// </summary>
    /// <exception cref="ArgumentException">The measure, the dyad or a period was not scored.</exception>
    public static MeasureWindow Of(ScoreSet scores, string measure, Dyad dyad, Period from, Period to)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var mi = scores.RequireMeasure(measure);
        var m = scores.Measures[mi];
        var o = scores.Options;
        (double? Years, bool History)? reach = m switch
        {
            Exchange => (Math.Max(o.Exchange.ReciprocityWindowYears, o.Exchange.VolumeWindowYears), false),
            PowerAsymmetry => (null, true),
            Conflict or ConflictByPatron or ConflictByClient => (o.Conflict.WindowYears, false),
            DiffuseObligation => (o.DiffuseObligation.VariabilityWindowYears, false),
            Endurance => (o.Endurance.ContinuityWindowYears, true),
            AccountBalance => (null, true),
            Attainment => (o.Attainment.LookbackYears, false),
            Compliance or IssueSpecificity => (o.Compliance.WindowYears, false),
            CounterReaction => (o.CounterReaction.LagYears + o.CounterReaction.BaselineYears, false),
            InputEfficiency => (o.InputEfficiency.WindowYears, true),
            Presence => (o.Presence.WindowYears, false),
            PresenceInfluenceGap => (Math.Max(o.Presence.WindowYears, Math.Max(o.Attainment.LookbackYears, o.Compliance.WindowYears)), false),
            ClientAgency => (Math.Max(o.Compliance.WindowYears, Math.Max(o.Conflict.WindowYears, o.Exchange.ReciprocityWindowYears)), false),
            PatronShare or AlternativePatrons or SupplierConcentration or DependenceAsymmetry => (o.Exchange.ReciprocityWindowYears, false),
            Brokerage or ReverseLeverage => (o.Multilateral.NetworkWindowYears, false),
            _ => null,
        };
        if (reach is not { } r)
        {
            return new MeasureWindow(false, null, null, false);
        }

        var (read, spanning) = ItemsOver(scores, mi, dyad, from, to);
        return new MeasureWindow(true, r.Years, r.Years is { } y ? scores.Granularity.PeriodsIn(y) : null, r.History, read, spanning);
    }

    /// <summary>
    /// The distinct items a measure traced for a dyad in the periods <paramref name="from"/> … <paramref name="to"/>,
    /// and how many of them have a date covering more than one of those periods.
    /// </summary>
    private static (int Read, int Spanning) ItemsOver(ScoreSet scores, int measure, Dyad dyad, Period from, Period to)
    {
        var d = scores.RequireDyad(dyad);
        var (p0, p1) = (scores.RequirePeriod(from, nameof(from)), scores.RequirePeriod(to, nameof(to)));
        var rows = new SortedSet<int>();
        for (var p = p0; p <= p1; p++)
        {
            foreach (var use in scores.Trace(measure, d, p))
            {
                rows.Add(use.Row);
            }
        }

        var evidence = scores.Case.Evidence;
        var granularity = from.Granularity;
        var spanning = 0;
        foreach (var row in rows)
        {
            var date = evidence[row].Date;
            var first = Period.Containing(granularity, date.First);
            var last = Period.Containing(granularity, date.Last);
            var a = first > from ? first : from;
            var b = last < to ? last : to;
            if (a < b)
            {
                spanning++;
            }
        }

        return (rows.Count, spanning);
    }
}

/// <summary>What the trend and change-point outputs say about the period inside which the case's evidence ends.</summary>
internal static class PartialPeriods
{
    /// <summary>
    /// The period of <paramref name="from"/> … <paramref name="to"/> inside which the case's evidence ends short of the
    /// period's own end (<see cref="ScoreSet.IsPartial(int)"/>), or null when the range holds none.
    /// </summary>
    public static Period? In(ScoreSet scores, Period from, Period to)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var (p0, p1) = (scores.Periods.IndexOf(from), scores.Periods.IndexOf(to));
        if (p0 < 0 || p1 < 0)
        {
            return null;
        }

        for (var p = p0; p <= p1; p++)
        {
            if (scores.IsPartial(p))
            {
                return scores.Periods[p];
            }
        }

        return null;
    }

    /// <summary>Whether a period is the partial period or one next to it (false when there is none).</summary>
    public static bool IsNear(Period period, Period? partial) =>
        partial is { } p && Math.Abs(period.PeriodsSince(p)) <= 1;

    /// <summary>
    /// The trend over the same range as <paramref name="trend"/>, with the partial period's value left out (as if
    /// undefined: it counts as skipped, and every other value keeps its position); null when the range holds no
    /// partial period. When the partial period is the range's last, the slopes and tests are those of the range
    /// ending the period before.
    /// </summary>
    public static TrendResult? FitWithout(ScoreSet scores, string measure, Dyad dyad, TrendResult trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return WithoutPartial(scores, measure, dyad, trend.From, trend.To) is { } series ? Trends.Fit(series.Values, series.Start, trend.Level) : null;
    }

    /// <summary>
    /// The change points over the same range as <paramref name="result"/> with the partial period's value left out (as
    /// in <see cref="FitWithout"/>), searched with the same options; null when the range holds no partial period.
    /// </summary>
    public static ChangePointResult? DetectWithout(ScoreSet scores, string measure, Dyad dyad, ChangePointResult result, ChangePointOptions? options)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithoutPartial(scores, measure, dyad, result.From, result.To) is { } series ? ChangePoints.Detect(series.Values, series.Start, options) : null;
    }

    /// <summary>The series from … to with the partial period's value left out (null there), or null when the range holds none.</summary>
    private static (double?[] Values, Period Start)? WithoutPartial(ScoreSet scores, string measure, Dyad dyad, Period from, Period to)
    {
        if (In(scores, from, to) is not { } partial)
        {
            return null;
        }

        var (values, start) = DefinedSeries.FromScores(scores, measure, dyad, from, to);
        var masked = values.ToArray();
        masked[partial.PeriodsSince(start)] = null;
        return (masked, start);
    }
}
