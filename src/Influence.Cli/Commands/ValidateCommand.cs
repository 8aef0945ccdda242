using System.CommandLine;
using System.Globalization;
using Influence.Cases;
using Influence.IO;

namespace Influence.Cli.Commands;

/// <summary>
/// <c>influence validate [CASE]</c>: print every located problem, exit 1 when there is any. A valid case with codings
/// that probably do not score as meant (<see cref="Cases.CaseWarnings"/>: nothing to score, short event spans, a long
/// period grid, evidence inside one movement) is valid, with the warnings in the output.
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

            // A file name is the user's text: shown, not acted on (an ESC in it), as the problems' own text is.
            name = Influence.Internal.Printable.Escape(name);

            if (Common.EvidencePath(parse) is { } csv && OneFileMissing(io, path, csv) is { } code)
            {
                return code;
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

    /// <summary>
    /// With --evidence, when the case file or the CSV file is missing (or is a folder): says so on standard error, as
    /// every command does, and still checks the file that is there, alone, printing its problems and a count that
    /// says what was not checked. Returns the exit code (1), or null when both files are there.
    /// </summary>
    private static int? OneFileMissing(CliIO io, string? path, string csv)
    {
        var builtIn = path is null or Common.BuiltIn;
        var caseMissing = !builtIn && !File.Exists(path);
        var csvMissing = !File.Exists(csv);
        if (!caseMissing && !csvMissing)
        {
            return null;
        }

        var missing = new List<string>();
        if (caseMissing)
        {
            io.Error.WriteLine($"influence: {Missing(path!, "case file", $"give a case file, or '{Common.BuiltIn}' for the built-in reference case")}");
            missing.Add(path!);
        }

        if (csvMissing)
        {
            io.Error.WriteLine($"influence: {Missing(csv, "evidence file", "--evidence takes a CSV file, one evidence item a row")}");
            missing.Add(csv);
        }

        string? present = null;
        IReadOnlyList<CaseProblem> problems = [];
        if (!caseMissing && !builtIn)
        {
            // The case file's own problems; its evidence is left aside, as the CSV's rows would replace it.
            present = path!;
            problems = CaseReader.CaseProblemsWithoutEvidenceCsv(File.ReadAllBytes(path!), path!);
        }
        else if (!csvMissing)
        {
            // The CSV's own problems and its rows' that need no case; what the rows refer to is not checked.
            present = csv;
            problems = CaseReader.EvidenceCsvProblemsWithoutCase(File.ReadAllBytes(csv), csv);
        }

        foreach (var p in problems)
        {
            io.Out.WriteLine(p.ToString());
        }

        var csvAlone = present == csv;
        missing = [.. missing.Select(Influence.Internal.Printable.Escape)];
        present = present is null ? null : Influence.Internal.Printable.Escape(present);
        var notChecked = $"{string.Join(" and ", missing)} not checked: no such file";
        io.Out.WriteLine(present is null
            ? $"{string.Join(" with evidence ", missing)}: nothing checked; no such file{(missing.Count == 1 ? string.Empty : "s")}."
            : string.Create(CultureInfo.InvariantCulture, $"{present}: {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")} found in it alone{(csvAlone ? " (what its rows refer to is the case file's, and was not checked)" : string.Empty)}; {notChecked}."));
        return Cli.InvalidData;
    }

    /// <summary>What the command line says of a missing file (a folder is not a file).</summary>
    private static string Missing(string path, string what, string hint) => Directory.Exists(path)
        ? $"'{path}' is a folder, not a {(what == "case file" ? "case file" : "CSV file")} ({hint})"
        : $"no {what} at '{path}' ({hint})";

    private static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? string.Empty : "s")}");
}
