using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using Influence.Cli.Commands;
using Influence.Internal;

namespace Influence.Cli;

/// <summary>The <c>influence</c> command line: exit 0 on success, 1 on invalid data, 2 on wrong usage.</summary>
internal static class Cli
{
    public const int Success = 0;
    public const int InvalidData = 1;
    public const int Usage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Every message passes through it: text from the case or the command line is shown, never acted on (an ESC, a
        // bidi override).
        var errors = new PrintableWriter(stderr);
        try
        {
            return RunCore(args, stdout, errors);
        }
        finally
        {
            errors.Flush();
        }
    }

    private static int RunCore(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Not a RootCommand: its name is the executable's ("Influence.Cli"), and help would show that in every usage line.
        var root = new Command("influence", "influence: score patron–client influence between political actors from dated, sourced evidence.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        var io = new CliIO(stdout, stderr);
        foreach (var command in CommandSet.All(io))
        {
            root.Subcommands.Add(command);
        }

        Common.CleanNumberParsing(root);

        // No response files: '@cases.json' is a case file whose name starts with '@', not a list of arguments.
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
        // 'influence help' and 'influence help score', as git and dotnet take them: the help they ask for.
        if (args is ["help", .. var asked] && asked.Length <= 1)
        {
            args = [.. asked, "--help"];
        }

        var parse = root.Parse(args, configuration);

        // A misspelt command is the one error to report: the rest of the line (its options, its case) follows from it.
        if (parse.CommandResult.Command == root && args.Length > 0 && !LooksLikeOption(args[0]))
        {
            var commands = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var hint = args[0] == "bench"
                ? "; the installed tool has no bench (it needs DuckDB): run it from the repository, dotnet run -c Release --project src/Influence.Cli -- bench"
                : Names.DidYouMean(args[0], commands);
            stderr.WriteLine($"influence: unknown command '{args[0]}'{hint}");
            stderr.WriteLine("Run 'influence --help' for usage.");
            return Usage;
        }

        // An option given another of the command's options for its value ("--patron --client taliban"): the parser
        // takes "--client" for the patron's id, and the rest of the line goes astray (taliban for the case file). That
        // is the problem to report, with what else is wrong once the option without a value is left out.
        if (OptionsTakenAsValues(parse, args) is { Count: > 0 } taken)
        {
            return OptionsWithoutValues(root, configuration, parse, args, taken, stderr);
        }

        // Every problem the parser finds is reported at once: each misspelt option, then each other error, except the
        // "required" errors of options a misspelt one is taken for ("--measur" for --measure), which follow from it.
        // Without a case named, the case argument takes the misspelt option; it is no case file.
        var unknown = UnknownOptions(parse, args);
        if (unknown.Count > 0 || parse.Errors.Count > 0)
        {
            if (unknown.Count == 0 && parse.CommandResult.Command == root && args.Length == 0)
            {
                // No command at all: show what the commands are.
                WriteRootHelp(root, configuration, stderr);
                stderr.WriteLine("influence: no command given: name one of the commands above.");
                return Usage;
            }

            var command = parse.CommandResult.Command;
            var meant = new HashSet<string>(StringComparer.Ordinal);
            // The word after a misspelt option is its value, unrecognised because the option is: not a problem of its own.
            var followers = unknown.Concat(Enumerable.Range(0, args.Length - 1).Where(i => unknown.Contains(args[i], StringComparer.Ordinal)).Select(i => args[i + 1])).ToList();
            foreach (var option in unknown)
            {
                // A file of that name is a case file whose name starts with '-': say how to name it.
                var file = File.Exists(option) ? $"; to read the case file '{option}', give it as .{Path.DirectorySeparatorChar}{option}" : string.Empty;
                stderr.WriteLine($"influence: {UnknownOption(command, option, ValueAfter(args, option))}{file}");
                if (NearestOption(command, option) is { } near)
                {
                    meant.Add(near);
                }
            }

            foreach (var e in parse.Errors)
            {
                if (RequiredOption(command, e.Message) is { } required)
                {
                    if (!meant.Contains(required.Name))
                    {
                        stderr.WriteLine($"influence: {Required(required)}");
                    }
                }
                else if (!followers.Any(u => e.Message.Contains($"'{u}'", StringComparison.Ordinal)))
                {
                    stderr.WriteLine($"influence: {InToolsWords(e.Message, command)}");
                }
            }

            // Then the command's own checks of what the parser could read (not after a misspelt option, whose value
            // may have been taken for the case).
            if (unknown.Count == 0 && UsageChecks.CheckedCommands.Contains(command.Name) && command.Action is SynchronousCommandLineAction checks)
            {
                UsageChecks.AfterParserErrors.Value = true;
                try
                {
                    checks.Invoke(parse);
                }
                finally
                {
                    UsageChecks.AfterParserErrors.Value = false;
                }
            }

            stderr.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return Usage;
        }

        if (parse.CommandResult.Command == root && parse.Action is HelpAction)
        {
            WriteRootHelp(root, configuration, stdout);
            return Success;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>
    /// The options of the invoked command that the parser gave one of the command's own options as their value
    /// ("--patron --client": the patron is "--client"), each with that option and the position of the option that took
    /// it; nothing after '--', which ends the options, nor a value given as "--patron=--client", which is meant.
    /// </summary>
    private static List<(Option Option, string Value, int At)> OptionsTakenAsValues(ParseResult parse, string[] args)
    {
        var command = parse.CommandResult.Command;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => c == command || o.Recursive))
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
        }

        var end = Array.IndexOf(args, "--");
        var last = end < 0 ? args.Length : end;
        var taken = new List<(Option, string, int)>();
        for (var i = 0; i < last - 1; i++)
        {
            if (command.Options.FirstOrDefault(o => o.Name == args[i] || o.Aliases.Contains(args[i])) is { } option
                && option.Arity.MaximumNumberOfValues > 0
                && names.Contains(args[i + 1])
                && parse.GetResult(option) is { Tokens: var tokens }
                && tokens.Any(t => t.Value == args[i + 1]))
            {
                taken.Add((option, args[i + 1], i));
            }
        }

        return taken;
    }

    /// <summary>
    /// Reports each option left without its value (<see cref="OptionsTakenAsValues"/>): "--patron needs an actor id;
    /// got the option --client". Then the line is read again without those options, and its other unknown options and
    /// parser errors are reported too (not that the options are missing, which is said); the command's own checks,
    /// which would take what follows for values it is not, are not run. Returns the exit code of wrong usage.
    /// </summary>
    private static int OptionsWithoutValues(Command root, ParserConfiguration configuration, ParseResult parse, string[] args, List<(Option Option, string Value, int At)> taken, TextWriter stderr)
    {
        foreach (var (option, value, _) in taken)
        {
            stderr.WriteLine($"influence: {option.Name} needs {WhatItTakes(option)}; got the option {value}");
        }

        var rest = args.Where((_, i) => !taken.Any(t => t.At == i)).ToArray();
        var again = root.Parse(rest, configuration);
        var command = again.CommandResult.Command;
        var unknown = UnknownOptions(again, rest);
        foreach (var option in unknown)
        {
            stderr.WriteLine($"influence: {UnknownOption(command, option, ValueAfter(rest, option))}");
        }

        foreach (var e in again.Errors)
        {
            if (RequiredOption(command, e.Message) is { } required)
            {
                if (!taken.Any(t => t.Option.Name == required.Name))
                {
                    stderr.WriteLine($"influence: {Required(required)}");
                }
            }
            else if (!unknown.Any(u => e.Message.Contains($"'{u}'", StringComparison.Ordinal)))
            {
                stderr.WriteLine($"influence: {InToolsWords(e.Message, command)}");
            }
        }

        stderr.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
        return Usage;
    }

    /// <summary>What an option's value is, in a message that says it is missing: "an actor id" for --patron.</summary>
    private static string WhatItTakes(Option option) => option.Name switch
    {
        "--patron" or "--client" or "--without" => "an actor id",
        "--focus" => "actor ids",
        "--from" or "--to" or "--period" => "a period (YYYY, YYYYQn or YYYY-MM)",
        Common.OutOptionName => "a file name",
        Common.EvidenceOptionName => "a CSV file",
        "--measure" => "a measure",
        _ => "a value",
    };

    /// <summary>
    /// The top-level help, with each command's optional case shown as optional: "score [&lt;case&gt;]", as the
    /// command's own help gives it, where System.CommandLine's list of commands prints "score &lt;case&gt;" (and
    /// offers no public way to change that row). The first column is widened by the two brackets for every row.
    /// </summary>
    private static void WriteRootHelp(Command root, ParserConfiguration configuration, TextWriter output)
    {
        using var help = new StringWriter(CultureInfo.InvariantCulture);
        root.Parse(["--help"], configuration).Invoke(new InvocationConfiguration { Output = help, Error = help });
        output.Write(MarkOptionalCases(help.ToString(), root));
    }

    /// <summary>Rewrites the "Commands:" section of <paramref name="help"/>; see <see cref="WriteRootHelp"/>.</summary>
    internal static string MarkOptionalCases(string help, Command root)
    {
        var optional = root.Subcommands
            .Where(c => c.Arguments.Any(a => a.Name == Common.CaseArgumentName && a.Arity.MinimumNumberOfValues == 0))
            .Select(c => $"  {c.Name} <{Common.CaseArgumentName}>")
            .ToHashSet(StringComparer.Ordinal);
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd('\r') == "Commands:");
        if (start < 0 || optional.Count == 0)
        {
            return help;
        }

        for (var i = start + 1; i < lines.Length && lines[i].TrimEnd('\r').Length > 0; i++)
        {
            var row = optional.FirstOrDefault(p => lines[i].StartsWith(p + " ", StringComparison.Ordinal));
            lines[i] = row is not null
                ? $"  {row[2..^(Common.CaseArgumentName.Length + 2)]}[<{Common.CaseArgumentName}>]{lines[i][row.Length..]}"
                : WidenFirstColumn(lines[i]);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Two more spaces where the description column starts (a row's gap, or a wrapped line's indent).</summary>
    private static string WidenFirstColumn(string line)
    {
        var text = line.TrimStart(' ');
        var indent = line.Length - text.Length;
        if (indent > 2)
        {
            return new string(' ', indent + 2) + text;
        }

        var gap = line.IndexOf("  ", indent, StringComparison.Ordinal);
        return gap < 0 ? line : line.Insert(gap, "  ");
    }

    /// <summary>
    /// The words of a command line that are options the command does not have: unmatched words that start with '-'
    /// (not negative numbers), and a case argument that starts with '-' (a case file so named is given as ./-name).
    /// Nothing after '--', which ends the options.
    /// </summary>
    private static List<string> UnknownOptions(ParseResult parse, string[] args)
    {
        var end = Array.IndexOf(args, "--");
        var options = end < 0 ? args : args[..end];
        var unknown = new List<string>();
        foreach (var token in parse.UnmatchedTokens.Where(t => options.Contains(t, StringComparer.Ordinal)))
        {
            if (LooksLikeOption(token) && !unknown.Contains(token, StringComparer.Ordinal))
            {
                unknown.Add(token);
            }
        }

        if (parse.CommandResult.Command.Arguments.FirstOrDefault(a => a.Name == Common.CaseArgumentName) is { } caseArgument
            && parse.GetResult(caseArgument) is ArgumentResult { Tokens: [var first, ..] }
            && LooksLikeOption(first.Value)
            && options.Contains(first.Value, StringComparer.Ordinal)
            && !unknown.Contains(first.Value, StringComparer.Ordinal))
        {
            unknown.Insert(0, first.Value);
        }

        return unknown;
    }

    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && !double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// "unknown option '--formt'", with "; did you mean "--format"?" when one of the command's options is near, or,
    /// when none is, what to give instead of another command's option (<see cref="OtherCommandsOption"/>, which reads
    /// <paramref name="value"/>, the word given after it).
    /// </summary>
    internal static string UnknownOption(Command command, string given, string? value = null)
    {
        var name = given.Split('=', ':')[0];
        var known = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => !o.Hidden && (c == command || o.Recursive)))
            {
                known.Add(option.Name);
                known.AddRange(option.Aliases);
            }
        }

        var hint = Names.DidYouMean(name, known.Distinct(StringComparer.Ordinal));
        return hint.Length > 0 ? $"unknown option '{given}'{hint}" : OtherCommandsOption(command, name, given, value) ?? $"unknown option '{given}'";
    }

    /// <summary>
    /// For an option the command lacks but another command has, what to give instead: "score has no --period; for one
    /// period give --from 2024 --to 2024", "explain has no --from; it takes one period: give --period 2024", else
    /// "unknown option '--focus': an option of network, not of score". Null when no other command has it.
    /// </summary>
    private static string? OtherCommandsOption(Command command, string name, string given, string? value)
    {
        bool Has(Command c, string option) => c.Options.Any(o => o.Name == option || o.Aliases.Contains(option));
        var period = value ?? (given.IndexOfAny(['=', ':']) is var at and > 0 && at < given.Length - 1 ? given[(at + 1)..] : "P");
        if (name == "--period" && Has(command, "--from") && Has(command, "--to"))
        {
            return $"{command.Name} has no --period; for one period give --from {period} --to {period}";
        }

        if (name is "--from" or "--to" && Has(command, "--period"))
        {
            return $"{command.Name} has no {name}; it takes one period: give --period {period}";
        }

        var root = command;
        while (root.Parents.OfType<Command>().FirstOrDefault() is { } parent)
        {
            root = parent;
        }

        var others = root.Subcommands.Where(c => c != command && !c.Hidden && c.Options.Any(o => !o.Hidden && (o.Name == name || o.Aliases.Contains(name)))).Select(c => c.Name).ToList();
        return others.Count == 0
            ? null
            : $"unknown option '{given}': an option of {(others.Count == 1 ? others[0] : $"{string.Join(", ", others.SkipLast(1))} and {others[^1]}")}, not of {command.Name}";
    }

    /// <summary>The word after <paramref name="option"/> on the command line when it is no option (the value meant for it), else null.</summary>
    private static string? ValueAfter(string[] args, string option)
    {
        var i = Array.IndexOf(args, option);
        return i >= 0 && i + 1 < args.Length && !LooksLikeOption(args[i + 1]) ? args[i + 1] : null;
    }

    /// <summary>The option a "required" parse error names ("Option '--period' is required."), or null for another error.</summary>
    private static Option? RequiredOption(Command command, string message) =>
        message.StartsWith("Option '", StringComparison.Ordinal) && message.EndsWith("' is required.", StringComparison.Ordinal)
            ? command.Options.FirstOrDefault(o => o.Name == message["Option '".Length..^"' is required.".Length])
            : null;

    /// <summary>
    /// The parser's own messages the tool knows, in its words ("--format needs a value"), an unexpected argument in
    /// <paramref name="command"/>'s (a second case file, or a word where it takes none); any other as the parser wrote it.
    /// </summary>
    internal static string InToolsWords(string message, Command command)
    {
        if (ParserMessage.MissingValue().Match(message) is { Success: true } missing)
        {
            return $"{missing.Groups["option"].Value} needs a value: give {missing.Groups["option"].Value} VALUE";
        }

        if (ParserMessage.TooManyValues().Match(message) is { Success: true } many)
        {
            return $"{many.Groups["option"].Value} takes one value and was given {many.Groups["count"].Value}: give it once (a value with spaces in quotes)";
        }

        if (ParserMessage.Unrecognized().Match(message) is { Success: true } extra)
        {
            var word = extra.Groups["word"].Value;
            if (!command.Arguments.Any(a => a.Name == Common.CaseArgumentName))
            {
                return $"unexpected argument '{word}': {command.Name} reads no case file, and its options start with --";
            }

            // A second case file ("score northland.json to2025.json"): the command reads one.
            return word.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(word)
                ? $"{command.Name} takes one case file; '{word}' is a second one"
                : $"unexpected argument '{word}': {command.Name} takes one case file, and its options start with --";
        }

        return message;
    }

    /// <summary>A required option left out, in the tool's words: "give --period: the period to explain (YYYY, YYYYQn or YYYY-MM)".</summary>
    internal static string Required(Option option)
    {
        var what = (option.Description ?? string.Empty).TrimEnd('.');
        return what.Length == 0 ? $"give {option.Name}" : $"give {option.Name}: {char.ToLowerInvariant(what[0])}{what[1..]}";
    }

    /// <summary>The name of the command's option nearest a misspelt one, as <see cref="UnknownOption"/> suggests it, or null.</summary>
    private static string? NearestOption(Command command, string given)
    {
        var name = given.Split('=', ':')[0];
        var near = command.Options.Where(o => !o.Hidden).FirstOrDefault(o => Names.DidYouMean(name, [o.Name]).Length > 0);
        return near?.Name;
    }

    private static string CommandPath(CommandResult result) => CommandPath(result.Command);

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }
}

/// <summary>The output streams commands write to.</summary>
internal sealed record CliIO(TextWriter Out, TextWriter Error);

/// <summary>The System.CommandLine messages <see cref="Cli.InToolsWords"/> rewrites.</summary>
internal static partial class ParserMessage
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^Required argument missing for option: '(?<option>[^']+)'\.$")]
    public static partial System.Text.RegularExpressions.Regex MissingValue();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Option '(?<option>[^']+)' expects a single argument but (?<count>\d+) were provided\.$")]
    public static partial System.Text.RegularExpressions.Regex TooManyValues();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Unrecognized command or argument '(?<word>.*)'\.$")]
    public static partial System.Text.RegularExpressions.Regex Unrecognized();
}
