using Influence.Cases;
using Influence.Scoring;
using Influence.TimeSeries;

namespace Influence.IO;

/// <summary>Writes a <see cref="TrendResult"/> as JSON (schema <c>influence.trend/1</c>). The same trend always gives the same bytes.</summary>
/// <remarks>
/// JSON shape (see <see href="https://github.com/influence-research/influence/blob/main/docs/output-format.md">docs/output-format.md</see>):
/// <code>
/// {"schema":"influence.trend/1","case","inputHash","measure","patron","client","granularity","from","to","points","skipped",
///  "evidenceEnds","partialPeriod",
///  "level","periodsPerYear","windowYears","windowPeriods","carriesHistory","itemsRead","spanningItems","readPValue",
///  "leastSquares":{"slope","slopeLow","slopeHigh","intercept","rSquared"},
///  "mannKendall":{"points","s","varianceS","z","pValue","exact","tau","senSlope","senSlopeLow","senSlopeHigh",
///   "corrected":{"method","factor","significantLags","varianceS","z","pValue","undefined"}},
///  "withoutPartialPeriod":{"points","skipped","leastSquares":{…},"mannKendall":{…}}}
/// </code>
/// <c>evidenceEnds</c> is the last day of the case's evidence (<see cref="ScoreSet.EvidenceEnds"/>, null without
/// evidence); <c>partialPeriod</c> the period of the range inside which it falls short of the period's end
/// (<see cref="ScoreSet.IsPartial(int)"/>), or null. The fit includes that period; <c>withoutPartialPeriod</c> is the
/// same fit with its value left out (counted as skipped), or null when the range holds no partial period.
/// <c>windowYears</c> and <c>windowPeriods</c> are the longest trailing window the measure's value rests on (null
/// when it has none, and for a measure of your own); <c>carriesHistory</c> is true when the value also rests on all
/// that came before (a cumulative or carried-forward quantity), null for a measure of your own; <c>itemsRead</c> is the
/// number of distinct evidence items the measure traced for the dyad in the range's periods, and <c>spanningItems</c>
/// how many of them have a date covering more than one period of the range (both null for a measure of your own);
/// <c>readPValue</c> names the p-value to read: the corrected one when consecutive values share evidence (a window of
/// more than one period, carried history, an item read that spans more than one period, or a measure of your own),
/// else the classic one.
/// <c>corrected</c> is the Mann–Kendall test with Var(S) corrected for autocorrelation (Hamed and Rao 1998,
/// <see cref="HamedRaoCorrection"/>; <c>method</c> is <c>"hamedRao1998"</c>): its numbers are null and <c>undefined</c> says
/// why when the correction is undefined, else <c>undefined</c> is null.
/// Slopes are per period (× <c>periodsPerYear</c> for per year). A statistic that is undefined is null, never NaN;
/// <c>mannKendall</c> is null with fewer than 3 defined values. <c>pValue</c> is the exact double
/// (<see cref="MannKendallTest.PValue"/>), not rounded as the text output rounds it. <c>inputHash</c> is
/// <see cref="ScoreSet.InputHash"/> of the scores the series was read from: the score output's hash for the same
/// case and options; the measure, the dyad and the range are written beside it.
/// </remarks>
public static class TrendWriter
{
    /// <summary>The schema name of the JSON output.</summary>
    public const string Schema = "influence.trend/1";

    /// <summary>Writes JSON.</summary>
    /// <param name="trend">The trend (from <see cref="Trends.Fit(ScoreSet, string, Dyad, Period?, Period?, double)"/>).</param>
    /// <param name="scores">The scores the trend was fitted to (for the case id, the input hash and the measure's name).</param>
    /// <param name="measure">The measure.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="stream">The stream (left open).</param>
    /// <exception cref="ArgumentException">
    /// The measure was not scored, or <paramref name="trend"/> is not what fitting the measure of the dyad in
    /// <paramref name="scores"/> over its periods gives (a file must not carry the input hash of scores it did not come from).
    /// </exception>
    public static void WriteJson(TrendResult trend, ScoreSet scores, string measure, Dyad dyad, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(scores);
        if (Trends.Fit(scores, measure, dyad, trend.From, trend.To, trend.Level) != trend)
        {
            throw new ArgumentException($"the trend is not the one {measure} of {dyad} in these scores gives over {trend.From}–{trend.To} (fitted again, it differs): write a trend with the scores, measure and dyad it was fitted to", nameof(trend));
        }

        var window = MeasureWindow.Of(scores, measure, dyad, trend.From, trend.To);
        var without = PartialPeriods.FitWithout(scores, measure, dyad, trend);
        TimeSeriesJson.Write(stream, Schema, scores, measure, dyad, (trend.From, trend.To, trend.Points, trend.Skipped), w =>
        {
            w.WriteNumber("level", trend.Level);
            w.WriteNumber("periodsPerYear", trend.PeriodsPerYear);
            TimeSeriesJson.Number(w, "windowYears", window.Years);
            JsonValues.Number(w, "windowPeriods", window.Periods);
            if (window.Known)
            {
                w.WriteBoolean("carriesHistory", window.CarriesHistory);
            }
            else
            {
                w.WriteNull("carriesHistory");
            }

            JsonValues.Number(w, "itemsRead", window.ItemsRead);
            JsonValues.Number(w, "spanningItems", window.SpanningItems);

            w.WriteString("readPValue", window.SharesEvidence ? "mannKendall.corrected.pValue" : "mannKendall.pValue");
            Statistics(w, trend);
            TimeSeriesJson.WithoutPartialPeriod(w, without, r => (r.Points, r.Skipped), r => Statistics(w, r));
        });
    }

    /// <summary>Writes <c>leastSquares</c> and <c>mannKendall</c>.</summary>
    private static void Statistics(System.Text.Json.Utf8JsonWriter w, TrendResult trend)
    {
        w.WriteStartObject("leastSquares");
        TimeSeriesJson.Number(w, "slope", trend.Slope);
        TimeSeriesJson.Number(w, "slopeLow", trend.SlopeLow);
        TimeSeriesJson.Number(w, "slopeHigh", trend.SlopeHigh);
        TimeSeriesJson.Number(w, "intercept", trend.Intercept);
        TimeSeriesJson.Number(w, "rSquared", trend.RSquared);
        w.WriteEndObject();
        if (trend.MannKendall is not { } mk)
        {
            w.WriteNull("mannKendall");
            return;
        }

        w.WriteStartObject("mannKendall");
        w.WriteNumber("points", mk.Points);
        w.WriteNumber("s", mk.S);
        TimeSeriesJson.Number(w, "varianceS", mk.VarianceS);
        TimeSeriesJson.Number(w, "z", mk.Z);
        TimeSeriesJson.Number(w, "pValue", mk.PValue);
        w.WriteBoolean("exact", mk.IsExact);
        TimeSeriesJson.Number(w, "tau", mk.Tau);
        TimeSeriesJson.Number(w, "senSlope", mk.SenSlope);
        TimeSeriesJson.Number(w, "senSlopeLow", mk.SenSlopeLow);
        TimeSeriesJson.Number(w, "senSlopeHigh", mk.SenSlopeHigh);
        var hr = mk.Corrected;
        w.WriteStartObject("corrected");
        w.WriteString("method", "hamedRao1998");
        TimeSeriesJson.Number(w, "factor", hr.Factor);
        w.WriteNumber("significantLags", hr.SignificantLags);
        TimeSeriesJson.Number(w, "varianceS", hr.VarianceS);
        TimeSeriesJson.Number(w, "z", hr.Z);
        TimeSeriesJson.Number(w, "pValue", hr.PValue);
        JsonValues.String(w, "undefined", hr.Undefined);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="trend">The trend.</param>
    /// <param name="scores">The scores it was fitted to.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="dyad">The dyad.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException">The measure was not scored.</exception>
    public static string ToJson(TrendResult trend, ScoreSet scores, string measure, Dyad dyad) =>
        JsonValues.Text(stream => WriteJson(trend, scores, measure, dyad, stream));
}
