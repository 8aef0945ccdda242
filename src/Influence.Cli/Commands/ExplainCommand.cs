using System.CommandLine;
using System.Globalization;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;

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
        var measure = new Option<string?>("--measure") { Description = "The measure to explain: a measure's name (exchange, conflict, attainment, …), a short name of score's table (gap, confl, …), or the verdicts state and patronClient; an unknown name lists them all.", Required = true };
        var format = new Option<string>("--format") { Description = "text or json (schema influence.explanation/1).", DefaultValueFactory = _ => "text" };
        var output = Common.Out();
        var (intervals, seed, intervalKind) = (Common.Intervals("figure"), Common.Seed(), Common.IntervalKindOption());
        var command = new Command("explain", "Explain one value: every evidence item that fed it, its weight, its effect and its sources; with --intervals, also its interval, or a verdict's shares of the draws.")
        {
            @case, patron, client, period, measure, format, output, intervals, seed, intervalKind,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "text", "json"));
            var how = Common.IntervalOptionsFrom(checks, parse, intervals, seed, intervalKind);
            var name = checks.Take(() => parse.GetValue(measure));
            if (name is not null && Verdict(name) is null)
            {
                checks.Measure(name, [Explainer.State, Explainer.PatronClient]);
            }

            var path = parse.GetValue(@case);
            var theCase = checks.LoadCase(parse, path);
            var p = checks.Period(theCase, checks.Take(() => parse.GetValue(period)), "--period") ?? default;
            var given = checks.Dyad(theCase, parse.GetValue(patron), parse.GetValue(client));
            checks.ThrowIfAny();
            var dyad = given!.Value;
            var request = new ScoringRequest { Dyads = [dyad], Granularity = p.Granularity, From = p, To = p };
            var scores = Scorer.Score(theCase!, ScoringOptions.Default, request);
            var drawn = how is not null ? Intervals.Compute(scores, how) : null;

            // The state and the patron–client test are verdicts over measures: the library explains them by their rule.
            var explanation = Explainer.Explain(scores, dyad, p, Verdict(name!) ?? name!);
            var inactive = scores.InactiveReason(0, 0);
            Common.Emit(io, parse.GetValue(output), writer =>
            {
                if (fmt == "json")
                {
                    writer.Write(ExplanationWriter.ToJson(explanation, scores, drawn));
                    writer.WriteLine();
                }
                else
                {
                    if (explanation.Verdict is not null)
                    {
                        WriteVerdict(explanation, writer);
                    }
                    else
                    {
                        Write(explanation, inactive, writer);
                    }

                    WriteDraws(scores, drawn, explanation, writer);
                    if (Common.PartialPeriodNote(scores, 0, 0) is { } partial)
                    {
                        writer.WriteLine($"  note: {partial}");
                    }
                }
            });
            return Cli.Success;
        }));
        return command;
    }

    /// <summary><see cref="Explainer.State"/> or <see cref="Explainer.PatronClient"/> for the names of the two verdicts the command line takes, else null.</summary>
    private static string? Verdict(string name) => name.ToLowerInvariant() switch
    {
        "state" or "relationshipstate" => Explainer.State,
        "patronclient" or "patron-client" or "patronclienttest" or "p–c" or "pc" => Explainer.PatronClient,
        _ => null,
    };

    /// <summary>
    /// The value's interval, or with draws the verdict's shares of the draws (commonest first), as the score table and
    /// its JSON report them: "in 500 draws: contested 66%, estranged 33%, …". A measure with an interval of its own
    /// (input efficiency's regression interval) shows it without draws; with draws, the interval written covers both.
    /// </summary>
    private static void WriteDraws(ScoreSet scores, ScoreSet? drawn, Explanation e, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        var own = e.Verdict is null && scores.HasInterval(scores.MeasureIndexOf(e.Measure), 0, 0) ? scores.Get(e.Measure, e.Dyad, e.Period) : (Score?)null;
        var ownText = own is { } o
            ? string.Create(inv, $"its own interval{(e.Measure == "inputEfficiency" ? $" (the regression's, at {scores.Options.InputEfficiency.IntervalLevel * 100:0.#}%)" : string.Empty)} [{Common.Format(o.Low)}, {Common.Format(o.High)}]")
            : null;
        if (drawn?.IntervalSource is not { } source)
        {
            if (ownText is not null)
            {
                w.WriteLine($"  interval: {ownText}; with --intervals N it also covers the draws' uncertainty.");
            }

            return;
        }

        if (e.Measure == Explainer.State && drawn.StateShares(0, 0) is { } states)
        {
            (string Name, double Share)[] parts = [.. Enum.GetValues<RelationshipState>().Select(st => (RelationshipStates.StateName(st), states.Of(st))), ("unobserved", states.Unobserved)];
            WriteShares(parts);
        }
        else if (e.Measure == Explainer.PatronClient && drawn.PatronClientShares(0, 0) is { } tests)
        {
            WriteShares([("patron–client", tests.Holds), ("not patron–client", tests.Fails), ("undetermined", tests.Undetermined)]);
        }
        else if (e.Verdict is null && drawn.Get(e.Measure, e.Dyad, e.Period) is { IsDefined: true } score)
        {
            var of = string.Create(inv, $"{source.Level * 100:0.#}% interval from {source.Draws} draws ({source.Method}, seed {source.Seed})");
            w.WriteLine(ownText is null
                ? $"  {of}: [{Common.Format(score.Low)}, {Common.Format(score.High)}]"
                : $"  interval covering {ownText} and the {of}: [{Common.Format(score.Low)}, {Common.Format(score.High)}]");
        }

        void WriteShares((string Name, double Share)[] parts)
        {
            var percent = Common.Percentages([.. parts.Select(x => x.Share)]);
            var shown = parts.Select((x, i) => (x.Name, x.Share, Percent: percent[i])).Where(x => x.Share > 0).OrderByDescending(x => x.Share).Select(x => string.Create(inv, $"{x.Name} {x.Percent}%"));
            w.WriteLine(string.Create(inv, $"  in {source.Draws} draws ({source.Method}, seed {source.Seed}): {string.Join(", ", shown)}"));
        }
    }

    private static void WriteVerdict(Explanation e, TextWriter w)
    {
        w.WriteLine($"{(e.Measure == Explainer.State ? "relationship state" : "patron–client test")} of {e.Dyad.Patron} → {e.Dyad.Client} in {e.Period}: {e.Verdict}");
        w.WriteLine($"  rule:     {e.Rule}");
        w.WriteLine($"  rules:    {e.Formula}");
        w.WriteLine("  a verdict over measures, not a measure: explain the measures its rule names (for example --measure exchange), and");
        w.WriteLine("  run 'influence sensitivity' to see which evidence or option would change it (" + Common.DocsUrl("measures.md") + " lists every rule).");
    }

    private static void Write(Explanation e, string? inactive, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"{e.Measure} of {e.Dyad.Patron} → {e.Dyad.Client} in {e.Period}: {(e.Value is { } v ? Common.Number(v, "0.####") : "undefined")}");
        w.WriteLine($"  formula:  {e.Formula}");
        w.WriteLine($"  theory:   {e.Citation}");
        if (inactive is not null)
        {
            w.WriteLine($"  not scored: {inactive}.");
            return;
        }

        if (e.Value is null)
        {
            // Said once, with the reason: the items were read, and no item's removal is what makes it undefined.
            w.WriteLine($"  undefined: {e.Reason}.");
            if (e.Contributions.IsEmpty)
            {
                w.WriteLine("  no evidence item fed this value.");
                return;
            }

            w.WriteLine(string.Create(inv, $"  {Items(e.Contributions.Length)} read, largest weight first:"));
            foreach (var c in e.Contributions)
            {
                Item(c, "read", w);
                if (c.ValueWithout is { } alone)
                {
                    w.WriteLine($"              without it the value would be {Common.Number(alone, "0.####")}");
                }
            }

            return;
        }

        if (e.Contributions.IsEmpty)
        {
            w.WriteLine("  no evidence item fed this value: the dyad has evidence in the window, so the measure is defined, but none of it counts toward this measure.");
            return;
        }

        if (e.Contributions.Length > 1)
        {
            w.WriteLine(Together(e, inv));
        }

        w.WriteLine(string.Create(inv, $"  {Items(e.Contributions.Length)}, those it is undefined without first, then largest effect first (effect = value − value without the item):"));
        foreach (var c in e.Contributions)
        {
            Item(c, c.Effect is { } x ? Common.Signed(x, "0.####") : c.ValueWithout is null ? "(undefined without it)" : "–", w);
        }
    }

    private static string Items(int n) => string.Create(CultureInfo.InvariantCulture, $"{n} evidence item{(n == 1 ? string.Empty : "s")}");

    private static void Item(Contribution c, string mark, TextWriter w)
    {
        w.WriteLine($"  {mark,10}  {c.EvidenceId}  [{c.Term}; weight {Common.Number(c.Weight, "0.###")}; {c.Kind.ToString().ToLowerInvariant()}, {c.Date}, {c.Confidence.ToString().ToLowerInvariant()}]");
        // The note and the citations are the case's free text: a line break in them continues the block, indented.
        if (c.Note is { } note)
        {
            Common.WriteIndented(w, "              ", note);
        }

        foreach (var s in c.Sources)
        {
            Common.WriteIndented(w, "              source: ", s.Citation);
        }
    }

    /// <summary>
    /// What the items move together, and, when their single effects add up to much less (effects that cancel, a mean,
    /// a saturating formula, an older observation taking a removed one's place), why each alone looks small.
    /// </summary>
    private static string Together(Explanation e, CultureInfo inv)
    {
        static string Signed(double x) => Common.Signed(x, "0.####");
        if (e.JointEffect is not { } joint)
        {
            return string.Create(inv, $"  without all {e.Contributions.Length} items at once the value is {(e.ValueWithoutAll is { } w ? Common.Number(w, "0.####") : "undefined")}.");
        }

        var line = string.Create(inv, $"  all {e.Contributions.Length} items together: {Signed(joint)} (the value without any of them is {Common.Number(e.ValueWithoutAll!.Value, "0.####")})");
        var up = e.Contributions.Sum(c => Math.Max(c.Effect ?? 0, 0));
        var down = e.Contributions.Sum(c => Math.Min(c.Effect ?? 0, 0));
        var singles = up + down;
        if (Math.Abs(singles) >= 0.5 * Math.Abs(joint))
        {
            return line + ".";
        }

        // Effects of both signs that cancel are not the formula's doing: say so rather than blame saturation.
        return up >= 0.5 * Math.Abs(joint) && -down >= 0.5 * Math.Abs(joint)
            ? string.Create(inv, $"{line}; one at a time their effects add to only {Signed(singles)}: some raise it ({Signed(up)} together) and others lower it ({Signed(down)}).")
            : string.Create(inv, $"{line}; one at a time their effects add to only {Signed(singles)}: each is measured with the others in place, and in a mean an item moves the value only by its distance from the rest, in a saturating formula the others already hold it near its bound, and where the latest observation counts, an older one takes the place of the one removed.");
    }
}
