using Influence.Cases;
using Influence.Scoring;
using Influence.Theory;

namespace Influence.TimeSeries;

/// <summary>
/// How far back in time one value of a measure reaches, which decides whether consecutive values of its series share
/// evidence (and so are serially dependent): its trailing window, and whether it carries history from before any
/// window (a cumulative or carried-forward quantity).
/// </summary>
/// <param name="Known">Whether the measure is a built-in one, whose reach is known; false for a measure of your own.</param>
/// <param name="Years">The longest trailing window the value rests on, in years, or null when it has none.</param>
/// <param name="Periods">That window in periods of the series' granularity (at least 1), or null when it has none.</param>
/// <param name="CarriesHistory">
/// Whether the value also rests on everything before the window: the duration since the first exchange
/// (endurance), the decayed account of every flow (account balance), the latest capability observation carried
/// forward (asymmetry), the patron's cumulative input (input efficiency).
/// </param>
internal sealed record MeasureWindow(bool Known, double? Years, int? Periods, bool CarriesHistory)
{
    /// <summary>
    /// Whether consecutive values share evidence, so that the Mann–Kendall test corrected for autocorrelation is the
    /// one to read: a window longer than one period, history carried forward, or an unknown (custom) measure.
    /// </summary>
    public bool SharesEvidence => !Known || CarriesHistory || Periods > 1;

    /// <summary>The window of a scored measure at the granularity of the scores.</summary>
    /// <exception cref="ArgumentException">The measure was not scored.</exception>
    public static MeasureWindow Of(ScoreSet scores, string measure)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var m = scores.Measures[scores.RequireMeasure(measure)];
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
        return reach is not { } r
            ? new MeasureWindow(false, null, null, false)
            : new MeasureWindow(true, r.Years, r.Years is { } y ? scores.Granularity.PeriodsIn(y) : null, r.History);
    }
}

/// <summary>What the trend and change-point outputs say about the period inside which the case's evidence ends.</summary>
internal static class PartialPeriods
{
    /// <summary>
    /// The period of <paramref name="from"/> … <paramref name="to"/> inside which the case's evidence ends short of the
    /// period's own end (<see cref="ScoreSet.IsPartial"/>), or null when the range holds none.
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
        if (In(scores, trend.From, trend.To) is not { } partial)
        {
            return null;
        }

        var (values, start) = DefinedSeries.FromScores(scores, measure, dyad, trend.From, trend.To);
        var masked = values.ToArray();
        masked[partial.PeriodsSince(start)] = null;
        return Trends.Fit(masked, start, trend.Level);
    }

    /// <summary>
    /// The change points over the same range as <paramref name="result"/> with the partial period's value left out (as
    /// in <see cref="FitWithout"/>), searched with the same options; null when the range holds no partial period.
    /// </summary>
    public static ChangePointResult? DetectWithout(ScoreSet scores, string measure, Dyad dyad, ChangePointResult result, ChangePointOptions? options)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (In(scores, result.From, result.To) is not { } partial)
        {
            return null;
        }

        var (values, start) = DefinedSeries.FromScores(scores, measure, dyad, result.From, result.To);
        var masked = values.ToArray();
        masked[partial.PeriodsSince(start)] = null;
        return ChangePoints.Detect(masked, start, options);
    }
}
