using System.CommandLine;
using System.Globalization;
using Influence.IO;

namespace Influence.Cli.Commands;

/// <summary><c>influence validate CASE</c>: print every located problem, exit 1 when there is any.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliIO io)
    {
        var @case = new Argument<string>("case") { Description = "The case file (JSON)." };
        var command = new Command("validate", "Check a case file and print every problem found, each with its line, JSON path, item and what was expected.") { @case };
        command.SetAction(parse => Common.Guard(io, () =>
        {
            var path = parse.GetValue(@case)!;
            if (!File.Exists(path))
            {
                throw new Common.UsageException($"no case file at '{path}'");
            }

            var result = CaseReader.TryReadFile(path);
            if (result.Case is { } c)
            {
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: valid — {c.Actors.Length} actors, {c.Evidence.Count} evidence items, {c.Dyads.Length} dyads."));
                return Cli.Success;
            }

            foreach (var p in result.Problems)
            {
                io.Out.WriteLine(p.ToString());
            }

            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? string.Empty : "s")}."));
            return Cli.InvalidData;
        }));
        return command;
    }
}
