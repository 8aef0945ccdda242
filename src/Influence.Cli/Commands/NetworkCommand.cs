using System.CommandLine;
using Influence.IO;
using Influence.Networks;
using Influence.Scoring;

namespace Influence.Cli.Commands;

/// <summary><c>influence network [CASE] --period P [--focus ID,ID] [--group ID=GROUP …] [--format json|dot] [--out FILE]</c>.</summary>
internal static class NetworkCommand
{
    public static Command Create(CliIO io)
    {
        var @case = Common.CaseArgument();
        var period = new Option<string?>("--period") { Description = "The period (YYYY, YYYYQn or YYYY-MM); the network covers the trailing network window (default 1 year) ending there.", Required = true };
        var focus = new Option<string?>("--focus") { Description = "Comma-separated actor ids to show at their own level (for example a faction); default: top-level actors." };
        var group = new Option<string[]>("--group") { Description = "Put an actor in a brokerage group: ID=GROUP (repeatable). Others: states vs non-state actors.", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "json or dot (Graphviz).", DefaultValueFactory = _ => "json" };
        var output = Common.Out();
        var command = new Command("network", "The actor network of one period: support and coercion edges, and every actor's Gould–Fernandez brokerage roles.")
        {
            @case, period, focus, group, format, output,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            var fmt = Common.Choice(parse, format, "json", "dot");

            var groups = ParseGroups(parse.GetValue(group) ?? []);
            var path = parse.GetValue(@case);
            var theCase = Common.LoadCase(path);
            var p = Common.PeriodIn(theCase, parse.GetValue(period)!, "--period");
            var ids = parse.GetValue(focus)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var network = ActorNetwork.ForPeriod(theCase, p, ScoringOptions.Default, ids);
            Common.Emit(io, parse.GetValue(output), writer =>
            {
                if (fmt == "dot")
                {
                    NetworkWriter.WriteDot(network, writer);
                }
                else
                {
                    writer.Write(NetworkWriter.ToJson(network, groups));
                    writer.WriteLine();
                }
            });
            return Cli.Success;
        }));
        return command;
    }

    private static ActorGroups? ParseGroups(string[] entries)
    {
        if (entries.Length == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var i = entry.IndexOf('=', StringComparison.Ordinal);
            if (i <= 0 || i == entry.Length - 1)
            {
                throw new Common.UsageException($"--group must be ID=GROUP; was '{entry}'");
            }

            map[entry[..i]] = entry[(i + 1)..];
        }

        return ActorGroups.FromMap(map);
    }
}
