using System.CommandLine;
using System.Globalization;
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

    /// <summary>
    /// Checks the options, each problem recorded in <paramref name="checks"/>: the measure, the case, the dyad and its
    /// actors, --from and --to against the case's range, then the request they make together (when nothing has failed).
    /// </summary>
    public (Case? Case, ScoringRequest? Request) Check(UsageChecks checks, ParseResult parse)
    {
        checks.Measure(checks.Take(() => parse.GetValue(Measure)));
        checks.Granularity(checks.Take(() => parse.GetValue(Granularity)));
        var theCase = checks.LoadCase(parse, parse.GetValue(Case));

        // --from and --to against the case's range (their form alone when the case did not load), the granularity and
        // each other.
        checks.Range(theCase, checks.Take(() => parse.GetValue(From)), checks.Take(() => parse.GetValue(To)), checks.Take(() => parse.GetValue(Granularity)));
        if (theCase is null)
        {
            return (null, null);
        }

        var given = checks.Dyad(theCase, parse.GetValue(Patron), parse.GetValue(Client));
        var request = checks.Any || given is not { } dyad
            ? null
            : checks.Take(() => Common.Request(theCase, dyad.Patron, dyad.Client, parse.GetValue(From), parse.GetValue(To), parse.GetValue(Granularity)));
        return (theCase, request);
    }

    /// <summary>Scores the dyad of a request <see cref="Check"/> has made, with default options.</summary>
    public (Dyad Dyad, string Measure, ScoreSet Scores) Score(ParseResult parse, Case theCase, ScoringRequest request)
    {
        var scores = Scorer.Score(theCase, ScoringOptions.Default, request);
        RequireScoredSomewhere(scores);
        return (request.Dyads[0], parse.GetValue(Measure)!, scores);
    }

    /// <summary>
    /// The first line of a text result about the series: the measure, the dyad, the range, and how many of its periods
    /// are defined (the undefined ones are left out, not imputed).
    /// </summary>
    public static string Headline(string measure, Dyad dyad, Period from, Period to, int points, int skipped) =>
        string.Create(CultureInfo.InvariantCulture, $"{measure} of {dyad.Patron} → {dyad.Client}, {from}–{to}: {points} of {points + skipped} periods defined ({skipped} undefined, left out, not imputed)");

    /// <summary>
    /// A usage error (exit 2, as for a period outside the case) when the dyad is scored in none of the periods asked
    /// for, because a party did not exist in any of them (or they all start after the evidence): a series of nothing
    /// but "not scored" is no series, and "0 of 21 periods defined" would hide why.
    /// </summary>
    internal static void RequireScoredSomewhere(ScoreSet scores)
    {
        if (scores.PeriodCount == 0 || Enumerable.Range(0, scores.PeriodCount).Any(p => scores.InactiveReason(0, p) is null))
        {
            return;
        }

        var dyad = scores.Dyads[0];
        // The first period's reason, and the last's when it is of another kind (a party gone, the evidence ended).
        var (first, last) = (scores.InactiveReason(0, 0)!, scores.InactiveReason(0, scores.PeriodCount - 1)!);
        var range = $"{scores.Periods[0]}–{scores.Periods[^1]}";
        // A party that did not exist in any period of the range is said of the range ("taliban did not exist in
        // 1973–1993"), not of its first period.
        var c = scores.Case;
        var reasons = first.StartsWith("after", StringComparison.Ordinal) == last.StartsWith("after", StringComparison.Ordinal)
            ? [c.Inactive(c.ActorIndexOf(dyad.Patron), c.ActorIndexOf(dyad.Client), scores.Periods[0], scores.Periods[^1]) ?? first]
            : new[] { first, last };
        throw new Common.UsageException(
            $"{dyad.Patron} → {dyad.Client} is not scored anywhere in {range}: {string.Join("; ", reasons)}; give a range in which both parties exist and the evidence runs");
    }
}
