using System.CommandLine;
using System.Globalization;

namespace Influence.Cli.Commands;

/// <summary>
/// <c>influence validate [CASE]</c>: print every located problem, exit 1 when there is any. A valid case with codings
/// that probably do not score as meant (<see cref="Cases.CaseWarnings"/>: nothing to score, short event spans, evidence
/// inside one movement) is valid, with the warnings in the output.
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
                var warnings = Cases.CaseWarnings.Of(c);
                io.Out.WriteLine(warnings.IsEmpty
                    ? $"{shown}: valid — {counts}."
                    : $"{shown}: valid, with {Count(warnings.Length, "warning")} — {counts}.");
                foreach (var w in warnings)
                {
                    io.Out.WriteLine($"  warning: {w}");
                }

                return Cli.Success;
            }
        }));
        return command;
    }

    private static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? string.Empty : "s")}");
}
