using Influence.Cases;
using Influence.Scoring;
using Influence.TimeSeries;

namespace Influence.IO;

/// <summary>Writes a <see cref="ChangePointResult"/> as JSON (schema <c>influence.changepoints/1</c>). The same result always gives the same bytes.</summary>
/// <remarks>
/// JSON shape (see <see href="https://github.com/influence-research/influence/blob/main/docs/output-format.md">docs/output-format.md</see>):
/// <code>
/// {"schema":"influence.changepoints/1","case","inputHash","measure","patron","client","granularity","from","to","points","skipped",
///  "evidenceEnds","partialPeriod",
///  "noiseSigma","penalty","smallNoiseWarning","changePoints":[{"period","position","meanBefore","meanAfter","shift","nearPartialPeriod"}],
///  "segments":[{"from","to","points","mean"}],
///  "withoutPartialPeriod":{"points","skipped","noiseSigma","penalty","smallNoiseWarning","changePoints":[…],"segments":[…]}}
/// </code>
/// <c>evidenceEnds</c> is the last day of the case's evidence (<see cref="ScoreSet.EvidenceEnds"/>, null without
/// evidence); <c>partialPeriod</c> the period of the searched range inside which it falls short of the period's end
/// (<see cref="ScoreSet.IsPartial(int)"/>), or null. The search includes that period; a change point's
/// <c>nearPartialPeriod</c> is true when it is that period or one next to it, so that one of the two segments it
/// separates holds the partial value among its first or last. <c>withoutPartialPeriod</c> is the same search (the same
/// options) with the partial period's value left out (counted as skipped), or null when the range holds no partial
/// period; its change points carry <c>nearPartialPeriod</c> by the same rule, though none of its segments holds that value.
/// Change points and segments in time order; <c>position</c> counts periods from <c>from</c> (0 = the first).
/// <c>noiseSigma</c> and <c>penalty</c> are null when undefined (fewer than 2 values), never NaN. <c>smallNoiseWarning</c>
/// is null, or the text of <see cref="ChangePointResult.SmallNoiseWarning"/> (σ below 1% of the series' range). <c>inputHash</c> is
/// <see cref="ScoreSet.InputHash"/> of the scores the series was read from, as in <see cref="TrendWriter"/>.
/// </remarks>
public static class ChangePointWriter
{
    /// <summary>The schema name of the JSON output.</summary>
    public const string Schema = "influence.changepoints/1";

    /// <summary>Writes JSON.</summary>
    /// <param name="result">The change points (from <see cref="ChangePoints.Detect(ScoreSet, string, Dyad, Period?, Period?, ChangePointOptions?)"/>).</param>
    /// <param name="scores">The scores the series was read from (for the case id, the input hash and the measure's name).</param>
    /// <param name="measure">The measure.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="options">
    /// The options <paramref name="result"/> was searched with (null: <see cref="ChangePointOptions.Default"/>, as in
    /// <see cref="ChangePoints.Detect(ScoreSet, string, Dyad, Period?, Period?, ChangePointOptions?)"/>): the search without
    /// the partial period, written under <c>withoutPartialPeriod</c>, uses them too.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The measure was not scored, or <paramref name="result"/> is not what searching the measure of the dyad in
    /// <paramref name="scores"/> over its periods with <paramref name="options"/> gives (a file must not carry the input
    /// hash of scores it did not come from).
    /// </exception>
    public static void WriteJson(ChangePointResult result, ScoreSet scores, string measure, Dyad dyad, Stream stream, ChangePointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scores);
        if (ChangePoints.Detect(scores, measure, dyad, result.From, result.To, options) != result)
        {
            throw new ArgumentException($"the change points are not those {measure} of {dyad} in these scores gives over {result.From}–{result.To} with these options (searched again, they differ): write a result with the scores, measure, dyad and options it was found with", nameof(result));
        }

        var partial = TimeSeries.PartialPeriods.In(scores, result.From, result.To);
        var without = TimeSeries.PartialPeriods.DetectWithout(scores, measure, dyad, result, options);
        TimeSeriesJson.Write(stream, Schema, scores, measure, dyad, (result.From, result.To, result.Points, result.Skipped), w =>
        {
            Search(w, result, partial);
            TimeSeriesJson.WithoutPartialPeriod(w, without, r => (r.Points, r.Skipped), r => Search(w, r, partial));
        });
    }

    /// <summary>Writes <c>noiseSigma</c>, <c>penalty</c>, <c>smallNoiseWarning</c>, <c>changePoints</c> and <c>segments</c>.</summary>
    private static void Search(System.Text.Json.Utf8JsonWriter w, ChangePointResult result, Period? partial)
    {
        TimeSeriesJson.Number(w, "noiseSigma", result.NoiseSigma);
        TimeSeriesJson.Number(w, "penalty", result.Penalty);
        JsonValues.String(w, "smallNoiseWarning", result.SmallNoiseWarning);

        w.WriteStartArray("changePoints");
        foreach (var c in result.ChangePoints)
        {
            w.WriteStartObject();
            w.WriteString("period", c.Period.ToString());
            w.WriteNumber("position", c.Position);
            TimeSeriesJson.Number(w, "meanBefore", c.MeanBefore);
            TimeSeriesJson.Number(w, "meanAfter", c.MeanAfter);
            TimeSeriesJson.Number(w, "shift", c.Shift);
            w.WriteBoolean("nearPartialPeriod", TimeSeries.PartialPeriods.IsNear(c.Period, partial));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("segments");
        foreach (var s in result.Segments)
        {
            w.WriteStartObject();
            w.WriteString("from", s.From.ToString());
            w.WriteString("to", s.To.ToString());
            w.WriteNumber("points", s.Points);
            TimeSeriesJson.Number(w, "mean", s.Mean);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="result">The change points.</param>
    /// <param name="scores">The scores the series was read from.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="options">The options the result was searched with (null: the defaults), for <c>withoutPartialPeriod</c>.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException">The measure was not scored.</exception>
    public static string ToJson(ChangePointResult result, ScoreSet scores, string measure, Dyad dyad, ChangePointOptions? options = null) =>
        JsonValues.Text(stream => WriteJson(result, scores, measure, dyad, stream, options));
}
