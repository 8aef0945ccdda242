using System.CommandLine;
using System.Globalization;
using Influence.IO;
using Influence.Scoring;

namespace Influence.Cli.Commands;

/// <summary><c>influence explain CASE --patron ID --client ID --period P --measure NAME [--format text|json] [--out]</c>.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var patron = Common.Patron();
        var client = Common.Client();
        var period = new Option<string?>("--period") { Description = "The period to explain (YYYY, YYYYQn or YYYY-MM).", Required = true };
        var measure = new Option<string?>("--measure") { Description = "The measure to explain (for example exchange, conflict, attainment).", Required = true };
        var format = new Option<string>("--format") { Description = "text or json (schema influence.explanation/1).", DefaultValueFactory = _ => "text" };
        var output = Common.Out();
        var command = new Command("explain", "Explain one value: every evidence item that fed it, its weight, its effect and its sources.")
        {
            @case, patron, client, period, measure, format, output,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            var fmt = Common.Choice(parse, format, "text", "json");
            var path = parse.GetValue(@case);
            var theCase = Common.LoadCase(path);
            var p = Common.PeriodIn(theCase, parse.GetValue(period)!, "--period");
            var dyad = Common.DyadOf(theCase, parse.GetValue(patron), parse.GetValue(client));
            var request = new ScoringRequest { Dyads = [dyad], Granularity = p.Granularity, From = p, To = p };
            var scores = Scorer.Score(theCase, ScoringOptions.Default, request);
            var name = parse.GetValue(measure)!;
            if (Verdict(name) is { } which)
            {
                // The state and the patron–client test are verdicts over measures, not measures: say which rule fired
                // and which measures to explain next.
                var at = scores.For(0, 0);
                var (label, rule) = which == "state"
                    ? (at.State.State is { } st ? RelationshipStates.StateName(st) : "unobserved", at.State.Rule)
                    : (at.PatronClient.IsPatronClient switch { true => "patron–client", false => "not patron–client", _ => "undetermined" }, at.PatronClient.Rule);
                if (fmt == "json")
                {
                    throw new Common.UsageException($"'{name}' is a verdict, not a measure: its value and rule are in 'influence score --format json' ({(which == "state" ? "state, stateRule" : "isPatronClient, patronClientRule")})");
                }

                Common.Emit(io, parse.GetValue(output), writer =>
                {
                    writer.WriteLine($"{(which == "state" ? "relationship state" : "patron–client test")} of {dyad.Patron} → {dyad.Client} in {p}: {label}");
                    writer.WriteLine($"  rule:     {rule}");
                    writer.WriteLine("  a verdict over measures, not a measure: explain the measures its rule names (for example --measure exchange), and");
                    writer.WriteLine("  run 'influence sensitivity' to see which evidence or option would change it (docs/measures.md lists every rule).");
                });
                return Cli.Success;
            }

            var explanation = Explainer.Explain(scores, dyad, p, name);
            var inactive = scores.Inactive(0, 0);
            Common.Emit(io, parse.GetValue(output), writer =>
            {
                if (fmt == "json")
                {
                    writer.Write(ExplanationWriter.ToJson(explanation, scores));
                    writer.WriteLine();
                }
                else
                {
                    Write(explanation, inactive, writer);
                }
            });
            return Cli.Success;
        }));
        return command;
    }

    /// <summary>"state" or "patronClient" when a name asks for one of the two verdicts, else null.</summary>
    private static string? Verdict(string name) => name.ToLowerInvariant() switch
    {
        "state" or "relationshipstate" => "state",
        "patronclient" or "patron-client" or "patronclienttest" or "p–c" or "pc" => "patronClient",
        _ => null,
    };

    private static void Write(Explanation e, string? inactive, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(inv, $"{e.Measure} of {e.Dyad.Patron} → {e.Dyad.Client} in {e.Period}: {(e.Value is { } v ? v.ToString("0.####", inv) : "undefined")}"));
        w.WriteLine($"  formula:  {e.Formula}");
        w.WriteLine($"  theory:   {e.Citation}");
        if (e.Contributions.IsEmpty)
        {
            w.WriteLine((inactive, e.Value) switch
            {
                ({ } why, _) => $"  not scored: {why}.",
                (null, null) => "  no evidence item fed this value, and it is undefined: nothing it reads is defined here (docs/measures.md says when each measure is defined).",
                _ => "  no evidence item fed this value: the dyad has evidence in the window, so the measure is defined, but none of it counts toward this measure.",
            });
            return;
        }

        if (e.Contributions.Length > 1)
        {
            w.WriteLine(Together(e, inv));
        }

        w.WriteLine(string.Create(inv, $"  {e.Contributions.Length} evidence item{(e.Contributions.Length == 1 ? string.Empty : "s")}, those it is undefined without first, then largest effect first (effect = value − value without the item):"));
        foreach (var c in e.Contributions)
        {
            var effect = c.Effect is { } x ? x.ToString("+0.####;−0.####;0", inv) : c.ValueWithout is null ? "(undefined without it)" : "–";
            w.WriteLine(string.Create(inv, $"  {effect,10}  {c.EvidenceId}  [{c.Term}; weight {c.Weight:0.###}; {c.Kind.ToString().ToLowerInvariant()}, {c.Date}, {c.Confidence.ToString().ToLowerInvariant()}]"));
            if (c.Note is { } note)
            {
                w.WriteLine($"              {note}");
            }

            foreach (var s in c.Sources)
            {
                w.WriteLine($"              source: {s.Citation}");
            }
        }
    }

    /// <summary>
    /// What the items move together, and, when their single effects add up to much less (effects that cancel, a mean,
    /// a saturating formula, an older observation taking a removed one's place), why each alone looks small.
    /// </summary>
    private static string Together(Explanation e, CultureInfo inv)
    {
        const string Signed = "+0.####;−0.####;0";
        if (e.JointEffect is not { } joint)
        {
            return string.Create(inv, $"  without all {e.Contributions.Length} items at once the value is {(e.ValueWithoutAll is { } w ? w.ToString("0.####", inv) : "undefined")}.");
        }

        var line = string.Create(inv, $"  all {e.Contributions.Length} items together: {joint.ToString(Signed, inv)} (the value without any of them is {e.ValueWithoutAll!.Value.ToString("0.####", inv)})");
        var up = e.Contributions.Sum(c => Math.Max(c.Effect ?? 0, 0));
        var down = e.Contributions.Sum(c => Math.Min(c.Effect ?? 0, 0));
        var singles = up + down;
        if (Math.Abs(singles) >= 0.5 * Math.Abs(joint))
        {
            return line + ".";
        }

        // Effects of both signs that cancel are not the formula's doing: say so rather than blame saturation.
        return up >= 0.5 * Math.Abs(joint) && -down >= 0.5 * Math.Abs(joint)
            ? string.Create(inv, $"{line}; one at a time their effects add to only {singles.ToString(Signed, inv)}: some raise it ({up.ToString(Signed, inv)} together) and others lower it ({down.ToString(Signed, inv)}).")
            : string.Create(inv, $"{line}; one at a time their effects add to only {singles.ToString(Signed, inv)}: each is measured with the others in place, and in a mean an item moves the value only by its distance from the rest, in a saturating formula the others already hold it near its bound, and where the latest observation counts, an older one takes the place of the one removed.");
    }
}
