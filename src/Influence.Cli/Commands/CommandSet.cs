using System.CommandLine;

namespace Influence.Cli.Commands;

/// <summary>Every command of the tool.</summary>
internal static class CommandSet
{
    public static IEnumerable<Command> All(CliIO io) =>
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
#if INCLUDE_BENCH
        BenchCommand.Create(io),
#endif
    ];
}
