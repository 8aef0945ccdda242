using Influence.Internal;
using Influence.Scoring;

namespace Influence.IO;

/// <summary>Writes an <see cref="Explanation"/> as JSON (schema <c>influence.explanation/1</c>), for tools and charts.</summary>
/// <remarks>
/// <code>
/// {"schema":"influence.explanation/1","case","inputHash",["intervals":{"method","draws","seed","level"},]"patron",
///  "client","period","measure","value",["low","high" | "stateShares":{…} | "patronClientShare":{…},]"notScored",
///  "reason","verdict","rule","formula","citation","valueWithoutAll","jointEffect",
///  "contributions":[{"evidence","kind","date","confidence","term","weight","valueWithout","effect",
///                    "sources":[{"id","citation","url"}],"note"}],
///  "sources":[{"id","citation","url"}]}
/// </code>
/// Numbers are written shortest round-trip; a missing value is null (never NaN). <c>notScored</c> is the reason when
/// the dyad is not scored in the period (one of its parties did not exist), else null. <c>reason</c> says why a
/// measure's value is undefined (<see cref="Explanation.Reason"/>): a string exactly when <c>value</c> is null for a
/// measure, null when it is defined; an undefined value's contributions are the items the measure read, each with
/// <c>effect</c> null (there is no value to move) and <c>valueWithout</c> null unless the value would be defined
/// without that item. <c>verdict</c> and <c>rule</c> are strings only when <c>measure</c> is
/// <c>state</c> or <c>patronClient</c> (a verdict: <c>value</c> and <c>reason</c> null, no contributions), else null. <c>date</c> is the item's date
/// as in a case file (<c>2024</c>, <c>2024-03</c>, <c>2024-03-05</c>) or a span as <c>start..end</c>; <c>kind</c> and
/// <c>confidence</c> use the case format's names. Contributions are in the explanation's order (those the value rests on first, then largest effect first).
/// The root's <c>sources</c>, after <c>contributions</c>, is <see cref="Explanation.Sources"/>: every source the
/// contributions cite, once, in the order first cited (a bibliography; empty when there are no contributions).
/// The bracketed keys are written only with draws (<see cref="ToJson(Explanation, ScoreSet, ScoreSet?)"/>); they are
/// those of the scores JSON, so that the two read alike. The same explanation always gives the same bytes.
/// </remarks>
public static class ExplanationWriter
{
    /// <summary>The schema name.</summary>
    public const string Schema = "influence.explanation/1";

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="scores">The scores it explains a value of (for the case, the input hash and whether the dyad was scored).</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException">The explanation's dyad or period was not scored in <paramref name="scores"/>.</exception>
    public static string ToJson(Explanation explanation, ScoreSet scores) => ToJson(explanation, scores, null);

    /// <summary>
    /// Writes JSON to a string, with the value's interval, or the verdict's shares of the draws, from
    /// <paramref name="drawn"/>: the same scores with intervals from draws (<see cref="Uncertainty.Intervals.Compute(ScoreSet, Uncertainty.IntervalOptions?)"/>).
    /// </summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="scores">The scores it explains a value of (for the case, the input hash and whether the dyad was scored).</param>
    /// <param name="drawn">
    /// The scores with intervals from draws, or null for none. With draws the root carries <c>"intervals"</c> (method,
    /// draws, seed, level) as the scores JSON does, and after <c>value</c>: for a measure <c>"low"</c> and
    /// <c>"high"</c> (null where no draw defined the value), for the relationship state <c>"stateShares"</c>, for the
    /// patron–client test <c>"patronClientShare"</c>, each as in the scores JSON.
    /// </param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentException">
    /// The explanation's dyad or period was not scored in <paramref name="scores"/> or in <paramref name="drawn"/>, or
    /// <paramref name="drawn"/> has no intervals from draws, or is of another case or options (another input hash).
    /// </exception>
    public static string ToJson(Explanation explanation, ScoreSet scores, ScoreSet? drawn)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(scores);
        var notScored = scores.InactiveReason(scores.RequireDyad(explanation.Dyad), scores.RequirePeriod(explanation.Period));
        if (drawn is not null && (drawn.IntervalSource is null || drawn.InputHash != scores.InputHash))
        {
            throw new ArgumentException(
                drawn.IntervalSource is null
                    ? "the scores given for the draws have no intervals from draws (Intervals.Compute gives them)"
                    : "the scores given for the draws are of another case or options than the scores explained (their input hashes differ)",
                nameof(drawn));
        }

        var (d, p) = drawn is null ? (-1, -1) : (drawn.RequireDyad(explanation.Dyad), drawn.RequirePeriod(explanation.Period));
        return JsonValues.Text(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("case", scores.Case.Id);
            w.WriteString("inputHash", scores.InputHash);
            JsonValues.EvidenceEnds(w, scores.Case);
            if (drawn is not null)
            {
                ScoreWriter.WriteIntervalSource(w, drawn);
            }

            w.WriteString("patron", explanation.Dyad.Patron);
            w.WriteString("client", explanation.Dyad.Client);
            w.WriteString("period", explanation.Period.ToString());
            w.WriteString("measure", explanation.Measure);
            w.WriteBoolean("partial", scores.IsPartial(scores.RequirePeriod(explanation.Period)));
            JsonValues.Number(w, "value", explanation.Value);
            if (drawn is not null)
            {
                WriteDraws(w, explanation, drawn, d, p);
            }
            else if (explanation.Verdict is null)
            {
                // Without draws a measure's own interval (input efficiency's regression interval), null for the rest.
                WriteInterval(w, explanation, scores, scores.RequireDyad(explanation.Dyad), scores.RequirePeriod(explanation.Period));
            }

            JsonValues.String(w, "notScored", notScored);
            JsonValues.String(w, "reason", explanation.Reason);
            JsonValues.String(w, "verdict", explanation.Verdict);
            JsonValues.String(w, "rule", explanation.Rule);
            w.WriteString("formula", explanation.Formula);
            w.WriteString("citation", explanation.Citation);
            JsonValues.Number(w, "valueWithoutAll", explanation.ValueWithoutAll);
            JsonValues.Number(w, "jointEffect", explanation.JointEffect);
            w.WriteStartArray("contributions");
            foreach (var c in explanation.Contributions)
            {
                w.WriteStartObject();
                w.WriteString("evidence", c.EvidenceId);
                w.WriteString("kind", Names.Kind[c.Kind]);
                w.WriteString("date", c.Date.ToString());
                w.WriteString("confidence", Names.Confidence[c.Confidence]);
                w.WriteString("term", c.Term);
                w.WriteNumber("weight", c.Weight);
                JsonValues.Number(w, "valueWithout", c.ValueWithout);
                JsonValues.Number(w, "effect", c.Effect);
                WriteSources(w, c.Sources);
                JsonValues.String(w, "note", c.Note);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteSources(w, explanation.Sources);
            w.WriteEndObject();
        });
    }

    /// <summary>A measure's interval from the draws, or a verdict's shares of them.</summary>
    private static void WriteDraws(System.Text.Json.Utf8JsonWriter w, Explanation explanation, ScoreSet drawn, int d, int p)
    {
        if (explanation.Measure == Explainer.State && explanation.Verdict is not null)
        {
            ScoreWriter.WriteStateShares(w, drawn, d, p);
        }
        else if (explanation.Measure == Explainer.PatronClient && explanation.Verdict is not null)
        {
            ScoreWriter.WritePatronClientShare(w, drawn, d, p);
        }
        else
        {
            WriteInterval(w, explanation, drawn, d, p);
        }
    }

    /// <summary>A measure's <c>low</c> and <c>high</c> in <paramref name="scores"/>, null where no interval was computed.</summary>
    private static void WriteInterval(System.Text.Json.Utf8JsonWriter w, Explanation explanation, ScoreSet scores, int d, int p)
    {
        var m = scores.RequireMeasure(explanation.Measure);
        var has = scores.HasInterval(m, d, p);
        var score = scores.Get(m, d, p);
        JsonValues.Number(w, "low", has ? score.Low : null);
        JsonValues.Number(w, "high", has ? score.High : null);
    }

    private static void WriteSources(System.Text.Json.Utf8JsonWriter w, IEnumerable<Cases.Source> sources)
    {
        w.WriteStartArray("sources");
        foreach (var s in sources)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("citation", s.Citation);
            JsonValues.String(w, "url", s.Url);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
