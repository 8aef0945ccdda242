using System.CommandLine;
using System.Globalization;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;
using Spectre.Console;

namespace Influence.Cli.Commands;

/// <summary>
/// <c>influence score [CASE] [--patron --client] [--from] [--to] [--granularity] [--format table|json|csv|long-csv] [--out]
/// [--intervals N --seed S --interval-kind bootstrap|montecarlo|both]</c>.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var patron = Common.Patron();
        var client = Common.Client();
        var from = Common.From();
        var to = Common.To();
        var granularity = Common.Granularity();
        var format = new Option<string>("--format") { Description = "table, json (influence.scores/2), csv (one row per dyad and period) or long-csv (one row per dyad, period and measure); json and the CSVs carry the input hash (SHA-256 of the case and the options).", DefaultValueFactory = _ => "table" };
        var output = Common.Out();
        var (intervals, seed, intervalKind) = (Common.Intervals("table"), Common.Seed(), Common.IntervalKindOption());
        var command = new Command("score", "Score dyads over time: the four features, the influence criteria, the patron–client test and the relationship state.")
        {
            @case, patron, client, from, to, granularity, format, output, intervals, seed, intervalKind,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "table", "json", "csv", "long-csv"));
            var how = Common.IntervalOptionsFrom(checks, parse, intervals, seed, intervalKind);
            // Whether both are paired is not asked of a value the parser could not read (given twice, say): it has said so.
            var dyadRead = checks.TryTake(() => parse.GetValue(patron), out var pat) & checks.TryTake(() => parse.GetValue(client), out var cli);
            if (dyadRead)
            {
                checks.Check(() => Common.BothOrNeither(pat, cli));
            }

            checks.Granularity(checks.Take(() => parse.GetValue(granularity)));
            var theCase = checks.LoadCase(parse, parse.GetValue(@case));

            // --from and --to each against the case's range (their form alone when it did not load), the actors, then
            // the request (which checks them together) when nothing has failed.
            checks.Range(theCase, checks.Take(() => parse.GetValue(from)), checks.Take(() => parse.GetValue(to)), checks.Take(() => parse.GetValue(granularity)));
            if (theCase is not null && pat is not null && cli is not null)
            {
                checks.Actor(theCase, pat, $"dyad {pat}→{cli}");
                checks.Actor(theCase, cli, $"dyad {pat}→{cli}");
            }

            var request = checks.Any || !dyadRead ? null : checks.Take(() => Common.Request(theCase!, pat, cli, parse.GetValue(from), parse.GetValue(to), parse.GetValue(granularity)));
            checks.ThrowIfAny();
            var scores = Scorer.Score(theCase!, ScoringOptions.Default, request!);
            if (how is not null)
            {
                scores = Intervals.Compute(scores, how);
            }

            Common.Emit(io, parse.GetValue(output), writer =>
            {
                switch (fmt)
                {
                    case "json":
                        writer.Flush();
                        writer.Write(ScoreWriter.ToJson(scores));
                        writer.WriteLine();
                        break;
                    case "csv":
                        ScoreWriter.WriteCsv(scores, writer);
                        break;
                    case "long-csv":
                        ScoreWriter.WriteLongCsv(scores, writer);
                        break;
                    default:
                        WriteTable(scores, writer);
                        break;
                }
            }, raw: fmt is "csv" or "long-csv");
            return Cli.Success;
        }));
        return command;
    }

    internal static void WriteTable(ScoreSet scores, TextWriter writer)
    {
        var console = Common.PlainConsole(writer);
        console.WriteLine(Common.InputLine(scores.Case, scores.InputHash));
        var partial = Common.PartialPeriod(scores);
        var notScored = new List<string>();
        for (var d = 0; d < scores.Dyads.Length; d++)
        {
            var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"{scores.Dyads[d].Patron} → {scores.Dyads[d].Client}") };
            foreach (var h in Headers)
            {
                table.AddColumn(new TableColumn(h) { Alignment = h is "period" or "state" or "P–C" ? Justify.Left : Justify.Right });
            }

            // A run of periods in which nothing is defined (before a dyad's evidence begins, say) is one row.
            var cells = new string[scores.PeriodCount][];
            for (var p = 0; p < cells.Length; p++)
            {
                cells[p] = Cells(scores.For(d, p));
            }

            // A run of periods in which the dyad is not scored (a party did not exist; after the evidence) is a row of
            // its own, marked so in the state column and named under the table: it is not a run without evidence.
            foreach (var (first, last, kind) in BlankRuns.Runs(cells.Length, p => BlankKind(scores, d, p, cells[p])))
            {
                var label = BlankRuns.Label(scores.For(d, first).Period, scores.For(d, last).Period) + (partial is { } pp && pp.Period >= first && pp.Period <= last ? PartialMark : string.Empty);
                var blank = kind is not null;
                table.AddRow(kind switch
                {
                    null => [label, .. cells[first]],
                    Undefined => [label, .. Enumerable.Repeat("–", 13)],
                    _ => [label, .. Enumerable.Range(1, 13).Select(c => Headers[c] == "state" ? BlankRuns.NotScored : "–")],
                });
                if (kind is not (null or Undefined) && !scores.IsAfterEvidence(first))
                {
                    notScored.Add(BlankRuns.NotScoredNote(scores.Dyads[d], scores.Periods[first], scores.Periods[last], kind));
                }

                if (!blank && scores.IntervalSource is not null)
                {
                    // With draws, each value's interval on a line of its own under it, in the same column.
                    table.AddRow(["", .. IntervalCells(scores, d, first)]);
                }
            }

            console.Write(table);
        }

        var legend = new[]
        {
            "exch exchange", "asym power asymmetry", "confl conflict", "diffuse diffuse obligation", "endur endurance", "P–C the patron–client test",
            "attain attainment", "compl compliance", "gap presence–influence gap", "agency client agency", "share patron share.",
        };
        var notes = new List<string>
        {
            $"Values are in [0, 1], gap (presence − influence) in [{Common.Minus}1, 1]; --format json and csv add the other measures (signed ones in [{Common.Minus}1, 1], alternative patrons a count).",
            $"– undefined (a measure: too little evidence in its window, which 'influence explain' names; P–C: undetermined; state: unobserved); {BlankRuns.NotScored}: the dyad is not scored in the period, as a party of it did not exist or the period is after the case's evidence (each such run is named below); a range of periods is a run in which nothing is defined.",
            "Explain any value with 'influence explain', a state's or test's rule with 'influence explain --measure state' (or patronClient).",
            $"The measures, their scales and rules: {Common.DocsUrl("measures.md")}",
        };
        // Under the legend of "–": the partial period, then the periods after the evidence.
        var at = 2;
        if (Common.PartialPeriodNote(scores, 0, scores.PeriodCount - 1) is { } partialNote)
        {
            notes.Insert(at++, $"{PartialMark} {partialNote}");
        }

        if (Common.AfterEvidenceNote(scores, 0, scores.PeriodCount - 1) is { } afterNote)
        {
            notes.Insert(at++, afterNote);
        }

        notes.InsertRange(at, notScored);

        if (scores.IntervalSource is { } source)
        {
            notes.Add(FormattableString.Invariant($"(n%): share of {source.Draws} draws ({source.Method}, seed {source.Seed}) giving the same verdict, rounded so that the shares shown add to at most 100%; where under {VerdictShares.ClearMajority * 100:0.#}% did, the commonest other verdict follows (and where under half did, do not report the point verdict alone); the line under a period gives each value's {source.Level * 100:0.#}% interval from the draws, low…high, empty where the value is undefined or no draw defined it; --format json and csv give them unrounded."));
        }

        foreach (var line in Wrap(legend, ", ", LegendWidth).Concat(notes.SelectMany(n => Wrap(n.Split(' '), " ", LegendWidth))))
        {
            console.WriteLine(line);
        }
    }

    /// <summary>The kind of blank a period is in the table (<see cref="BlankRuns.Runs"/>).</summary>
    private const string Undefined = "–";

    /// <summary>
    /// The kind of blank period <paramref name="p"/> of dyad <paramref name="d"/> is: null when a value is defined,
    /// <see cref="Undefined"/> when none is, else why the dyad is not scored (<see cref="BlankRuns.NotScoredKind"/>).
    /// </summary>
    private static string? BlankKind(ScoreSet scores, int d, int p, string[] cells) =>
        scores.InactiveReason(d, p) is { } why
            ? BlankRuns.NotScoredKind(why, scores.Periods[p])
            : cells.All(c => c == "–") ? Undefined : null;

    /// <summary>The mark of the period inside which the case's evidence ends (<see cref="Common.PartialPeriod"/>).</summary>
    private const string PartialMark = "†";

    /// <summary>The width the legend and notes under the table are wrapped to.</summary>
    internal const int LegendWidth = 120;

    /// <summary>
    /// Lines of at most <paramref name="width"/> characters, each a run of whole entries joined by
    /// <paramref name="separator"/>: a line is broken between entries, never inside one (an entry longer than the width
    /// stands alone).
    /// </summary>
    internal static IEnumerable<string> Wrap(IEnumerable<string> entries, string separator, int width)
    {
        var line = new System.Text.StringBuilder();
        var list = entries.ToList();
        var mark = separator.TrimEnd().Length; // a wrapped line ends with the separator's mark (",")
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            var trailing = i < list.Count - 1 ? mark : 0;
            if (line.Length > 0 && line.Length + separator.Length + entry.Length + trailing > width)
            {
                yield return line.Append(separator.TrimEnd()).ToString();
                line.Clear();
            }
            else if (line.Length > 0)
            {
                line.Append(separator);
            }

            line.Append(entry);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string TestLabel(bool? verdict) => verdict switch { true => "yes", false => "no", _ => "–" };

    private static string StateLabel(RelationshipState? state) => state is { } st ? RelationshipStates.StateName(st) : "–";

    /// <summary>
    /// A verdict with the share of draws that gave it, "(87%)"; where fewer than <see cref="VerdictShares.ClearMajority"/> of the
    /// draws did, the commonest other verdict too, "consolidated (51%; inverted 33%)" or "consolidated (24%; dormant
    /// 41%)", so that the table never shows a minority or narrow verdict alone. The percentages are rounded together
    /// (<see cref="Common.Percentages"/>): the parts of a verdict never add to more than 100%.
    /// </summary>
    private static string WithShares<T>(string label, T point, (T Verdict, double Share)[]? shares, Func<T, string> name)
    {
        if (shares is null)
        {
            return label;
        }

        var percent = Common.Percentages([.. shares.Select(x => x.Share)]);
        var ownAt = Array.FindIndex(shares, x => EqualityComparer<T>.Default.Equals(x.Verdict, point));
        var own = shares[ownAt].Share;
        var otherAt = -1; // the commonest other verdict, the first of equal shares in the order listed
        for (var i = 0; i < shares.Length; i++)
        {
            otherAt = i != ownAt && shares[i].Share > 0 && (otherAt < 0 || shares[i].Share > shares[otherAt].Share) ? i : otherAt;
        }

        return own < VerdictShares.ClearMajority && otherAt >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{label} ({percent[ownAt]}%; {name(shares[otherAt].Verdict)} {percent[otherAt]}%)")
            : string.Create(CultureInfo.InvariantCulture, $"{label} ({percent[ownAt]}%)");
    }

    /// <summary>
    /// The table's column heads: the period, then each value column's measure by its short name
    /// (<see cref="Theory.Measures.ShortNames"/>, or the measure's own name) and the two verdicts.
    /// </summary>
    private static readonly string[] Headers = ["period", "exch", "asym", "confl", "diffuse", "endur", "P–C", "state", "attain", "compl", "presence", "gap", "agency", "share"];

    /// <summary>
    /// The cells of the interval line under a period: "low…high" under each value (an ellipsis, not a dash, so that "−0.21…0.47" reads as a range) that has a computed interval
    /// (<see cref="ScoreSet.HasInterval(int, int, int)"/>), rounded as the values are; empty under the verdicts (their shares are
    /// beside them), under undefined values and under values no draw defined.
    /// </summary>
    private static string[] IntervalCells(ScoreSet scores, int dyad, int period) =>
    [
        .. Headers.Skip(1).Select(head =>
        {
            // A verdict column's head names no measure: nothing under it.
            var m = scores.MeasureIndexOf(Theory.Measures.FullName(head) ?? head);
            if (m < 0 || !scores.HasInterval(m, dyad, period))
            {
                return string.Empty;
            }

            var s = scores.Get(m, dyad, period);
            return $"{Common.Format(s.Low)}…{Common.Format(s.High)}";
        }),
    ];

    /// <summary>The table's cells after the period, "–" where undefined.</summary>
    private static string[] Cells(PeriodScores s)
    {
        var verdict = s.PatronClient;
        var state = s.State;
        return
        [
            Common.Format(s.Exchange.Value),
            Common.Format(s.Asymmetry.Value),
            Common.Format(s.Conflict.Value),
            Common.Format(s.DiffuseObligation.Value),
            Common.Format(s.Endurance.Value),
            WithShares(TestLabel(verdict.IsPatronClient), verdict.IsPatronClient, s.PatronClientShares is { } pcs ? [(true, pcs.Holds), (false, pcs.Fails), (null, pcs.Undetermined)] : null, v => v is null ? "undetermined" : TestLabel(v)),
            WithShares(StateLabel(state.State), state.State, s.StateShares is { } ss ? [(RelationshipState.Consolidated, ss.Consolidated), (RelationshipState.Contested, ss.Contested), (RelationshipState.Estranged, ss.Estranged), (RelationshipState.Dormant, ss.Dormant), (RelationshipState.Inverted, ss.Inverted), (null, ss.Unobserved)] : null, v => v is null ? "unobserved" : StateLabel(v)),
            Common.Format(s.Attainment.Value),
            Common.Format(s.Compliance.Value),
            Common.Format(s.Presence.Value),
            Common.Format(s.PresenceInfluenceGap.Value),
            Common.Format(s.ClientAgency.Value),
            Common.Format(s.PatronShare.Value),
        ];
    }
}
