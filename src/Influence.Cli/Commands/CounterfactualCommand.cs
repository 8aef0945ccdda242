using System.CommandLine;
using System.Globalization;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;

namespace Influence.Cli.Commands;

/// <summary><c>influence counterfactual [CASE] --patron ID --client ID --without ID [--from] [--to] [--format table|json] [--out]</c>.</summary>
internal static class CounterfactualCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var patron = Common.Patron();
        var client = Common.Client();
        var without = new Option<string?>("--without") { Description = "The third party whose evidence (and its factions') is removed.", Required = true };
        var from = Common.From();
        var to = Common.To();
        var format = new Option<string>("--format") { Description = "table or json (influence.counterfactual/1, with the input hash: SHA-256 of the case and the options).", DefaultValueFactory = _ => "table" };
        var output = Common.Out();
        var command = new Command("counterfactual", "What if a third party had not engaged? Score a dyad with and without its evidence: patron share, alternatives, concentration, brokerage, state.")
        {
            @case, patron, client, without, from, to, format, output,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "table", "json"));
            var theCase = checks.LoadCase(parse, parse.GetValue(@case));
            var thirdParty = checks.Take(() => parse.GetValue(without));
            if (theCase is not null && thirdParty is not null && theCase.ActorIndexOf(thirdParty) < 0)
            {
                checks.Check(() => throw new Common.UsageException(Common.NoActorCalled(theCase, thirdParty)));
            }

            var given = checks.Dyad(theCase, parse.GetValue(patron), parse.GetValue(client));

            // --from and --to each against the case's range (their form alone when it did not load), then the request
            // (which checks them together). The periods follow score's rules: at the case's granularity, a finer one is
            // wrong usage, a coarser one covers its periods (1996 on a quarterly case is 1996Q1–1996Q4).
            checks.Range(theCase, checks.Take(() => parse.GetValue(from)), checks.Take(() => parse.GetValue(to)), granularity: null, hasGranularityOption: false);
            if (theCase is not null && thirdParty is not null && given is { } named && Counterfactual.ThirdPartyProblem(theCase, named, thirdParty) is { } outside)
            {
                checks.Check(() => throw new Common.UsageException(outside));
            }

            var request = checks.Any || given is not { } dyad
                ? null
                : checks.Take(() => Common.Request(theCase!, dyad.Patron, dyad.Client, parse.GetValue(from), parse.GetValue(to), granularity: null, hasGranularityOption: false));
            checks.ThrowIfAny();
            var (pat, cli) = given!.Value;
            var f = request!.From?.ToGranularity(theCase!.Granularity);
            var t = request.To?.ToGranularity(theCase!.Granularity, atEnd: true);
            var (result, with) = Counterfactual.Scored(theCase!, new Dyad(pat, cli), thirdParty!, ScoringOptions.Default, f, t);
            Common.Emit(io, parse.GetValue(output), writer =>
            {
                if (fmt == "json")
                {
                    writer.Write(CounterfactualWriter.ToJson(result, theCase!.Id));
                    writer.WriteLine();
                }
                else
                {
                    WriteTable(result, with, writer);
                }
            });
            return Cli.Success;
        }));
        return command;
    }

    /// <summary>The mark of the period inside which the case's evidence ends, as in the score table.</summary>
    private const string PartialMark = "†";

    private static void WriteTable(ThirdPartyCounterfactual r, ScoreSet with, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        var hash = r.InputHash is { } h ? $"; input hash {h[..16]}…" : string.Empty;
        w.WriteLine($"{r.Dyad.Patron} → {r.Dyad.Client}, with and without {r.ThirdParty} ({r.EvidenceRemoved.Length} evidence item{(r.EvidenceRemoved.Length == 1 ? string.Empty : "s")} removed){hash}");
        // Runs in which the dyad is not scored are rows of their own, marked so and named under the table.
        var notScored = new List<string>();
        var rows = BlankRuns.Runs(r.Periods.Length, i => r.Periods[i].NotScored is { } why ? BlankRuns.NotScoredKind(why, r.Periods[i].Period) : IsBlank(r.Periods[i]) ? "–" : null).Select(row =>
        {
            // The period inside which the evidence ends is marked, as in the score table, alone or in its run.
            var mark = Common.PartialPeriod(with) is { } partial && partial.Period >= row.First && partial.Period <= row.Last ? PartialMark : string.Empty;
            if (row.Kind is { } kind)
            {
                var (first, last) = (r.Periods[row.First].Period, r.Periods[row.Last].Period);
                var notScoredRun = kind != "–";
                if (notScoredRun && !kind.StartsWith("after the evidence", StringComparison.Ordinal))
                {
                    notScored.Add(BlankRuns.NotScoredNote(r.Dyad, first, last, kind));
                }

                return (Label: BlankRuns.Label(first, last) + mark, Cells: string.Create(inv, $"{"–",-13} {"–",-13} {"–",-13} {"–",-13} {(notScoredRun ? BlankRuns.NotScored : "–")}"));
            }

            var p = r.Periods[row.First];
            var state = p.StateChanged
                ? $"{Name(p.State)} → {Name(p.StateWithout)}"
                : Name(p.State);
            return (Label: $"{p.Period}{mark}", Cells: string.Create(inv, $"{Pair(p.PatronShare),-13} {Pair(p.AlternativePatrons, "0"),-13} {Pair(p.SupplierConcentration),-13} {Pair(p.Brokerage),-13} {state}"));
        }).ToList();

        // The period column is as wide as its widest label ("1973–1993"), at least 8.
        var width = rows.Select(x => x.Label.Length).Append(8).Max();
        w.WriteLine(string.Create(inv, $"{"period".PadRight(width)} {"share",-13} {"alternatives",-13} {"concentration",-13} {"brokerage",-13} state"));
        foreach (var (label, cells) in rows)
        {
            w.WriteLine($"{label.PadRight(width)} {cells}");
        }

        w.WriteLine($"Each column: with → without the third party; – undefined; {BlankRuns.NotScored}: the dyad is not scored in the period (a party did not exist, or the period is after the evidence); a range of periods is a run in which nothing is defined, with or without it.");
        if (Common.PartialPeriodNote(with, 0, with.PeriodCount - 1) is { } partialNote)
        {
            w.WriteLine($"{PartialMark} {partialNote}");
        }

        // Then the periods after the evidence, as under the score table.
        if (Common.AfterEvidenceNote(with, 0, with.PeriodCount - 1) is { } afterNote)
        {
            w.WriteLine(afterNote);
        }

        foreach (var note in notScored)
        {
            w.WriteLine(note);
        }

        w.WriteLine($"share: {r.Dyad.Patron}'s share of the support {r.Dyad.Client} receives; alternatives: the other supporters giving it at least a tenth (without {r.ThirdParty}, another supporter's share can pass that bar, so the count can rise); concentration: the Herfindahl index of its supporters; brokerage: {r.Dyad.Patron}'s brokerage between {r.Dyad.Client} and third parties.");
    }

    /// <summary>Whether nothing is defined in a period, with or without the third party (no value, no state).</summary>
    private static bool IsBlank(CounterfactualPeriod p) =>
        p.State is null && p.StateWithout is null
        && new[] { p.PatronShare, p.AlternativePatrons, p.SupplierConcentration, p.Brokerage }.All(c => c.With is null && c.Without is null);

    private static string Pair(MeasureChange c, string format = "0.00") =>
        $"{Number(c.With, format)} → {Number(c.Without, format)}";

    private static string Number(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Name(RelationshipState? s) => s is { } x ? RelationshipStates.StateName(x) : "–";
}
