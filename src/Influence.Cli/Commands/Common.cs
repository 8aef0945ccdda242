using System.CommandLine;
using System.Globalization;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;

namespace Influence.Cli.Commands;

/// <summary>Options and helpers shared by commands. Commands only compose the library.</summary>
internal static class Common
{
    public static Argument<string?> CaseArgument(string description = "The case file (JSON). Without it, the built-in reference case.") =>
        new("case") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    public static Option<string?> Patron() => new("--patron") { Description = "The patron's actor id." };

    public static Option<string?> Client() => new("--client") { Description = "The client's actor id." };

    public static Option<string?> From() => new("--from") { Description = "The first period (YYYY, YYYYQn or YYYY-MM)." };

    public static Option<string?> To() => new("--to") { Description = "The last period." };

    public static Option<string?> Granularity() => new("--granularity") { Description = "year, quarter or month (default: the case's)." };

    public static Option<string?> Out() => new("--out") { Description = "Write to this file instead of standard output (written whole or not at all)." };

    public static Option<string?> Measure(string description = "The measure (for example conflict, presence, exchange).") =>
        new("--measure") { Description = description, Required = true };

    public static Option<int?> Intervals() =>
        new("--intervals") { Description = "Compute intervals from this many draws (for example 200; 1000 for a published table)." };

    public static Option<ulong> Seed() =>
        new("--seed") { Description = "The seed of the draws: the same seed gives the same output (default 1).", DefaultValueFactory = _ => 1UL };

    public static Option<string> IntervalKindOption() =>
        new("--interval-kind") { Description = "bootstrap (the evidence), montecarlo (the options) or both (default).", DefaultValueFactory = _ => "both" };

    /// <summary>The interval options the command line asks for, or null when it asks for none.</summary>
    public static IntervalOptions? IntervalOptionsFrom(int? draws, ulong seed, string? kind)
    {
        var parsed = kind switch
        {
            "bootstrap" => IntervalKind.Bootstrap,
            "montecarlo" => IntervalKind.MonteCarlo,
            "both" or null => IntervalKind.Both,
            _ => throw new UsageException($"--interval-kind must be bootstrap, montecarlo or both; was '{kind}'"),
        };
        if (draws is not { } n)
        {
            return null;
        }

        if (n < 2)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--intervals must be at least 2 draws; was {n}"));
        }

        return new IntervalOptions { Draws = n, Seed = seed, Kind = parsed };
    }

    /// <summary>The dyad the command line names, or the case's only dyad.</summary>
    public static Dyad DyadOf(Case @case, string? patron, string? client)
    {
        if (patron is not null && client is not null)
        {
            return new Dyad(patron, client);
        }

        if (patron is null && client is null && @case.Dyads.Length == 1)
        {
            return @case.Dyads[0];
        }

        throw new UsageException("give --patron and --client");
    }

    /// <summary>A share of draws as " (87%)", or nothing.</summary>
    public static string Share(double? share) =>
        share is { } s ? string.Create(CultureInfo.InvariantCulture, $" ({s * 100:0}%)") : string.Empty;

    /// <summary>Thrown for wrong usage: the message is printed and the tool exits 2.</summary>
    public sealed class UsageException(string message) : Exception(message);

    /// <summary>Runs a command body, mapping failures onto exit codes and messages.</summary>
    public static int Guard(CliIO io, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InvalidCaseException e)
        {
            var problems = e.Problems;
            foreach (var p in problems)
            {
                io.Error.WriteLine(p.ToString());
            }

            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"influence: the case has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}; nothing was scored."));
            return Cli.InvalidData;
        }
        catch (UsageException e)
        {
            io.Error.WriteLine($"influence: {e.Message}");
            return Cli.Usage;
        }
        catch (ArgumentException e)
        {
            var message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
            io.Error.WriteLine($"influence: {message}");
            return Cli.Usage;
        }
        catch (IOException e)
        {
            io.Error.WriteLine($"influence: {e.Message}");
            return Cli.InvalidData;
        }
        catch (UnauthorizedAccessException e)
        {
            io.Error.WriteLine($"influence: {e.Message}");
            return Cli.InvalidData;
        }
    }

    public static Case LoadCase(string? path)
    {
        if (path is null)
        {
            return CaseReader.LoadBuiltIn();
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"no case file at '{path}'");
        }

        return CaseReader.ReadFile(path);
    }

    public static ScoringRequest Request(Case @case, string? patron, string? client, string? from, string? to, string? granularity)
    {
        var request = ScoringRequest.Default;
        if ((patron is null) != (client is null))
        {
            throw new UsageException("give both --patron and --client, or neither (to score every dyad the case declares)");
        }

        if (patron is not null && client is not null)
        {
            request = request with { Dyads = [new Dyad(patron, client)] };
        }

        if (granularity is not null)
        {
            if (!GranularityExtensions.TryParse(granularity, out var g))
            {
                throw new UsageException($"--granularity must be year, quarter or month; was '{granularity}'");
            }

            request = request with { Granularity = g };
        }

        if (from is not null)
        {
            request = request with { From = ParsePeriod(from, "--from") };
        }

        if (to is not null)
        {
            request = request with { To = ParsePeriod(to, "--to") };
        }

        _ = @case;
        return request;
    }

    public static Period ParsePeriod(string text, string option) =>
        Period.TryParse(text, out var p) ? p : throw new UsageException($"{option} must be a period YYYY, YYYYQn or YYYY-MM; was '{text}'");

    /// <summary>Writes output to a file atomically (temporary file, then rename) or to standard output.</summary>
    public static void Emit(CliIO io, string? outPath, Action<TextWriter> write)
    {
        if (outPath is null)
        {
            write(io.Out);
            io.Out.Flush();
            return;
        }

        var full = Path.GetFullPath(outPath);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"the folder of --out '{outPath}' does not exist");
        }

        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static string Format(double? value) =>
        value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
