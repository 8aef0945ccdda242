using System.Text.Json;
using Influence.Scoring;

namespace Influence.IO;

/// <summary>Writes a <see cref="ThirdPartyCounterfactual"/> as JSON (schema <c>influence.counterfactual/1</c>).</summary>
/// <remarks>
/// <code>
/// {"schema":"influence.counterfactual/1","case","inputHash","patron","client","without","evidenceEnds","evidenceRemoved":[ids],
///  "periods":[{"period","partial","notScored","patronShare":{"with","without","effect"},"alternativePatrons":{…},"supplierConcentration":{…},
///   "brokerage":{…},"state":{"with","without","changed","ruleWith","ruleWithout"}}]}
/// </code>
/// effect = with − without (null when either is undefined). <c>evidenceEnds</c> is the last day of the case's evidence
/// (<see cref="ThirdPartyCounterfactual.EvidenceEnds"/>, or null) and a period's <c>partial</c> is true in the period
/// inside which it ends (<see cref="CounterfactualPeriod.Partial"/>), as in the scores (<c>influence.scores/2</c>). <c>inputHash</c> is
/// <see cref="ThirdPartyCounterfactual.InputHash"/>: the hash of the scoring with every item (the whole case and the
/// options), the same as the score output's for the same case and options (null for a counterfactual built by hand
/// without one); the dyad, the third party and the periods are written beside it. The same input always gives the
/// same bytes.
/// </remarks>
public static class CounterfactualWriter
{
    /// <summary>The schema name.</summary>
    public const string Schema = "influence.counterfactual/1";

    /// <summary>Writes JSON to a string.</summary>
    /// <param name="counterfactual">The counterfactual.</param>
    /// <param name="caseId">The case id written beside it.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(ThirdPartyCounterfactual counterfactual, string caseId)
    {
        ArgumentNullException.ThrowIfNull(counterfactual);
        ArgumentNullException.ThrowIfNull(caseId);
        return JsonValues.Text(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("case", caseId);
            if (counterfactual.InputHash is { } hash)
            {
                w.WriteString("inputHash", hash);
            }
            else
            {
                w.WriteNull("inputHash");
            }

            w.WriteString("patron", counterfactual.Dyad.Patron);
            w.WriteString("client", counterfactual.Dyad.Client);
            w.WriteString("without", counterfactual.ThirdParty);
            JsonValues.String(w, "evidenceEnds", counterfactual.EvidenceEnds?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartArray("evidenceRemoved");
            foreach (var id in counterfactual.EvidenceRemoved)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteStartArray("periods");
            foreach (var p in counterfactual.Periods)
            {
                w.WriteStartObject();
                w.WriteString("period", p.Period.ToString());
                w.WriteBoolean("partial", p.Partial);
                w.WriteString("notScored", p.NotScored);
                Change(w, "patronShare", p.PatronShare);
                Change(w, "alternativePatrons", p.AlternativePatrons);
                Change(w, "supplierConcentration", p.SupplierConcentration);
                Change(w, "brokerage", p.Brokerage);
                w.WriteStartObject("state");
                State(w, "with", p.State);
                State(w, "without", p.StateWithout);
                w.WriteBoolean("changed", p.StateChanged);
                w.WriteString("ruleWith", p.StateRule);
                w.WriteString("ruleWithout", p.StateRuleWithout);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Change(Utf8JsonWriter w, string name, MeasureChange c)
    {
        w.WriteStartObject(name);
        Number(w, "with", c.With);
        Number(w, "without", c.Without);
        Number(w, "effect", c.Effect);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value) => JsonValues.Number(w, name, value);

    private static void State(Utf8JsonWriter w, string name, RelationshipState? state)
    {
        if (state is { } s)
        {
            w.WriteString(name, RelationshipStates.StateName(s));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
