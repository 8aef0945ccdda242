using System.CommandLine;
using Influence.Cases;
using Influence.Scoring;

namespace Influence.Cli.Commands;

/// <summary>
/// The checks of one command line, each run to its end so that every problem is reported at once: a check that fails
/// is recorded and the next runs; <see cref="ThrowIfAny"/> then throws one usage error that lists them all.
/// </summary>
internal sealed class UsageChecks
{
    private readonly CliIO _io;
    private readonly List<string> _found = [];

    /// <summary>Why the case could not be used, kept for <see cref="ThrowIfAny"/>; null while it loaded or was not loaded.</summary>
    private Exception? _caseFailure;

    /// <summary>Where in <see cref="_found"/> the case's problem goes, so that problems keep the order of the checks.</summary>
    private int _caseAt;

    /// <summary>
    /// Starts the checks of a command line with its --out (not a folder, in a folder that exists, not the file the
    /// command reads), so that a wrong --out is reported with the other problems rather than before them.
    /// </summary>
    public UsageChecks(CliIO io, ParseResult parse)
    {
        _io = io;
        Check(() => Common.CheckOut(parse));
    }

    /// <summary>The commands whose checks run after the parser's errors too (each stops at <see cref="ThrowIfAny"/>).</summary>
    public static readonly IReadOnlySet<string> CheckedCommands = new HashSet<string>(StringComparer.Ordinal) { "score", "explain", "network", "plot", "trend", "changepoints", "sensitivity", "counterfactual", "export-evidence", "bench" };

    /// <summary>
    /// True while a command runs only its checks, after the parser has reported errors of its own: a value the parser
    /// could not read (already reported) is then no problem of the checks, and nothing past <see cref="ThrowIfAny"/> runs.
    /// </summary>
    public static AsyncLocal<bool> AfterParserErrors { get; } = new();

    /// <summary>Whether a check has failed (the case failing to load counts).</summary>
    public bool Any => _found.Count > 0 || _caseFailure is not null;

    /// <summary>Runs a check; its usage error, if any, is recorded.</summary>
    public void Check(Action check) => Take(() =>
    {
        check();
        return 0;
    });

    /// <summary>Runs a check and says whether it passed (its usage error, if any, recorded).</summary>
    public bool Try(Action check)
    {
        var before = _found.Count;
        Check(check);
        return _found.Count == before;
    }

    /// <summary>The value a check gives, or default when it fails (its usage error recorded).</summary>
    public T? Take<T>(Func<T> check) => TryTake(check, out var value) ? value : default;

    /// <summary>
    /// <see cref="Take"/>, saying whether the value was read: false when the check failed or the parser could not read
    /// the value (after its own errors), so that checks of what depends on it do not report it again.
    /// </summary>
    public bool TryTake<T>(Func<T> check, out T? value)
    {
        (var read, value) = (false, default);
        try
        {
            (value, read) = (check(), true);
        }
        catch (Common.UsageException e)
        {
            _found.Add(e.Message);
        }
        catch (InvalidOperationException) when (AfterParserErrors.Value)
        {
            // A value the parser could not read: it has said so.
        }

        return read;
    }

    /// <summary>
    /// Loads the case, or null when it cannot be used. Why it cannot is kept, and the checks go on: when it is the only
    /// problem, <see cref="ThrowIfAny"/> reports it as it stands (a case with problems, or no case file: exit 1); beside
    /// other problems, its own are printed and the case is counted among the usage problems (exit 2).
    /// </summary>
    public Case? LoadCase(ParseResult parse, string? path)
    {
        try
        {
            return Common.LoadCase(_io, parse, path);
        }
        catch (Exception e) when (e is InvalidCaseException or Common.InputException or IOException or UnauthorizedAccessException)
        {
            (_caseFailure, _caseAt) = (e, _found.Count);
            return null;
        }
    }

    /// <summary>
    /// A period option (--from, --to, --period): against the case's range when the case loaded, else only its form
    /// (YYYY, YYYYQn or YYYY-MM), so that a malformed period is reported beside a case that could not be read.
    /// Null when <paramref name="text"/> is null or the check failed (recorded).
    /// </summary>
    public Period? Period(Case? theCase, string? text, string option) =>
        text is null ? null : Take<Period?>(() => theCase is null ? Common.ParsePeriod(text, option) : Common.PeriodIn(theCase, text, option));

    /// <summary>
    /// --from and --to, each as <see cref="Period"/> checks it; when the case loaded, each no finer than the granularity
    /// scored (a valid --granularity, else the case's); and, when both are periods, --from not after --to. Each problem
    /// is recorded whatever else failed, so that none waits for the others to be fixed.
    /// </summary>
    /// <param name="theCase">The case, or null when it did not load.</param>
    /// <param name="from">The --from text, if given.</param>
    /// <param name="to">The --to text, if given.</param>
    /// <param name="granularity">The --granularity text, if given.</param>
    /// <param name="hasGranularityOption">Whether the command has --granularity (to suggest it for a finer period).</param>
    public void Range(Case? theCase, string? from, string? to, string? granularity, bool hasGranularityOption = true)
    {
        var first = Period(theCase, from, "--from");
        var last = Period(theCase, to, "--to");
        if (theCase is not null && (granularity is null || GranularityExtensions.TryParse(granularity, out _)))
        {
            foreach (var (p, text, option) in new[] { (first, from, "--from"), (last, to, "--to") })
            {
                if (p is { } given && Common.FinerProblem(theCase, given, text!, option, granularity, hasGranularityOption) is { } problem)
                {
                    _found.Add(problem);
                }
            }
        }

        if (first is { } f && last is { } l && f.Start > l.End)
        {
            _found.Add($"--to {to} is before --from {from}: give the first period with --from and the last with --to");
        }
    }

    /// <summary>The form of a --granularity (year, quarter or month), checked whether or not the case loads.</summary>
    public void Granularity(string? text)
    {
        if (text is not null && !GranularityExtensions.TryParse(text, out _))
        {
            _found.Add(Common.GranularityProblem(text));
        }
    }

    /// <summary>
    /// The dyad --patron and --client name (null when <paramref name="theCase"/> did not load or the dyad is not
    /// given as the command needs it, which is then a recorded problem), with both of its actors checked against the case.
    /// </summary>
    public Dyad? Dyad(Case? theCase, string? patron, string? client)
    {
        if (theCase is null)
        {
            return null;
        }

        var given = Take<Dyad?>(() => Common.DyadOf(theCase, patron, client));
        if (given is { } named)
        {
            Actor(theCase, named.Patron, $"dyad {named.Patron}→{named.Client}");
            Actor(theCase, named.Client, $"dyad {named.Patron}→{named.Client}");
        }

        return given;
    }

    /// <summary>An actor id of the case, or a recorded problem naming the nearest (<paramref name="what"/> leads the message).</summary>
    public void Actor(Case theCase, string? id, string what)
    {
        if (id is not null && theCase.ActorIndexOf(id) < 0)
        {
            _found.Add($"{what}: {Common.NoActorCalled(theCase, id)}");
        }
    }

    /// <summary>
    /// A measure name (built-in, or a short name of the score table), or a recorded problem listing the names with the
    /// nearest: the one check of measure names every command uses.
    /// </summary>
    public void Measure(string? name, IReadOnlyList<string>? alsoExpected = null)
    {
        if (name is not null && MeasureProblem(name, alsoExpected) is { } problem)
        {
            _found.Add(problem);
        }
    }

    /// <summary>
    /// Several measures (sensitivity's --measure, plot's --measures), each checked as <see cref="Measure"/> checks one,
    /// and a measure named more than once (by its name or a short name) one problem, as the library takes a measure or
    /// dyad given twice: "--measure exchange is given twice; give each measure once".
    /// </summary>
    public void Measures(IReadOnlyList<string> names, string option)
    {
        foreach (var name in names)
        {
            Measure(name);
        }

        var repeats = names
            .GroupBy(n => Theory.Measures.Resolve(n, m => Theory.Measures.Find(m) is not null) ?? n, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var g in repeats)
        {
            var times = g.Count() == 2 ? "twice" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g.Count()} times");
            var spellings = g.Distinct(StringComparer.Ordinal).ToList();
            var how = spellings.Count > 1 ? $" (as {string.Join(", ", spellings.SkipLast(1))} and {spellings[^1]})" : string.Empty;
            _found.Add($"{option} {g.Key} is given {times}{how}; give each measure once");
        }
    }

    /// <summary>"no measure is called 'x'; expected one of: …, or a short name …; did you mean …", or null for a measure's name.</summary>
    public static string? MeasureProblem(string name, IReadOnlyList<string>? alsoExpected = null) =>
        Theory.Measures.Resolve(name, n => Theory.Measures.Find(n) is not null) is not null
        || (alsoExpected ?? []).Contains(name, StringComparer.OrdinalIgnoreCase)
            ? null
            : ScoreSet.NoMeasureCalled(name, Theory.Measures.BuiltIn.Select(m => m.Name), alsoExpected);

    /// <summary>Throws one usage error listing every recorded problem, when there is any.</summary>
    public void ThrowIfAny()
    {
        if (_caseFailure is { } failure)
        {
            if (_found.Count == 0 && !AfterParserErrors.Value)
            {
                // The case is the only problem: reported as a case's problems are (exit 1).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            _found.Insert(_caseAt, CaseProblem(failure));
        }

        if (_found.Count > 0 || AfterParserErrors.Value)
        {
            throw new Common.UsageException(string.Join(Environment.NewLine + "influence: ", _found));
        }
    }

    /// <summary>The case's line among the usage problems (an invalid case's own problems printed first).</summary>
    private string CaseProblem(Exception failure)
    {
        if (failure is not InvalidCaseException invalid)
        {
            return failure.Message;
        }

        foreach (var p in invalid.Problems)
        {
            _io.Error.WriteLine(p.ToString());
        }

        return $"the case has {invalid.Problems.Count} problem{(invalid.Problems.Count == 1 ? string.Empty : "s")} (above)";
    }
}
