using System.CommandLine;
using System.Globalization;
using Influence.IO;
using Influence.TimeSeries;

namespace Influence.Cli.Commands;

/// <summary><c>influence trend CASE --patron ID --client ID --measure M [--from P] [--to P] [--level L] [--format text|json] [--out]</c>.</summary>
internal static class TrendCommand
{
    public static Command Create(CliIO io)
    {
        var series = new DyadSeriesOptions();
        var level = new Option<double>("--level") { Description = "The coverage of the slope intervals, above 0 and at most 0.999.", DefaultValueFactory = _ => 0.9 };
        var format = new Option<string>("--format") { Description = "text or json (schema influence.trend/1, with the input hash and the exact p-value).", DefaultValueFactory = _ => "text" };
        var command = new Command("trend", "The trend of a measure over a range of periods: least-squares slope with its interval, the Mann–Kendall test and Sen's slope.");
        series.AddTo(command);
        command.Options.Add(level);
        command.Options.Add(format);
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "text", "json"));
            var coverage = checks.Take<double?>(() => parse.GetValue(level));
            if (coverage is { } c && c is not (> 0 and <= 0.999))
            {
                checks.Check(() => throw new Common.UsageException(string.Create(CultureInfo.InvariantCulture, $"--level must be above 0 and at most 0.999 (further out the t quantiles are unreliable), got {c}")));
            }

            var (theCase, request) = series.Check(checks, parse);
            checks.ThrowIfAny();
            var (dyad, name, scores) = series.Score(parse, theCase!, request!);
            var trend = Trends.Fit(scores, name, dyad, level: coverage!.Value);
            Common.Emit(io, parse.GetValue(series.Out), writer =>
            {
                if (fmt == "json")
                {
                    writer.Write(TrendWriter.ToJson(trend, scores, name, dyad));
                    writer.WriteLine();
                    return;
                }

                writer.WriteLine(Common.InputLine(scores.Case, scores.InputHash));
                var measureName = scores.Measures[scores.MeasureIndexOf(name)].Name;
                Write(trend, measureName, dyad, writer);
                if (trend.MannKendall is not null)
                {
                    writer.WriteLine("  " + Window(MeasureWindow.Of(scores, name, dyad, trend.From, trend.To), measureName, trend));
                }

                if (Common.PartialPeriodNote(scores, scores.Periods.IndexOf(trend.From), scores.Periods.IndexOf(trend.To)) is { } note)
                {
                    writer.WriteLine("  note: " + note);
                }

                if (trend.Slope is not null && PartialPeriods.In(scores, trend.From, trend.To) is { } partial && PartialPeriods.FitWithout(scores, name, dyad, trend) is { } without)
                {
                    writer.WriteLine("  " + Without(partial, trend, without));
                }

                // The range asked for may run past the evidence: those periods are not in the fit.
                if (Common.AfterEvidenceNote(scores, 0, scores.PeriodCount - 1) is { } after)
                {
                    writer.WriteLine("  note: " + after);
                }
            });
            return Cli.Success;
        }));
        return command;
    }

    private static void Write(TrendResult t, string measure, Cases.Dyad dyad, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        var unit = t.From.Granularity.ToName();
        w.WriteLine(DyadSeriesOptions.Headline(measure, dyad, t.From, t.To, t.Points, t.Skipped));
        if (t.Slope is not { } slope)
        {
            w.WriteLine("  fewer than 3 defined values: no trend can be estimated.");
            return;
        }

        w.WriteLine(string.Create(inv, $"  least squares:  slope {Signed(slope)} per {unit}, {t.Level * 100:0.#}% interval [{Signed(t.SlopeLow)}, {Signed(t.SlopeHigh)}]; R² {(t.RSquared is { } r2 ? Common.Number(r2, "0.00") : "–")}"));
        if (t.MannKendall is { } mk)
        {
            var how = mk.IsExact ? "exact" : "normal approximation, ties corrected";
            w.WriteLine(mk.Z is { } z && mk.Tau is { } tau && mk.PValue is { } p
                ? string.Create(inv, $"  Mann–Kendall:   S = {Common.Number(mk.S)}, τ = {Common.Number(tau, "0.00")}, z = {Common.Number(z, "0.00")}, two-sided {PValues.Format(p)} ({how})")
                : string.Create(inv, $"  Mann–Kendall:   S = {Common.Number(mk.S)}; τ, z and p undefined: every value is the same (Var(S) = 0)"));
            w.WriteLine("  " + Corrected(mk.Corrected));
            w.WriteLine(string.Create(inv, $"  Sen's slope:    {Signed(mk.SenSlope)} per {unit}, {t.Level * 100:0.#}% interval [{Signed(mk.SenSlopeLow)}, {Signed(mk.SenSlopeHigh)}]"));
        }
    }

    /// <summary>The Hamed–Rao line: the corrected z and p, or why they are undefined.</summary>
    private static string Corrected(HamedRaoCorrection c)
    {
        const string Head = "corrected:      ";
        if (c.Factor is not { } factor || c.Z is not { } z || c.PValue is not { } p)
        {
            return Head + "undefined for autocorrelation (Hamed and Rao 1998): " + (c.Undefined ?? "a statistic does not fit in a double");
        }

        var lags = c.SignificantLags == 1 ? "1 significant lag" : string.Create(CultureInfo.InvariantCulture, $"{c.SignificantLags} significant lags");
        return string.Create(CultureInfo.InvariantCulture, $"{Head}z = {Common.Number(z, "0.00")}, two-sided {PValues.Format(p)} (Var(S) × {Common.Number(factor, "0.00")} for autocorrelation, Hamed and Rao 1998; {lags} of the detrended ranks)");
    }

    /// <summary>
    /// The line that says how far back the measure's value reaches (its trailing window, or history carried forward)
    /// and, when that is the period itself, whether the items it reads span more than one period; and so which p to
    /// read: the corrected one when consecutive values share evidence.
    /// </summary>
    private static string Window(MeasureWindow window, string measure, TrendResult trend)
    {
        const string Read = "the least-squares interval and the first p assume independent values: read the corrected p, and take the intervals as too narrow.";
        if (!window.Known)
        {
            return $"window: not known ({measure} is a measure of your own); unless its values are independent, {Read}";
        }

        var inv = CultureInfo.InvariantCulture;
        var granularity = trend.From.Granularity;
        var unit = granularity.ToName();
        var reach = window.Years is { } y && window.Periods is { } k
            ? string.Create(inv, $"a trailing {Common.Number(y, "0.##")}-year window{(granularity == Granularity.Year ? string.Empty : $" ({k} {unit}{(k == 1 ? string.Empty : "s")})")}")
            : null;
        if (reach is not null && !window.CarriesHistory && window.Periods == 1)
        {
            // The window is the period itself: the values share evidence only through items that span periods.
            var read = window.ItemsRead ?? 0;
            var spanning = window.SpanningItems ?? 0;
            var items = string.Create(inv, $"{read} item{(read == 1 ? string.Empty : "s")} it reads over {trend.From}–{trend.To}");
            return spanning > 0
                ? string.Create(inv, $"window: {measure} rests on {reach}, the {unit} itself, but {spanning} of the {items} {(spanning == 1 ? "spans" : "span")} more than one {unit} (a span counts in every {unit} it covers), so consecutive values can rest on the same items; {Read}")
                : $"window: {measure} rests on {reach}, the {unit} itself, and {(read == 0 ? "it reads no item" : $"none of the {items} spans more than one {unit}")}: each value rests on its own {unit}'s evidence, so read the first p (the corrected one allows for autocorrelation these values need not have).";
        }

        var what = (reach, window.CarriesHistory) switch
        {
            (null, _) => $"none, but {measure} rests on all that came before each {unit} (a cumulative or carried-forward value)",
            (_, true) => $"{measure} rests on {reach} and on all that came before it",
            _ => $"{measure} rests on {reach}",
        };
        return $"window: {what}, so consecutive values share evidence; {Read}";
    }

    /// <summary>The line that gives the fit without the partial period, which the fit above includes.</summary>
    private static string Without(Period partial, TrendResult trend, TrendResult without)
    {
        var inv = CultureInfo.InvariantCulture;
        if (without.Points == trend.Points)
        {
            return string.Create(inv, $"{partial} is partial but undefined for this measure, so it is not in the fit.");
        }

        var head = string.Create(inv, $"the fit above includes the partial period {partial}; without it ({without.Points} of {without.Points + without.Skipped} periods defined)");
        if (without.Slope is not { } slope || without.MannKendall is not { } mk)
        {
            return head + ": fewer than 3 defined values, no trend.";
        }

        var unit = trend.From.Granularity.ToName();
        var corrected = mk.Corrected.PValue is { } pc ? "corrected " + PValues.Format(pc) : "corrected p undefined";
        return string.Create(inv, $"{head}: least-squares slope {Signed(slope)} per {unit}, {trend.Level * 100:0.#}% interval [{Signed(without.SlopeLow)}, {Signed(without.SlopeHigh)}]; Mann–Kendall {(mk.PValue is { } p ? "two-sided " + PValues.Format(p) : "p undefined")}, {corrected}; Sen's slope {Signed(mk.SenSlope)} per {unit}.");
    }

    private static string Signed(double? v) =>
        v is { } x ? Common.Signed(x, "0.0000") : "–";
}
