using System.CommandLine;
using System.Globalization;
using Influence.IO;
using Influence.TimeSeries;

namespace Influence.Cli.Commands;

/// <summary><c>influence changepoints CASE --patron ID --client ID --measure M [--from P] [--to P] [--min-sigma S] [--format text|json] [--out]</c>.</summary>
internal static class ChangePointsCommand
{
    public static Command Create(CliIO io)
    {
        var series = new DyadSeriesOptions();
        var command = new Command("changepoints", "Change points in the mean of a measure's series (penalised least squares, penalty 3·σ̂²·ln n), with the size of each shift.");
        var format = new Option<string>("--format") { Description = "text or json (schema influence.changepoints/1, with the input hash).", DefaultValueFactory = _ => "text" };
        var minSigma = new Option<double?>("--min-sigma") { Description = "A floor under the noise estimate σ̂ (the search uses max(σ̂, floor)); default: none, σ̂ as estimated." };
        series.AddTo(command);
        command.Options.Add(minSigma);
        command.Options.Add(format);
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "text", "json"));
            var floor = checks.Take(() => parse.GetValue(minSigma));
            if (floor is { } f && !(f > 0 && double.IsFinite(f)))
            {
                // Echoed as typed: 1e400 reads as infinity, which the message should not show as if typed.
                var given = Common.GivenText(parse, minSigma) ?? f.ToString(CultureInfo.InvariantCulture);
                checks.Check(() => throw new Common.UsageException($"--min-sigma must be a finite positive number; was '{given}'"));
            }

            var (theCase, request) = series.Check(checks, parse);
            checks.ThrowIfAny();
            var (dyad, name, scores) = series.Score(parse, theCase!, request!);
            var searchOptions = ChangePointOptions.Default with { MinimumNoiseSigma = floor };
            var result = ChangePoints.Detect(scores, name, dyad, options: searchOptions);
            Common.Emit(io, parse.GetValue(series.Out), writer =>
            {
                if (fmt == "json")
                {
                    writer.Write(ChangePointWriter.ToJson(result, scores, name, dyad, searchOptions));
                    writer.WriteLine();
                    return;
                }

                writer.WriteLine(Common.InputLine(scores.Case, scores.InputHash));
                Write(result, scores.Measures[scores.MeasureIndexOf(name)].Name, dyad, floor, searchOptions, writer);
                if (result.Points < MinimumPoints(searchOptions))
                {
                    return;
                }

                if (Common.PartialPeriodNote(scores, scores.Periods.IndexOf(result.From), scores.Periods.IndexOf(result.To)) is { } note)
                {
                    writer.WriteLine("  note: " + note);
                    if (PartialPeriods.In(scores, result.From, result.To) is { } partial)
                    {
                        writer.WriteLine("  " + NearPartial(result, partial));
                        if (PartialPeriods.DetectWithout(scores, name, dyad, result, searchOptions) is { } without)
                        {
                            writer.WriteLine("  " + Without(partial, result, without));
                        }
                    }
                }

                // The range asked for may run past the evidence: those periods are not searched.
                if (Common.AfterEvidenceNote(scores, 0, scores.PeriodCount - 1) is { } after)
                {
                    writer.WriteLine("  note: " + after);
                }
            });
            return Cli.Success;
        }));
        return command;
    }

    /// <summary>
    /// Whether a change point found is the partial period or next to it (then one of the segments it separates holds
    /// the partial value at its start or end), with the range to rerun to see the series without it.
    /// </summary>
    private static string NearPartial(ChangePointResult r, Period partial)
    {
        var inv = CultureInfo.InvariantCulture;
        var rerun = partial > r.From ? string.Create(inv, $" (--to {partial.AddPeriods(-1)} shows the search that ends before it in full)") : string.Empty;
        var near = r.ChangePoints.Where(c => PartialPeriods.IsNear(c.Period, partial)).ToList();
        if (near.Count == 0)
        {
            return string.Create(inv, $"the search includes the partial period {partial}; no change point is at or next to it.");
        }

        var each = near.Select(c => c.Period.PeriodsSince(partial) switch
        {
            0 => string.Create(inv, $"{c.Period} is the partial period itself: the new level starts with its value"),
            < 0 => string.Create(inv, $"{c.Period} is next to it: the new level's segment holds {partial}'s value"),
            _ => string.Create(inv, $"{c.Period} follows it: the level before ends with {partial}'s value"),
        });
        return string.Create(inv, $"the search includes the partial period {partial}, and a change point rests in part on it: {string.Join("; ", each)}{rerun}.");
    }

    /// <summary>The change points of the same search with the partial period's value left out, and which of those found with it are gone.</summary>
    private static string Without(Period partial, ChangePointResult with, ChangePointResult without)
    {
        var inv = CultureInfo.InvariantCulture;
        if (without.Points == with.Points)
        {
            return string.Create(inv, $"{partial} is undefined for this measure, so the search does not use it.");
        }

        var found = without.ChangePoints.IsEmpty
            ? "no change point"
            : string.Create(inv, $"{without.ChangePoints.Length} change point{(without.ChangePoints.Length == 1 ? string.Empty : "s")} ({string.Join(", ", without.ChangePoints.Select(c => c.Period.ToString()))})");
        var gone = with.ChangePoints.Where(c => !without.ChangePoints.Any(d => d.Period == c.Period)).Select(c => c.Period.ToString()).ToList();
        var lost = gone.Count == 0
            ? "every change point found with it is found without it"
            : $"not found without it: {string.Join(", ", gone)}";
        return string.Create(inv, $"without {partial} ({without.Points} values): {found}; {lost}.");
    }

    /// <summary>Four decimals, or three significant digits (as the small-noise warning gives them) below 0.0001, so that a tiny σ̂ or β never reads 0.0000.</summary>
    private static string Small(double x) =>
        x != 0 && Math.Abs(x) < 0.0001 ? x.ToString("G3", CultureInfo.InvariantCulture) : Common.Number(x, "0.0000");

    /// <summary>
    /// The fewest defined values a search is made on: a change point splits the series into two segments of at least
    /// <see cref="ChangePointOptions.MinimumSegmentLength"/> values each (2 by default, so 4), and fewer cannot hold
    /// one; the noise estimate (the MAD of first differences) and the penalty would then be reported for nothing.
    /// </summary>
    internal static int MinimumPoints(ChangePointOptions options) => 2 * options.MinimumSegmentLength;

    private static void Write(ChangePointResult r, string measure, Cases.Dyad dyad, double? floor, ChangePointOptions options, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(DyadSeriesOptions.Headline(measure, dyad, r.From, r.To, r.Points, r.Skipped));
        if (r.Points < MinimumPoints(options))
        {
            w.WriteLine(string.Create(inv, $"  fewer than {MinimumPoints(options)} defined values: no change point can be searched for (a change point splits the series into two segments of at least {options.MinimumSegmentLength} values each)."));
            return;
        }

        if (r.Penalty is { } penalty && r.NoiseSigma is { } sigma)
        {
            // The floor, when it is what the search used, is named as such: the estimate it replaced was smaller.
            var source = floor is { } f && Math.Abs(sigma - f) <= 1e-12 * f
                ? string.Create(inv, $"the --min-sigma floor {f:G4}, above the MAD of first differences")
                : floor is { } g ? string.Create(inv, $"MAD of first differences, above the --min-sigma floor {g:G4}") : "MAD of first differences";
            w.WriteLine(string.Create(inv, $"  noise σ̂ = {Small(sigma)} ({source}); penalty β = 3·σ̂²·ln n = {Small(penalty)}"));
        }

        if (r.SmallNoiseWarning is { } warning)
        {
            w.WriteLine("  warning: " + warning.Replace("(MinimumNoiseSigma)", "(--min-sigma)", StringComparison.Ordinal));
        }

        if (r.ChangePoints.IsEmpty)
        {
            w.WriteLine("  no change point.");
        }
        else
        {
            w.WriteLine(string.Create(inv, $"  {r.ChangePoints.Length} change point{(r.ChangePoints.Length == 1 ? string.Empty : "s")} (first period of the new level):"));
            foreach (var c in r.ChangePoints)
            {
                w.WriteLine(string.Create(inv, $"    {c.Period,-8} mean {Common.Number(c.MeanBefore, "0.000")} → {Common.Number(c.MeanAfter, "0.000")}   shift {Common.Signed(c.Shift, "0.000")}"));
            }
        }

        w.WriteLine("  segments:");
        foreach (var s in r.Segments)
        {
            w.WriteLine(string.Create(inv, $"    {s.From}–{s.To,-8} {s.Points,3} values   mean {Common.Number(s.Mean, "0.000")}"));
        }
    }
}
