using System.CommandLine;
using System.Globalization;
using Influence.Cases;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;

namespace Influence.Cli.Commands;

/// <summary><c>influence plot [CASE] --patron ID --client ID [--measures m1,m2] [--from] [--to] [--granularity] [--title TEXT] [--credit TEXT | --no-credit] [--no-states] --out FILE.png</c>.</summary>
internal static class PlotCommand
{
    /// <summary>The widths a chart can have (<see cref="DyadChartOptions.Width"/>).</summary>
    private const int MinWidth = 200;

    private const int MaxWidth = 10_000;

    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var patron = Common.Patron();
        var client = Common.Client();
        var measures = new Option<string?>("--measures")
        {
            Description = "Comma-separated measures to draw, one panel per scale (default: Biermann's five features, then the main influence criteria: attainment, compliance, input efficiency, presence, client agency; each scale in its own panel).",
        };
        var from = new Option<string?>("--from") { Description = "The first period (YYYY, YYYYQn or YYYY-MM). Without --from and --to the chart spans the dyad's active range (both parties exist and a measure has a value); an end given is drawn as given, empty periods included, and the other end stays the active range's." };
        var to = new Option<string?>("--to") { Description = "The last period (see --from for the default)." };
        var granularity = Common.Granularity();
        var output = Common.Out("The PNG file to write (written whole or not at all).");
        output.Required = true;
        var widthOption = new Option<int>("--width") { Description = "Image width in pixels.", DefaultValueFactory = _ => DyadChartOptions.Default.Width };
        var title = new Option<string?>("--title")
        {
            Description = "The title above the chart: one line of text (no control character or bidirectional override), wrapped onto up to three lines when wider than the chart (default: the actors' names and the drawn range; \"\" for no title, and no room kept for it).",
        };
        var credit = new Option<string?>("--credit")
        {
            Description = "The credit line at the foot of the chart, one line of text as --title (default: the case's name and id, the first 12 hex digits of the input hash, the Influence version and the number of sources; \"\" or --no-credit for none).",
        };
        var noCredit = new Option<bool>("--no-credit") { Description = "Draw no credit line (see --credit)." };
        var noStates = new Option<bool>("--no-states") { Description = "Draw no strip of the dyad's relationship state (consolidated, contested, …) under the panels." };
        var (intervals, seed, intervalKind) = (Common.Intervals("chart"), Common.Seed(), Common.IntervalKindOption());
        var command = new Command("plot", "Draw a dyad's measures over time as a PNG chart: shaded bands are intervals, from the draws with --intervals, and input efficiency's own regression interval without.")
        {
            @case, patron, client, measures, from, to, granularity, output, widthOption, title, credit, noCredit, noStates, intervals, seed, intervalKind,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var outPath = checks.Take(() => parse.GetValue(output));
            if (outPath is not null && !outPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                checks.Check(() => throw new Common.UsageException($"--out must name a .png file; was '{outPath}'"));
            }

            var width = checks.Take<int?>(() => parse.GetValue(widthOption)) ?? DyadChartOptions.Default.Width;
            if (width is < MinWidth or > MaxWidth)
            {
                checks.Check(() => throw new Common.UsageException(string.Create(CultureInfo.InvariantCulture, $"--width must be between {MinWidth} and {MaxWidth} pixels, got {width}")));
            }

            var creditText = checks.Take(() => OneLine(parse.GetValue(credit), "--credit"));
            if (parse.GetValue(noCredit) && creditText is not null)
            {
                checks.Check(() => throw new Common.UsageException("give --credit TEXT or --no-credit, not both"));
            }

            var titleText = checks.Take(() => OneLine(parse.GetValue(title), "--title"));
            checks.Measures(Common.MeasureList([parse.GetValue(measures)]), "--measures");

            var how = Common.IntervalOptionsFrom(checks, parse, intervals, seed, intervalKind);
            checks.Granularity(checks.Take(() => parse.GetValue(granularity)));
            var theCase = checks.LoadCase(parse, parse.GetValue(@case));
            checks.Range(theCase, checks.Take(() => parse.GetValue(from)), checks.Take(() => parse.GetValue(to)), checks.Take(() => parse.GetValue(granularity)));
            var given = checks.Dyad(theCase, parse.GetValue(patron), parse.GetValue(client));

            var request = checks.Any ? null : checks.Take(() => Common.Request(theCase!, given!.Value.Patron, given.Value.Client, parse.GetValue(from), parse.GetValue(to), parse.GetValue(granularity)));
            checks.ThrowIfAny();
            var (pat, cli) = given!.Value;
            var scores = Scorer.Score(theCase!, ScoringOptions.Default, request!);
            if (how is not null)
            {
                scores = Intervals.Compute(scores, how);
            }

            var chosen = parse.GetValue(measures) is null ? null : Common.MeasureList([parse.GetValue(measures)]);
            // An end asked for (--from, --to) is drawn as asked, empty periods included; an end not asked for is the
            // dyad's active range's, not the case's, as in trend and changepoints.
            var options = DyadChartOptions.Default with
            {
                Width = width,
                TrimToActiveStart = parse.GetValue(from) is null,
                TrimToActiveEnd = parse.GetValue(to) is null,
                Title = titleText,
                ShowStates = !parse.GetValue(noStates),
                Credit = parse.GetValue(noCredit) ? string.Empty : creditText,
            };
            var png = DyadChart.RenderPng(scores, new Dyad(pat, cli), chosen, options);
            Common.WriteFile(io, outPath!, stream => stream.Write(png));
            return Cli.Success;
        }));
        return command;
    }

    /// <summary>
    /// The text of --title or --credit, checked before any work: one line, as the chart draws it, and without the
    /// bidirectional embeddings, overrides and isolates a case's text may not hold either (the case reader's rule,
    /// <c>Check.Text</c>): they would reorder the title as drawn and as a PNG reader shows it. The text is quoted with
    /// its escapes.
    /// </summary>
    private static string? OneLine(string? text, string option) =>
        text is null ? null
        : !DyadChartOptions.IsOneLine(text) ? throw new Common.UsageException($"{option} must be one line of text, with no line break or other control character; was '{PrintableText.Escape(text)}'")
        : Influence.Internal.Check.Text(text) is { } problem ? throw new Common.UsageException($"{option} must be {problem}; was '{PrintableText.Escape(text)}'")
        : text;
}
