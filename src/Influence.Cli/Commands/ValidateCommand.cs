using System.CommandLine;
using System.Globalization;

namespace Influence.Cli.Commands;

/// <summary>
/// <c>influence validate [CASE]</c>: print every located problem, exit 1 when there is any. A case with nothing to
/// score (no actors or no evidence) is valid, with a warning in the output.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var command = new Command("validate", "Check a case file (and its --evidence CSV file) and print every problem found, each with its line, JSON path or column, item and what was expected.") { @case };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            var path = parse.GetValue(@case);
            var name = path is null or Common.BuiltIn ? Common.BuiltIn : path;
            if (Common.EvidencePath(parse) is { } evidence)
            {
                name = $"{name} with evidence {evidence}";
            }

            var result = Common.TryLoadCase(io, parse, path);
            if (result.Case is { } c)
            {
                return Valid(name, c);
            }

            foreach (var p in result.Problems)
            {
                io.Out.WriteLine(p.ToString());
            }

            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? string.Empty : "s")}."));
            return Cli.InvalidData;

            int Valid(string shown, Cases.Case c)
            {
                var counts = $"{Count(c.Actors.Length, "actor")}, {Count(c.Evidence.Count, "evidence item")}, {Count(c.Dyads.Length, "dyad")}";
                var warnings = Warnings(c).ToList();
                io.Out.WriteLine(warnings.Count == 0
                    ? $"{shown}: valid — {counts}."
                    : $"{shown}: valid, with {Count(warnings.Count, "warning")} — {counts}.");
                foreach (var w in warnings)
                {
                    io.Out.WriteLine($"  warning: {w}");
                }

                return Cli.Success;
            }
        }));
        return command;
    }

    /// <summary>
    /// What makes a valid case score nothing: it breaks no rule of the format, so it is not an error (a case being
    /// written starts empty), but every command would find nothing to score.
    /// </summary>
    private static IEnumerable<string> Warnings(Cases.Case c)
    {
        if (c.Actors.IsEmpty)
        {
            yield return "the case has no actors: there is no dyad to score; add actors and evidence (" + Common.DocsUrl("howto-write-a-case.md") + ")";
        }

        if (c.Evidence.Count == 0)
        {
            yield return "the case has no evidence: every measure would be undefined in every period; add evidence items (" + Common.DocsUrl("case-format.md") + ")";
        }

        if (c.Dyads.IsEmpty && c.Actors.Length >= 2)
        {
            yield return "the case declares no dyads: commands need --patron and --client; declare the dyads to score in the case's \"dyads\" (" + Common.DocsUrl("case-format.md") + ")";
        }
    }

    private static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? string.Empty : "s")}");
}
