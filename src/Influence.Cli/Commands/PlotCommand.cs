using System.CommandLine;
using Influence.Cases;
using Influence.Charts;
using Influence.Scoring;

namespace Influence.Cli.Commands;

/// <summary><c>influence plot [CASE] --patron ID --client ID [--measures m1,m2] [--from] [--to] [--granularity] --out FILE.png</c>.</summary>
internal static class PlotCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var patron = Common.Patron();
        var client = Common.Client();
        var measures = new Option<string?>("--measures")
        {
            Description = "Comma-separated measures to draw in one panel (default: two panels, Biermann's features and the influence criteria).",
        };
        var from = Common.From();
        var to = Common.To();
        var granularity = Common.Granularity();
        var output = new Option<string?>("--out") { Description = "The PNG file to write (written whole or not at all).", Required = true };
        var width = new Option<int>("--width") { Description = "Image width in pixels.", DefaultValueFactory = _ => DyadChartOptions.Default.Width };
        var command = new Command("plot", "Draw a dyad's measures over time as a PNG chart, with intervals where a measure has them.")
        {
            @case, patron, client, measures, from, to, granularity, output, width,
        };
        command.SetAction(parse => Common.Guard(io, () =>
        {
            var outPath = parse.GetValue(output)!;
            if (!outPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                throw new Common.UsageException($"--out must name a .png file; was '{outPath}'");
            }

            var theCase = Common.LoadCase(parse.GetValue(@case));
            var (pat, cli) = (parse.GetValue(patron), parse.GetValue(client));
            if (pat is null && cli is null && theCase.Dyads.Length == 1)
            {
                (pat, cli) = (theCase.Dyads[0].Patron, theCase.Dyads[0].Client);
            }

            if (pat is null || cli is null)
            {
                throw new Common.UsageException("give --patron and --client (the case declares more than one dyad)");
            }

            var request = Common.Request(theCase, pat, cli, parse.GetValue(from), parse.GetValue(to), parse.GetValue(granularity));
            var scores = Scorer.Score(theCase, ScoringOptions.Default, request);
            var chosen = parse.GetValue(measures)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var options = DyadChartOptions.Default with { Width = parse.GetValue(width) };
            var full = Path.GetFullPath(outPath);
            if (!Directory.Exists(Path.GetDirectoryName(full)))
            {
                throw new Common.UsageException($"the folder of --out '{outPath}' does not exist");
            }

            DyadChart.SavePng(scores, new Dyad(pat, cli), full, chosen, options);
            io.Out.WriteLine($"wrote {outPath}");
            return Cli.Success;
        }));
        return command;
    }
}
