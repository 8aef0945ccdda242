using System.Text.Json;
using Influence.Cases;
using Influence.Internal;
using Influence.Uncertainty;

namespace Influence.IO;

/// <summary>
/// Writes what <c>influence sensitivity</c> reports for one period as JSON (schema <c>influence.sensitivity/1</c>):
/// tornado tables (<see cref="Sensitivity.Tornadoes"/>) and what flips each verdict (<see cref="Sensitivity.WhatFlips"/>).
/// The same input always gives the same bytes.
/// </summary>
/// <remarks>
/// JSON shape (see <see href="https://github.com/influence-research/influence/blob/main/docs/output-format.md">docs/output-format.md</see>):
/// <code>
/// {"schema":"influence.sensitivity/1","case","inputHash","patron","client","period","notScored",
///  "tornadoes":[{"measure","value","rows":[{"option","kind","setting","low","high","valueAtLow","valueAtHigh","swing"}]}],
///  "flips":[{"verdict":"state"|"patronClient","current","rule","note",
///   "evidence":{"remove":[{"id","kind","from","to","date","confidence","note","sources":[{"id","citation"}]}],"smallestSet","verdictWithout"},
///   "options":[{"option","kind","from","to","distance","newVerdict"}]}]}
/// </code>
/// <c>notScored</c> is why the dyad is not scored in the period (a party did not exist then), or null. Values that are
/// undefined are null, never NaN. Tornado rows come largest swing first, every option listed (those with swing 0
/// too); option flips nearest first, all of them. <c>inputHash</c> is the hash of the case and the options analysed
/// (<see cref="Scoring.Reproducibility.InputHash"/>), the score output's for the same case and options.
/// </remarks>
public static class SensitivityWriter
{
    /// <summary>The schema name of the JSON output.</summary>
    public const string Schema = "influence.sensitivity/1";

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="case">The case analysed.</param>
    /// <param name="inputHash">The hash of the case and the options analysed.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <param name="notScored">Why the dyad is not scored in the period (<see cref="Scoring.ScoreSet.InactiveReason"/>), or null.</param>
    /// <param name="tornadoes">The tornado tables.</param>
    /// <param name="flips">What flips each verdict.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(Case @case, string inputHash, Dyad dyad, Period period, string? notScored, IEnumerable<Tornado> tornadoes, IEnumerable<VerdictFlip> flips)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(inputHash);
        ArgumentNullException.ThrowIfNull(tornadoes);
        ArgumentNullException.ThrowIfNull(flips);
        return JsonValues.Text(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("case", @case.Id);
            w.WriteString("inputHash", inputHash);
            w.WriteString("patron", dyad.Patron);
            w.WriteString("client", dyad.Client);
            w.WriteString("period", period.ToString());
            JsonValues.EvidenceEnds(w, @case);
            w.WriteBoolean("partial", @case.EndsInside(period));
            JsonValues.String(w, "notScored", notScored);
            w.WriteStartArray("tornadoes");
            foreach (var t in tornadoes)
            {
                w.WriteStartObject();
                w.WriteString("measure", t.Measure);
                Number(w, "value", t.Value);
                w.WriteStartArray("rows");
                foreach (var r in t.Rows)
                {
                    w.WriteStartObject();
                    w.WriteString("option", r.Option);
                    w.WriteString("kind", KindName(r.Kind));
                    Number(w, "setting", r.Setting);
                    Number(w, "low", r.LowSetting);
                    Number(w, "high", r.HighSetting);
                    Number(w, "valueAtLow", r.ValueAtLow);
                    Number(w, "valueAtHigh", r.ValueAtHigh);
                    Number(w, "swing", r.Swing);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("flips");
            foreach (var f in flips)
            {
                Flip(w, @case, f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The dyad party a faction's item counts for (<see cref="Case.CountsFor"/>), null for a party itself or an outsider.</summary>
    private static string? CountsFor(Case @case, string? actor, Dyad dyad) =>
        actor is not null && @case.CountsFor(actor, dyad) is { IsEmpty: false } chain ? chain[^1] : null;

    private static void Flip(Utf8JsonWriter w, Case @case, VerdictFlip f)
    {
        w.WriteStartObject();
        w.WriteString("verdict", f.Verdict == Verdict.State ? "state" : "patronClient");
        w.WriteString("current", f.Current);
        w.WriteString("rule", f.Rule);
        JsonValues.String(w, "note", f.Note);
        w.WriteStartObject("evidence");
        w.WriteStartArray("remove");
        foreach (var e in f.EvidenceToRemove)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("kind", Names.Kind[e.Kind]);
            JsonValues.String(w, "from", e.From);
            JsonValues.String(w, "to", e.To);
            JsonValues.String(w, "fromCountsFor", CountsFor(@case, e.From, f.Dyad));
            JsonValues.String(w, "toCountsFor", CountsFor(@case, e.To, f.Dyad));
            w.WriteString("date", e.Date.ToString());
            w.WriteString("confidence", Names.Confidence[e.Confidence]);
            JsonValues.String(w, "note", e.Note);
            w.WriteStartArray("sources");
            foreach (var s in e.Sources)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("citation", s.Citation);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("smallestSet", f.IsSmallestSet);
        JsonValues.String(w, "verdictWithout", f.VerdictWithoutEvidence);
        w.WriteEndObject();
        w.WriteStartArray("options");
        foreach (var o in f.OptionChanges)
        {
            w.WriteStartObject();
            w.WriteString("option", o.Option);
            w.WriteString("kind", KindName(o.Kind));
            Number(w, "from", o.From);
            Number(w, "to", o.To);
            Number(w, "distance", o.Distance);
            w.WriteString("newVerdict", o.NewVerdict);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value) =>
        JsonValues.Number(w, name, value is { } v && double.IsFinite(v) ? v : null);

    private static string KindName(OptionKind kind) => kind switch
    {
        OptionKind.Scale => "scale",
        OptionKind.Weight => "weight",
        OptionKind.Window => "window",
        _ => "threshold",
    };
}
