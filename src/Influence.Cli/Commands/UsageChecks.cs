using System.CommandLine;
using Influence.Cases;
using Influence.Scoring;

namespace Influence.Cli.Commands;

/// <summary>
/// The checks of one command line, each run to its end so that every problem is reported at once: a check that fails
/// is recorded and the next runs; <see cref="ThrowIfAny"/> then throws one usage error that lists them all.
/// </summary>
internal sealed class UsageChecks(CliIO io)
{
    private readonly List<string> _found = [];

    /// <summary>The commands whose checks run after the parser's errors too (each stops at <see cref="ThrowIfAny"/>).</summary>
    public static readonly IReadOnlySet<string> CheckedCommands = new HashSet<string>(StringComparer.Ordinal) { "score", "explain", "network", "plot", "trend", "changepoints", "sensitivity", "counterfactual", "export-evidence" };

    /// <summary>
    /// True while a command runs only its checks, after the parser has reported errors of its own: a value the parser
    /// could not read (already reported) is then no problem of the checks, and nothing past <see cref="ThrowIfAny"/> runs.
    /// </summary>
    public static AsyncLocal<bool> AfterParserErrors { get; } = new();

    /// <summary>Whether a check has failed.</summary>
    public bool Any => _found.Count > 0;

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
    public T? Take<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (Common.UsageException e)
        {
            _found.Add(e.Message);
            return default;
        }
        catch (InvalidOperationException) when (AfterParserErrors.Value)
        {
            // A value the parser could not read: it has said so.
            return default;
        }
    }

    /// <summary>
    /// Loads the case; when it cannot be used and a check has already failed, its problems are printed and the case
    /// counted among the usage problems, so that a bad case file and bad options are reported together (exit 2).
    /// </summary>
    public Case? LoadCase(ParseResult parse, string? path)
    {
        try
        {
            return Common.LoadCase(io, parse, path);
        }
        catch (InvalidCaseException e) when (Any)
        {
            foreach (var p in e.Problems)
            {
                io.Error.WriteLine(p.ToString());
            }

            _found.Add($"the case has {e.Problems.Count} problem{(e.Problems.Count == 1 ? string.Empty : "s")} (above)");
            return null;
        }
        catch (Common.InputException e) when (Any)
        {
            _found.Add(e.Message);
            return null;
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
            _found.Add($"{what}: {theCase.NoActorCalled(id)}");
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

    /// <summary>"no measure is called 'x'; expected one of: …, or a short name …; did you mean …", or null for a measure's name.</summary>
    public static string? MeasureProblem(string name, IReadOnlyList<string>? alsoExpected = null) =>
        Theory.Measures.Resolve(name, n => Theory.Measures.Find(n) is not null) is not null
        || (alsoExpected ?? []).Contains(name, StringComparer.OrdinalIgnoreCase)
            ? null
            : ScoreSet.NoMeasureCalled(name, Theory.Measures.BuiltIn.Select(m => m.Name), alsoExpected);

    /// <summary>Throws one usage error listing every recorded problem, when there is any.</summary>
    public void ThrowIfAny()
    {
        if (Any || AfterParserErrors.Value)
        {
            throw new Common.UsageException(string.Join(Environment.NewLine + "influence: ", _found));
        }
    }
}
