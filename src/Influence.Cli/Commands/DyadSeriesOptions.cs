using System.CommandLine;
using Influence.Cases;
using Influence.Scoring;

namespace Influence.Cli.Commands;

/// <summary>
/// The options of commands that analyse one dyad's series (<c>CASE --patron --client --measure [--from] [--to]
/// [--granularity] [--out]</c>) and the scoring they share.
/// </summary>
internal sealed class DyadSeriesOptions
{
    public Argument<string?> Case { get; } = Common.CaseArgument();

    public Option<string?> Patron { get; } = Common.Patron();

    public Option<string?> Client { get; } = Common.Client();

    public Option<string?> Measure { get; } = Common.Measure();

    public Option<string?> From { get; } = Common.From();

    public Option<string?> To { get; } = Common.To();

    public Option<string?> Granularity { get; } = Common.Granularity();

    public Option<string?> Out { get; } = Common.Out();

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Case);
        foreach (var option in new Option[] { Patron, Client, Measure, From, To, Granularity, Out })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Loads the case and scores the dyad over the requested range with default options.</summary>
    public (Dyad Dyad, string Measure, ScoreSet Scores) Score(CliIO io, ParseResult parse)
    {
        var path = parse.GetValue(Case);
        var theCase = Common.LoadCase(io, parse, path);
        var dyad = Common.DyadOf(theCase, parse.GetValue(Patron), parse.GetValue(Client));
        var request = Common.Request(theCase, dyad.Patron, dyad.Client, parse.GetValue(From), parse.GetValue(To), parse.GetValue(Granularity));
        return (dyad, parse.GetValue(Measure)!, Scorer.Score(theCase, ScoringOptions.Default, request));
    }
}
