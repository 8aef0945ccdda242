using Influence.Internal;
using Influence.Scoring;

namespace Influence.IO;

/// <summary>Writes an <see cref="Explanation"/> as JSON (schema <c>influence.explanation/1</c>), for tools and charts.</summary>
/// <remarks>
/// <code>
/// {"schema":"influence.explanation/1","case","inputHash","patron","client","period","measure","value","notScored",
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
/// The same explanation always gives the same bytes.
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
    public static string ToJson(Explanation explanation, ScoreSet scores)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(scores);
        var notScored = scores.InactiveReason(scores.RequireDyad(explanation.Dyad), scores.RequirePeriod(explanation.Period));
        return JsonValues.Text(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("case", scores.Case.Id);
            w.WriteString("inputHash", scores.InputHash);
            w.WriteString("patron", explanation.Dyad.Patron);
            w.WriteString("client", explanation.Dyad.Client);
            w.WriteString("period", explanation.Period.ToString());
            w.WriteString("measure", explanation.Measure);
            JsonValues.Number(w, "value", explanation.Value);
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
