using System.CommandLine;
using System.Globalization;
using Influence.IO;

namespace Influence.Cli.Commands;

/// <summary><c>influence validate CASE</c>: print every located problem, exit 1 when there is any.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliIO io)
    {
        var @case = new Argument<string>(Common.CaseArgumentName) { Description = "The case file (JSON); 'builtin' for the built-in reference case." };
        var command = new Command("validate", "Check a case file and print every problem found, each with its line, JSON path, item and what was expected.") { @case };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            var path = parse.GetValue(@case)!;
            if (path is Common.BuiltIn)
            {
                return Valid(Common.LoadCase(path));
            }

            if (!File.Exists(path))
            {
                throw new Common.UsageException($"no case file at '{path}' (give a case file, or '{Common.BuiltIn}' for the built-in reference case)");
            }

            var result = CaseReader.TryReadFile(path);
            if (result.Case is { } c)
            {
                return Valid(c);
            }

            foreach (var p in result.Problems)
            {
                io.Out.WriteLine(p.ToString());
            }

            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? string.Empty : "s")}."));
            return Cli.InvalidData;

            int Valid(Cases.Case c)
            {
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: valid — {Count(c.Actors.Length, "actor")}, {Count(c.Evidence.Count, "evidence item")}, {Count(c.Dyads.Length, "dyad")}."));
                return Cli.Success;
            }
        }));
        return command;
    }

    private static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? string.Empty : "s")}");
}
