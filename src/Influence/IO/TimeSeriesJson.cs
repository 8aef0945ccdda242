using System.Text.Json;
using Influence.Cases;
using Influence.Scoring;

namespace Influence.IO;

/// <summary>What <see cref="TrendWriter"/> and <see cref="ChangePointWriter"/> share: the header of the series and finite numbers.</summary>
internal static class TimeSeriesJson
{
    /// <summary>
    /// Writes one series result as a JSON object to a stream: the header (<see cref="Header"/>, with the measure's own
    /// name for a short or differently cased one), then what <paramref name="body"/> writes.
    /// </summary>
    /// <exception cref="ArgumentException">The measure was not scored.</exception>
    public static void Write(Stream stream, string schema, ScoreSet scores, string measure, Dyad dyad, (Period From, Period To, int Points, int Skipped) series, Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(stream);
        var name = scores.Measures[scores.RequireMeasure(measure)].Name;
        using var w = new Utf8JsonWriter(stream, JsonValues.Indented);
        w.WriteStartObject();
        Header(w, schema, scores, name, dyad, series.From, series.To, series.Points, series.Skipped);
        body(w);
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes schema, case, inputHash, measure, patron, client, granularity, from, to, points, skipped, evidenceEnds
    /// (the last day of the case's evidence, or null) and partialPeriod (the period of the range inside which the
    /// evidence ends short of the period's end, or null).
    /// </summary>
    public static void Header(Utf8JsonWriter w, string schema, ScoreSet scores, string measure, Dyad dyad, Period from, Period to, int points, int skipped)
    {
        w.WriteString("schema", schema);
        w.WriteString("case", scores.Case.Id);
        w.WriteString("inputHash", scores.InputHash);
        w.WriteString("measure", measure);
        w.WriteString("patron", dyad.Patron);
        w.WriteString("client", dyad.Client);
        w.WriteString("granularity", from.Granularity.ToName());
        w.WriteString("from", from.ToString());
        w.WriteString("to", to.ToString());
        w.WriteNumber("points", points);
        w.WriteNumber("skipped", skipped);
        JsonValues.EvidenceEnds(w, scores.Case);
        JsonValues.String(w, "partialPeriod", TimeSeries.PartialPeriods.In(scores, from, to)?.ToString());
    }

    /// <summary>Writes a number, or null when there is none or it is not finite (never NaN or an infinity).</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value) =>
        JsonValues.Number(w, name, value is { } v && double.IsFinite(v) ? v : null);

    /// <summary>
    /// The <c>withoutPartialPeriod</c> key: null when the range holds no partial period, otherwise an object with the
    /// series' <c>points</c> and <c>skipped</c> and whatever <paramref name="body"/> writes of the result without it.
    /// </summary>
    public static void WithoutPartialPeriod<T>(Utf8JsonWriter w, T? without, Func<T, (int Points, int Skipped)> counts, Action<T> body)
        where T : class
    {
        if (without is null)
        {
            w.WriteNull("withoutPartialPeriod");
            return;
        }

        w.WriteStartObject("withoutPartialPeriod");
        var (points, skipped) = counts(without);
        w.WriteNumber("points", points);
        w.WriteNumber("skipped", skipped);
        body(without);
        w.WriteEndObject();
    }
}
