using System.CommandLine;
using System.Globalization;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;

namespace Influence.Cli.Commands;

/// <summary><c>influence sensitivity CASE --patron ID --client ID --period P [--measure M[,M…] …] [--format text|json] [--out]</c>.</summary>
internal static class SensitivityCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var patron = Common.Patron();
        var client = Common.Client();
        var period = new Option<string?>("--period") { Description = "The period (YYYY, YYYYQn or YYYY-MM).", Required = true };
        var measures = new Option<string[]>("--measure")
        {
            Description = "The measures to give a tornado table: repeat the option or give a comma list, as plot's --measures (exchange,presence); default exchange and conflict, the two the state reads.",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = new Option<string>("--format") { Description = "text or json (schema influence.sensitivity/1, with the input hash and every row at full precision).", DefaultValueFactory = _ => "text" };
        var output = Common.Out();
        var command = new Command("sensitivity", "One-at-a-time sensitivity of values to each option (tornado tables), and what flips the period's state and patron–client test: the fewest evidence items to remove, with their sources, and the smallest option changes.")
        {
            @case, patron, client, period, measures, format, output,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "text", "json"));
            var names = Common.MeasureList(checks.Take(() => parse.GetValue(measures))) is { Length: > 0 } given ? given : ["exchange", "conflict"];
            checks.Measures(names, "--measure");

            var loaded = checks.LoadCase(parse, parse.GetValue(@case));
            var p = checks.Period(loaded, checks.Take(() => parse.GetValue(period)), "--period") ?? default;
            var named = checks.Dyad(loaded, parse.GetValue(patron), parse.GetValue(client));

            checks.ThrowIfAny();
            var (theCase, dyad) = (loaded!, named!.Value);
            var tornadoes = Sensitivity.Tornadoes(theCase, dyad, p, names);
            var state = Sensitivity.WhatFlips(theCase, dyad, p, Verdict.State);
            var patronClient = Sensitivity.WhatFlips(theCase, dyad, p, Verdict.PatronClient);
            var hash = Reproducibility.InputHash(theCase, ScoringOptions.Default);

            // Why the dyad is not scored in the period (a party did not exist yet), as the verdicts' notes say.
            var point = Scorer.Score(theCase, ScoringOptions.Default, new ScoringRequest { Dyads = [dyad], Granularity = p.Granularity, From = p, To = p, Measures = [names[0]] });
            var inactive = point.InactiveReason(0, 0);
            Common.Emit(io, parse.GetValue(output), writer =>
            {
                if (fmt == "json")
                {
                    writer.Write(SensitivityWriter.ToJson(theCase, hash, dyad, p, inactive, tornadoes, [state, patronClient]));
                    writer.WriteLine();
                    return;
                }

                writer.WriteLine(Common.InputLine(theCase, hash));
                if (Common.PartialPeriodNote(point, 0, 0) is { } partial)
                {
                    writer.WriteLine($"note: {partial}");
                }

                foreach (var t in tornadoes)
                {
                    WriteTornado(t, inactive, writer);
                }

                WriteFlip(theCase, state, writer);
                WriteFlip(theCase, patronClient, writer);
            });
            return Cli.Success;
        }));
        return command;
    }

    /// <summary>
    /// "haqqani counts for taliban (haqqani is part of taliban)" when <paramref name="actor"/> is a faction (at any
    /// depth) of one of the dyad's parties, so that an item coded on it moves the dyad (<see cref="Case.CountsFor"/>);
    /// null otherwise.
    /// </summary>
    internal static string? CountsFor(Case theCase, string actor, Dyad dyad) =>
        theCase.CountsFor(actor, dyad) is { IsEmpty: false } chain
            ? $"{actor} counts for {chain[^1]} ({actor} is part of {string.Join(", part of ", chain)})"
            : null;

    private static void WriteTornado(Tornado t, string? inactive, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        if (inactive is not null && t.Value is null)
        {
            // No option moves a value that is not scored: say why instead of an empty table.
            w.WriteLine($"{t.Measure} of {t.Dyad.Patron} → {t.Dyad.Client} in {t.Period}: not scored: {inactive}");
            w.WriteLine();
            return;
        }

        w.WriteLine(string.Create(inv, $"{t.Measure} of {t.Dyad.Patron} → {t.Dyad.Client} in {t.Period}: {Common.Format(t.Value)} — one option at a time, at each end of its range"));
        var moving = t.Rows.Where(r => r.Swing is > 0).ToList();
        if (moving.Count > 0)
        {
            w.WriteLine(string.Create(inv, $"  {"option",-44} {"range",-18} {"at low",7} {"at high",8} {"swing",6}"));
            foreach (var r in moving)
            {
                var range = $"{Common.Number(r.LowSetting, "0.###")} … {Common.Number(r.HighSetting, "0.###")}";
                w.WriteLine(string.Create(inv, $"  {r.Option,-44} {range,-18} {Common.Format(r.ValueAtLow),7} {Common.Format(r.ValueAtHigh),8} {Common.Number(r.Swing ?? 0, "0.00"),6}"));
            }
        }

        w.WriteLine(string.Create(inv, $"  {t.Rows.Length - moving.Count} other options do not move it."));
        w.WriteLine();
    }

    private static void WriteFlip(Case theCase, VerdictFlip f, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        var what = f.Verdict == Verdict.State ? "state" : "patron–client test";
        w.WriteLine($"What flips the {what} of {f.Dyad.Patron} → {f.Dyad.Client} in {f.Period}: now {f.Current} ({f.Rule})");
        if (f.Note is { } note)
        {
            w.WriteLine($"  {note}");
            w.WriteLine();
            return;
        }

        if (f.EvidenceToRemove.IsEmpty)
        {
            w.WriteLine("  evidence: no set of up to 12 items found whose removal flips it.");
        }
        else
        {
            var n = f.EvidenceToRemove.Length;
            var exact = f.IsSmallestSet ? "the smallest set" : "the smallest set found (greedy search; a smaller one may exist)";
            w.WriteLine(string.Create(inv, $"  evidence: removing {n} item{(n == 1 ? string.Empty : "s")} makes it {f.VerdictWithoutEvidence} — {exact}:"));
            foreach (var e in f.EvidenceToRemove)
            {
                var parties = e.From is { } from ? $" {from} → {e.To}" : string.Empty;
                w.WriteLine(string.Create(inv, $"    {e.Id}  [{e.Kind.ToString().ToLowerInvariant()}{parties}, {e.Date}, {e.Confidence.ToString().ToLowerInvariant()}]"));
                foreach (var end in new[] { e.From, e.To })
                {
                    if (end is not null && CountsFor(theCase, end, f.Dyad) is { } rollUp)
                    {
                        w.WriteLine($"      {rollUp}");
                    }
                }

                // The case's free text: a line break in it continues the block, indented (Common.WriteIndented).
                if (e.Note is { } itemNote)
                {
                    Common.WriteIndented(w, "      ", itemNote);
                }

                foreach (var s in e.Sources)
                {
                    Common.WriteIndented(w, "      source: ", s.Citation);
                }
            }
        }

        if (f.OptionChanges.IsEmpty)
        {
            w.WriteLine("  options: no single option change within 3 range units flips it.");
        }
        else
        {
            var r = PerturbationRanges.Default;
            w.WriteLine(string.Create(inv, $"  options (one at a time, nearest first; distance: how far the option was moved, where 1 is a scale × or ÷ {r.ScaleFactor:0.##}, a window × or ÷ {r.WindowFactor:0.##}, a weight ± {r.WeightSpread:0.##}, a threshold ± {r.ThresholdSpread:0.##}; under 1 lies within the range the tornado tables try):"));
            foreach (var o in f.OptionChanges.Take(5))
            {
                var (from, to) = Apart(o.From, o.To);
                var distance = (o.Distance is > 0 and < 0.005 ? o.Distance.ToString("0.#E+0", inv) : Common.Number(o.Distance, "0.00")).Replace('-', Common.Minus);
                w.WriteLine(string.Create(inv, $"    {o.Option,-44} {from} → {to}  (distance {distance}) makes it {o.NewVerdict}"));
            }
        }

        w.WriteLine();
    }

    /// <summary>
    /// An option's setting and the one that flips the verdict, with four decimals, or more where the flip lies near the
    /// setting (as many as <see cref="VerdictNumbers.Decimals"/> gives a value near its bar: 0.25 → 0.25076, not
    /// 0.2508), or as many more as it takes to tell them apart (a flip at 0.5 → 0.49999). The flip is rounded away from
    /// the setting, never back towards it, so that the setting written flips the verdict too: the search finds a
    /// setting that flips it, and one rounded back could lie short of the flip.
    /// </summary>
    internal static (string From, string To) Apart(double from, double to)
    {
        var inv = CultureInfo.InvariantCulture;
        var start = Math.Max(4, VerdictNumbers.Decimals(to, from) ?? MaxDecimals + 1);
        for (var decimals = start; decimals <= MaxDecimals; decimals++)
        {
            var a = from.ToString("0." + new string('#', decimals), inv);
            if (Outward(from, to, decimals) is { } b && a != b)
            {
                return (Text(a), Text(b));
            }
        }

        return (Text(from.ToString("R", inv)), Text(to.ToString("R", inv)));

        // The minus sign of text output (Common.Minus), in the mantissa and the exponent alike.
        static string Text(string number) => number.Replace('-', Common.Minus);
    }

    /// <summary>The most decimals <see cref="Apart"/> writes before the shortest text that round-trips.</summary>
    private const int MaxDecimals = 16;

    /// <summary>
    /// <paramref name="to"/> with <paramref name="decimals"/> decimals, rounded away from <paramref name="from"/> (up
    /// when it lies above, down when below); null when it is too large to round exactly.
    /// </summary>
    private static string? Outward(double from, double to, int decimals)
    {
        var inv = CultureInfo.InvariantCulture;
        if (!(Math.Abs(to) < 1e15) || !decimal.TryParse(to.ToString("R", inv), NumberStyles.Float, inv, out var exact))
        {
            return null;
        }

        var rounded = Math.Round(exact, decimals, to >= from ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);
        var text = rounded.ToString("0." + new string('#', decimals), inv);
        return text == "-0" ? "0" : text;
    }
}
