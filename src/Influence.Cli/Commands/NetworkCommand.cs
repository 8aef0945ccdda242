using System.CommandLine;
using Influence.Cases;
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
        var period = new Option<string?>("--period") { Description = "The period (YYYY, YYYYQn or YYYY-MM); the network covers the trailing network window ending there: 1 year, set in code only (ScoringOptions.Multilateral.NetworkWindowYears), as brokerage and reverse leverage count it.", Required = true };
        var focus = new Option<string?>("--focus") { Description = "Comma-separated actor ids to show at their own level (for example a faction); default: top-level actors." };
        var group = new Option<string[]>("--group") { Description = "Put an actor in a brokerage group: ID=GROUP (repeatable). Others: states vs non-state actors. JSON only: DOT carries no brokerage.", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "json (influence.network/1; the default, for tools) or dot (Graphviz; to read the network, draw it: --format dot | dot -Tsvg > network.svg); both carry the input hash (SHA-256 of the case and the options).", DefaultValueFactory = _ => "json" };
        var output = Common.Out();
        var command = new Command("network", "The actor network of one period: support and coercion edges, and every actor's Gould–Fernandez brokerage roles.")
        {
            @case, period, focus, group, format, output,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once: the options, the case, then what is checked against the case.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "json", "dot"));

            var path = parse.GetValue(@case);
            var theCase = checks.LoadCase(parse, path);
            var ids = parse.GetValue(focus)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var groupEntries = checks.Take(() => parse.GetValue(group)) ?? [];
            if (fmt == "dot" && groupEntries.Length > 0)
            {
                // The groups only change the brokerage roles, which the drawing does not show: not ignored silently.
                checks.Check(() => throw new Common.UsageException("--group sets the brokerage groups, which only the JSON carries (--format dot draws the ties, not brokerage): leave --group out, or give --format json"));
            }

            var groups = theCase is null ? null : ParseGroups(checks, groupEntries, theCase);
            var p = checks.Period(theCase, checks.Take(() => parse.GetValue(period)), "--period") ?? default;
            foreach (var id in theCase is null ? [] : ids)
            {
                checks.Actor(theCase!, id, "--focus");
            }

            checks.ThrowIfAny();
            var network = ActorNetwork.ForPeriod(theCase!, p, ScoringOptions.Default, ids);
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

    /// <summary>The brokerage groups of the --group entries, or null when none is given or any has a problem (each recorded).</summary>
    private static ActorGroups? ParseGroups(UsageChecks checks, string[] entries, Case theCase)
    {
        if (entries.Length == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in entries)
        {
            ok &= checks.Try(() =>
            {
                var i = entry.IndexOf('=', StringComparison.Ordinal);
                if (i <= 0 || i == entry.Length - 1)
                {
                    throw new Common.UsageException($"--group must be ID=GROUP; was '{entry}'");
                }

                var (id, name) = (entry[..i], entry[(i + 1)..]);
                if (theCase.ActorIndexOf(id) < 0)
                {
                    throw new Common.UsageException($"--group {entry}: {Common.NoActorCalled(theCase, id)}");
                }

                if (map.TryGetValue(id, out var earlier) && earlier != name)
                {
                    throw new Common.UsageException($"--group puts '{id}' in two groups, '{earlier}' and '{name}'; give each actor one");
                }

                map[id] = name;
            });
        }

        return ok ? ActorGroups.FromMap(map) : null;
    }
}
