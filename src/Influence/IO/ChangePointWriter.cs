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
///  "segments":[{"from","to","points","mean"}]}
/// </code>
/// <c>evidenceEnds</c> is the last day of the case's evidence (<see cref="ScoreSet.EvidenceEnds"/>, null without
/// evidence); <c>partialPeriod</c> the period of the searched range inside which it falls short of the period's end
/// (<see cref="ScoreSet.IsPartial"/>), or null. The search includes that period; a change point's
/// <c>nearPartialPeriod</c> is true when it is that period or one next to it, so that one of the two segments it
/// separates holds the partial value among its first or last.
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
    /// <exception cref="ArgumentException">The measure was not scored.</exception>
    public static void WriteJson(ChangePointResult result, ScoreSet scores, string measure, Dyad dyad, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        var partial = TimeSeries.PartialPeriods.In(scores, result.From, result.To);
        TimeSeriesJson.Write(stream, Schema, scores, measure, dyad, (result.From, result.To, result.Points, result.Skipped), w =>
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
        });
    }

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="result">The change points.</param>
    /// <param name="scores">The scores the series was read from.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="dyad">The dyad.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException">The measure was not scored.</exception>
    public static string ToJson(ChangePointResult result, ScoreSet scores, string measure, Dyad dyad) =>
        JsonValues.Text(stream => WriteJson(result, scores, measure, dyad, stream));
}
