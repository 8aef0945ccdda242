using System.CommandLine;

namespace Influence.Cli.Commands;

/// <summary>Every command of the tool.</summary>
internal static class CommandSet
{
    public static IEnumerable<Command> All(CliIO io)
    {
        // Every command that takes a case takes its evidence from a CSV file too: the option is added here, once.
        foreach (var command in Commands(io))
        {
            if (command.Arguments.Any(a => a.Name == Common.CaseArgumentName))
            {
                command.Options.Add(Common.Evidence());
            }

            yield return command;
        }
    }

    private static IEnumerable<Command> Commands(CliIO io) =>
    [
        ScoreCommand.Create(io),
        ExplainCommand.Create(io),
        ValidateCommand.Create(io),
        TrendCommand.Create(io),
        ChangePointsCommand.Create(io),
        SensitivityCommand.Create(io),
        NetworkCommand.Create(io),
        CounterfactualCommand.Create(io),
        PlotCommand.Create(io),
        ExportEvidenceCommand.Create(io),
#if INCLUDE_BENCH
        BenchCommand.Create(io),
#endif
    ];
}
