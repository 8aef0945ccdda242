using System.CommandLine;
using System.CommandLine.Help;
using Influence.Cli.Commands;

namespace Influence.Cli;

/// <summary>The <c>influence</c> command line: exit 0 on success, 1 on invalid data, 2 on wrong usage.</summary>
internal static class Cli
{
    public const int Success = 0;
    public const int InvalidData = 1;
    public const int Usage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
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
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"influence: {e.Message}");
            }

            stderr.WriteLine("Run 'influence --help' for usage.");
            return Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}

/// <summary>The output streams commands write to.</summary>
internal sealed record CliIO(TextWriter Out, TextWriter Error);
