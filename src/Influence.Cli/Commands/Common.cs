using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;
using Spectre.Console;

namespace Influence.Cli.Commands;

/// <summary>Options and helpers shared by commands. Commands only compose the library.</summary>
internal static class Common
{
    /// <summary>The word that names the built-in reference case wherever a command takes a case.</summary>
    public const string BuiltIn = "builtin";

    /// <summary>The description of the case argument, the same in every command that takes a case.</summary>
    public const string CaseDescription = "The case file (JSON); 'builtin' or nothing for the built-in reference case.";

    /// <summary>The name of the case argument; <see cref="CheckOut"/> reads it to keep --out off the case file.</summary>
    public const string CaseArgumentName = "case";

    /// <summary>The name of the output option; <see cref="CheckOut"/> checks it.</summary>
    public const string OutOptionName = "--out";

    public static Argument<string?> CaseArgument() =>
        new(CaseArgumentName) { Description = CaseDescription, Arity = ArgumentArity.ZeroOrOne };

    public static Option<string?> Patron() => new("--patron") { Description = "The patron's actor id." };

    public static Option<string?> Client() => new("--client") { Description = "The client's actor id." };

    public static Option<string?> From() => new("--from") { Description = "The first period (YYYY, YYYYQn or YYYY-MM)." };

    public static Option<string?> To() => new("--to") { Description = "The last period." };

    public static Option<string?> Granularity() => new("--granularity") { Description = "year, quarter or month (default: the case's)." };

    public static Option<string?> Out(string description = "Write to this file instead of standard output (written whole or not at all).") =>
        new(OutOptionName) { Description = description };

    /// <summary>
    /// The measures of an option that takes a comma list (<c>plot --measures exchange,conflict</c>), given once or, where
    /// the option repeats, several times (<c>sensitivity --measure exchange --measure conflict,presence</c>): each
    /// value split at commas, the names trimmed, empty ones dropped.
    /// </summary>
    public static string[] MeasureList(IEnumerable<string?>? values) =>
        [.. (values ?? []).SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    public static Option<string?> Measure(string description = "The measure (for example conflict, presence, exchange).") =>
        new("--measure") { Description = description, Required = true };

    /// <summary>--intervals; <paramref name="published"/> names what the command makes, in "1000 for a published …".</summary>
    public static Option<int?> Intervals(string published) =>
        new("--intervals") { Description = $"Compute intervals from this many draws (for example 200; 1000 for a published {published}). They are 90% intervals; another level is the library's IntervalOptions.Level." };

    public static Option<ulong> Seed() =>
        new("--seed") { Description = "The seed of the draws (with --intervals): the same seed gives the same output.", DefaultValueFactory = _ => 1UL };

    public static Option<string> IntervalKindOption() =>
        new("--interval-kind") { Description = "With --intervals: bootstrap (the evidence), montecarlo (the options) or both (also written bootstrap+montecarlo, as the output names it).", DefaultValueFactory = _ => "both" };

    /// <summary>
    /// The interval options the command line asks for, or null when it asks for none or they have a problem (each
    /// recorded in <paramref name="checks"/>: a bad --interval-kind and too few --intervals are both reported). --seed
    /// or --interval-kind given without --intervals is wrong usage, not silently ignored.
    /// </summary>
    public static IntervalOptions? IntervalOptionsFrom(UsageChecks checks, ParseResult parse, Option<int?> intervals, Option<ulong> seed, Option<string> intervalKind)
    {
        var kind = checks.Take<IntervalKind?>(() => Choice(parse, intervalKind, ["bootstrap", "montecarlo", "both"], ("bootstrap+montecarlo", "both")) switch
        {
            "bootstrap" => IntervalKind.Bootstrap,
            "montecarlo" => IntervalKind.MonteCarlo,
            _ => IntervalKind.Both,
        });
        if (checks.Take(() => parse.GetValue(intervals)) is not { } n)
        {
            // Given but not a number: the parser has said so.
            if (!IsGiven(parse, intervals) && new Option[] { intervalKind, seed }.FirstOrDefault(o => IsGiven(parse, o)) is { } alone)
            {
                checks.Check(() => throw new UsageException($"{alone.Name} applies only to intervals: give --intervals N too (the number of draws, for example 200), or leave {alone.Name} out"));
            }

            return null;
        }

        if (n < 2)
        {
            checks.Check(() => throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--intervals must be at least 2 draws; was {n}")));
            return null;
        }

        return kind is { } k && checks.Take<ulong?>(() => parse.GetValue(seed)) is { } s ? new IntervalOptions { Draws = n, Seed = s, Kind = k } : null;
    }

    /// <summary>The text the command line gives for an option (its last token), to echo in a message as typed.</summary>
    public static string? GivenText(ParseResult parse, Option option) => parse.GetResult(option) is { Tokens: [.., var last] } ? last.Value : null;

    /// <summary>Whether the command line gives the option (rather than leaving it to its default).</summary>
    public static bool IsGiven(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

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

        if (patron is not null || client is not null)
        {
            throw new UsageException($"give both --patron and --client (only {(patron is not null ? "--patron" : "--client")} was given)");
        }

        const int Listed = 8;
        var declared = string.Join(", ", @case.Dyads.Take(Listed).Select(d => $"{d.Patron} → {d.Client}"));
        throw new UsageException(@case.Dyads.Length == 0
            ? NoDyads
            : $"give --patron and --client: the case declares {@case.Dyads.Length} dyads ({declared}{(@case.Dyads.Length > Listed ? ", …" : string.Empty)})");
    }

    /// <summary>
    /// "no actor is called "x" in case 'c'", with the nearest id ("; did you mean …") or, when none is near, the case's
    /// ids: all of them when there are few (as the library lists them), else the first <see cref="ListedActors"/> in
    /// order, how many more there are and where they all are, so that a reader who guessed an id sees real ones.
    /// </summary>
    public static string NoActorCalled(Case theCase, string id)
    {
        var message = theCase.NoActorCalled(id);
        var ids = theCase.Actors.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        if (ids.Count <= ListedActors || Influence.Internal.Names.DidYouMean(id, ids, listAs: "actors").Length > 0)
        {
            return message;
        }

        var listed = string.Join(", ", ids.Take(ListedActors).Select(x => $"\"{x}\""));
        return string.Create(CultureInfo.InvariantCulture, $"{message}; the case's actors include {listed} and {ids.Count - ListedActors} more (all {ids.Count} are in the case's \"actors\")");
    }

    /// <summary>How many of a case's actor ids <see cref="NoActorCalled"/> lists when none is near the id given.</summary>
    internal const int ListedActors = 12;

    /// <summary>What to do when the case declares no dyad and the command line names none.</summary>
    public const string NoDyads = "the case declares no dyads: declare them in the case's \"dyads\" or give --patron and --client";

    /// <summary>Thrown for wrong usage: the message is printed and the tool exits 2.</summary>
    public sealed class UsageException(string message) : Exception(message);

    /// <summary>
    /// Thrown when the input cannot be used (a case file that does not exist): the message is printed and the tool
    /// exits 1, as for a case file with problems.
    /// </summary>
    public sealed class InputException(string message) : Exception(message);

    /// <summary>
    /// Runs a command body, mapping failures onto exit codes and messages. Before the body of a command that does not
    /// check its whole command line (<see cref="UsageChecks.CheckedCommands"/>), its --out is checked (<see cref="CheckOut"/>).
    /// </summary>
    /// <param name="io">The console streams.</param>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="body">The command's work; returns the exit code.</param>
    /// <param name="undone">What did not happen when the case has problems ("scored" for most commands).</param>
    public static int Guard(CliIO io, ParseResult parse, Func<int> body, string undone = "scored")
    {
        try
        {
            // The commands that check their whole command line check --out with the rest (UsageChecks); after the
            // parser's errors --out may be the option left out, and only those commands run.
            if (!UsageChecks.AfterParserErrors.Value && !UsageChecks.CheckedCommands.Contains(parse.CommandResult.Command.Name))
            {
                CheckOut(parse);
            }

            return body();
        }
        catch (InvalidCaseException e)
        {
            var problems = e.Problems;
            foreach (var p in problems)
            {
                io.Error.WriteLine(p.ToString());
            }

            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"influence: the case has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}; nothing was {undone}."));
            return Cli.InvalidData;
        }
        catch (UsageException e)
        {
            // After the parser's errors a command runs its checks only, and may have found nothing more.
            if (e.Message.Length > 0)
            {
                io.Error.WriteLine($"influence: {e.Message}");
            }

            return Cli.Usage;
        }
        catch (Exception) when (UsageChecks.AfterParserErrors.Value)
        {
            // A check that needed a value the parser could not read: the parser has reported it.
            return Cli.Usage;
        }
        catch (InputException e)
        {
            io.Error.WriteLine($"influence: {e.Message}");
            return Cli.InvalidData;
        }
        catch (ArgumentException e)
        {
            // The library's own message, without what .NET appends: " (Parameter 'x')" and, for an out-of-range
            // argument, a second line "Actual value was …".
            var message = e.Message.Split('\n')[0].TrimEnd('\r');
            if (e.ParamName is { } name)
            {
                message = message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal);
            }

            io.Error.WriteLine($"influence: {message}");
            return Cli.Usage;
        }
        catch (IOException e)
        {
            io.Error.WriteLine($"influence: {e.Message}");
            return Cli.InvalidData;
        }
        catch (InvalidOperationException e)
        {
            // The engine refuses to report a value it cannot stand behind (NaN, an infinity, a value outside its
            // scale), most often from a custom measure: the message names the measure, dyad and period.
            io.Error.WriteLine($"influence: {e.Message}");
            return Cli.InvalidData;
        }
        catch (OutOfMemoryException)
        {
            io.Error.WriteLine("influence: not enough memory for this command: score fewer dyads, periods or draws");
            return Cli.InvalidData;
        }
        catch (UnauthorizedAccessException e)
        {
            io.Error.WriteLine($"influence: {e.Message}");
            return Cli.InvalidData;
        }
    }

    /// <summary>
    /// Checks the invoked command's --out, if it has one and it is given: not a folder, in a folder that exists, and
    /// not the case or evidence file the command reads.
    /// </summary>
    public static void CheckOut(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command.Options.FirstOrDefault(o => o.Name == OutOptionName) is not Option<string> outOption
            || parse.GetValue(outOption) is not { } outPath)
        {
            return;
        }

        var full = OutPath(outPath);
        if (command.Arguments.FirstOrDefault(a => a.Name == CaseArgumentName) is Argument<string> caseArgument
            && parse.GetValue(caseArgument) is { } casePath and not BuiltIn
            && File.Exists(casePath)
            && SameFile(full, Path.GetFullPath(casePath)))
        {
            throw new UsageException($"--out '{outPath}' is the case file the command reads; write to another file");
        }

        if (EvidencePath(parse) is { } evidence && File.Exists(evidence) && SameFile(full, Path.GetFullPath(evidence)))
        {
            throw new UsageException($"--out '{outPath}' is the evidence file the command reads; write to another file");
        }
    }

    /// <summary>The full path of an --out file, or a usage error when it names a folder or a folder that does not exist.</summary>
    public static string OutPath(string outPath)
    {
        if (string.IsNullOrWhiteSpace(outPath))
        {
            throw new UsageException("--out needs a file name");
        }

        // "--out --formt": a misspelt option, or one of another command, taken for the file name would be written as a
        // file named like an option. A file may have such a name, but then it is given as a path.
        if (outPath.Length > 1 && outPath[0] == '-')
        {
            throw new UsageException($"--out needs a file name; '{outPath}' looks like an option; to write a file of that name, give it as .{Path.DirectorySeparatorChar}{outPath}");
        }

        var full = Path.GetFullPath(outPath);
        if (Directory.Exists(full) || Path.EndsInDirectorySeparator(outPath))
        {
            throw new UsageException($"--out '{outPath}' is a folder; give the path of a file to write");
        }

        if (MissingFolder(Path.GetDirectoryName(full)!) is { } missing)
        {
            throw new UsageException(missing.File
                ? $"--out '{outPath}' is under {missing.Path}, which is a file, not a folder: nothing can be written there; write elsewhere"
                : $"the folder of --out '{outPath}' does not exist; create {missing.Path} first or write elsewhere");
        }

        return full;
    }

    /// <summary>
    /// Null when a folder exists; else the nearest of it and its parents that is a file (so no folder can be there), or,
    /// when none is, the folder itself.
    /// </summary>
    internal static (string Path, bool File)? MissingFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return null;
        }

        for (var part = folder; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return (part, true);
            }

            if (Directory.Exists(part))
            {
                break;
            }
        }

        return (folder, false);
    }

    /// <summary>
    /// Whether two paths name the same file, following symbolic links in every part of them, the folders included
    /// (case-insensitively where the file system usually is).
    /// </summary>
    private static bool SameFile(string a, string b)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(RealPath(a, 0), RealPath(b, 0), comparison);
    }

    /// <summary>
    /// Whether a path, its links followed, is a device or a process's stream, which is written to in place: under /proc,
    /// or under /dev except the folders that hold plain files (/dev/shm, /dev/mqueue).
    /// </summary>
    internal static bool IsDeviceOrStream(string realPath) =>
        !OperatingSystem.IsWindows()
        && (realPath.StartsWith("/proc/", StringComparison.Ordinal)
            || (realPath.StartsWith("/dev/", StringComparison.Ordinal)
                && !realPath.StartsWith("/dev/shm/", StringComparison.Ordinal)
                && !realPath.StartsWith("/dev/mqueue/", StringComparison.Ordinal)));

    /// <summary>The path with each symbolic link, folder or file, replaced by what it points to (at most 40 links deep).</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            try
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (depth < 40 && info.LinkTarget is { } target)
                {
                    current = RealPath(Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root), depth + 1);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable link is compared as written.
            }
        }

        return current;
    }

    /// <summary>
    /// The address of a page of the docs online ("measures.md"): an installed tool has no docs folder, so what it prints
    /// points to the repository's docs, as the package's readme does.
    /// </summary>
    public static string DocsUrl(string page) => Influence.Internal.Names.DocsUrl(page);

    /// <summary>The name of the evidence option every command that takes a case has (added in <see cref="CommandSet"/>).</summary>
    public const string EvidenceOptionName = "--evidence";

    public static Option<string?> Evidence() =>
        new(EvidenceOptionName) { Description = "Take the case's evidence from this CSV file, one item a row (" + DocsUrl("case-format.md") + "); the case file's own evidence items, if it has any, are set aside (with a warning on standard error naming how many)." };

    /// <summary>The --evidence file the command line gives, if the command has the option and it is given.</summary>
    public static string? EvidencePath(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == EvidenceOptionName) is Option<string> option ? parse.GetValue(option) : null;

    /// <summary>
    /// Loads the case a command names: a file, or the built-in reference case for nothing or 'builtin'; its evidence
    /// from the --evidence CSV file when one is given (a case file's own evidence items, set aside, are then counted
    /// in a warning on standard error).
    /// </summary>
    public static Case LoadCase(CliIO io, ParseResult parse, string? path)
    {
        var result = TryLoadCase(io, parse, path);
        return result.Case ?? throw new CaseFormatException(path, result.Problems);
    }

    /// <summary>Loads a case as <see cref="LoadCase"/> does, returning the problems of invalid files rather than throwing.</summary>
    public static CaseReadResult TryLoadCase(CliIO io, ParseResult parse, string? path)
    {
        var builtIn = path is null or BuiltIn;
        if (EvidencePath(parse) is not { } evidence)
        {
            if (builtIn)
            {
                return new CaseReadResult(CaseReader.LoadBuiltIn(), []);
            }

            RequireFile(path!);
            return CaseReader.TryReadFile(path!);
        }

        if (!File.Exists(evidence))
        {
            throw new InputException(Directory.Exists(evidence)
                ? $"--evidence '{evidence}' is a folder, not a CSV file"
                : $"no evidence file at '{evidence}' (--evidence takes a CSV file, one evidence item a row)");
        }

        if (builtIn)
        {
            // The built-in case's actors, sources and dyads with the spreadsheet's evidence.
            var json = System.Text.Encoding.UTF8.GetBytes(CaseWriter.ToJson(CaseReader.LoadBuiltIn()));
            return CaseReader.TryReadWithEvidenceCsv(json, File.ReadAllBytes(evidence), $"built-in:{CaseReader.BuiltInCases[0]}", evidence);
        }

        RequireFile(path!);
        if (EvidenceItemsIn(path!) is var setAside and > 0)
        {
            io.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"influence: warning: {path}'s {setAside} evidence item{(setAside == 1 ? " is" : "s are")} set aside; the evidence comes from {evidence}"));
        }

        return CaseReader.TryReadFileWithEvidenceCsv(path!, evidence);
    }

    /// <summary>
    /// The number of items in a case file's own <c>evidence</c> (the root's first property of that name, as the
    /// reader takes it), which --evidence sets aside; 0 when it has none, or it is not a list, or the file cannot be
    /// read that far (its problems are then the reader's to report).
    /// </summary>
    private static int EvidenceItemsIn(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        var json = bytes.AsSpan();
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return 0;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvidence = reader.ValueTextEquals("evidence"u8);
                reader.Read();
                if (!isEvidence)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return 0;
                }

                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }

                return count;
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the reader reports it.
        }

        return 0;
    }

    /// <summary>An input error (exit 1) when no case file is at a path.</summary>
    public static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(Directory.Exists(path)
                ? $"'{path}' is a folder, not a case file (give a case file, or '{BuiltIn}' for the built-in reference case)"
                : $"no case file at '{path}' (give a case file, or '{BuiltIn}' for the built-in reference case)");
        }
    }

    public static ScoringRequest Request(Case @case, string? patron, string? client, string? from, string? to, string? granularity, bool hasGranularityOption = true)
    {
        var request = ScoringRequest.Default;
        BothOrNeither(patron, client);

        if (patron is not null && client is not null)
        {
            request = request with { Dyads = [new Dyad(patron, client)] };
        }
        else if (@case.Dyads.IsEmpty)
        {
            throw new UsageException(NoDyads);
        }

        if (granularity is not null)
        {
            if (!GranularityExtensions.TryParse(granularity, out var g))
            {
                throw new UsageException(GranularityProblem(granularity));
            }

            request = request with { Granularity = g };
        }

        var scoredAt = request.Granularity ?? @case.Granularity;
        foreach (var (text, option) in new[] { (from, "--from"), (to, "--to") })
        {
            if (text is null)
            {
                continue;
            }

            var p = PeriodIn(@case, text, option);
            if (FinerProblem(@case, p, text, option, granularity, hasGranularityOption) is { } finer)
            {
                throw new UsageException(finer);
            }

            request = option == "--from" ? request with { From = p } : request with { To = p };
        }

        // A case with neither evidence nor a range has no default range: the library says to give the first and last
        // period, which on the command line are --from and --to.
        if (NoRangeProblem(@case, from, to) is { } noRange)
        {
            throw new UsageException(noRange);
        }

        // A coarser period scores from its first (--from) or to its last (--to) period at the scored granularity:
        // 1996 to 1997Q2 on a quarterly case is 1996Q1–1997Q2. Naming the granularity says so to the library, which
        // otherwise refuses ends of two granularities.
        return from is null && to is null ? request : request with { Granularity = scoredAt };
    }

    /// <summary>
    /// What is wrong when the case has neither evidence nor a range (so no range to score by default) and the command
    /// line leaves out --from or --to: the library's message (<see cref="Scorer.ResolveRange(Case, ScoringRequest?)"/>)
    /// in the options that give the periods. Null when the case has a range or both are given.
    /// </summary>
    public static string? NoRangeProblem(Case @case, string? from, string? to)
    {
        if ((from is not null && to is not null) || RangeOf(@case) is not null)
        {
            return null;
        }

        const string Why = "the case has no evidence and no range";
        return (from, to) switch
        {
            (null, null) => $"{Why}: give the first and last period to score with --from and --to",
            (null, _) => $"{Why}: give the first period to score with --from too (--to gives only the last)",
            _ => $"{Why}: give the last period to score with --to too (--from gives only the first)",
        };
    }

    /// <summary>
    /// What is wrong with a --from or --to finer than the granularity scored (<paramref name="granularity"/> when it is
    /// valid, else the case's), or null when it is not finer.
    /// </summary>
    public static string? FinerProblem(Case @case, Period p, string text, string option, string? granularity, bool hasGranularityOption)
    {
        var asked = granularity is not null && GranularityExtensions.TryParse(granularity, out var g) ? g : (Influence.Granularity?)null;
        var scoredAt = asked ?? @case.Granularity;
        if (p.Granularity <= scoredAt)
        {
            return null;
        }

        var why = asked is null ? $"the case is {Adjective(scoredAt)}" : $"--granularity is {scoredAt.ToName()}";
        var finer = hasGranularityOption ? $", or --granularity {p.Granularity.ToName()} to score {p.Granularity.ToName()}s" : string.Empty;
        return $"{option} {text} is a {p.Granularity.ToName()}, but {why}: give {Forms(scoredAt)}{finer}";
    }

    /// <summary>A usage error unless --patron and --client are both given or both left out (to score every dyad).</summary>
    public static void BothOrNeither(string? patron, string? client)
    {
        if ((patron is null) != (client is null))
        {
            throw new UsageException("give both --patron and --client, or neither (to score every dyad the case declares)");
        }
    }

    /// <summary>What is wrong with a --granularity that is not year, quarter or month.</summary>
    public static string GranularityProblem(string granularity) => $"--granularity must be year, quarter or month; was '{granularity}'";

    public static Period ParsePeriod(string text, string option) =>
        Period.TryParse(text, out var p) ? p : throw new UsageException($"{option} must be a period YYYY, YYYYQn or YYYY-MM; was '{text}'{PeriodHint(text)}");

    /// <summary>
    /// What a period that does not parse may have meant, or empty: "; quarters are Q1–Q4" (1973Q0, 1973Q5);
    /// "; did you mean "1973Q2"?" (1973-Q2, Q2 1973); the case reader's hint for a date in another form
    /// (<see cref="DateForms.Hint"/>: "2024-1" is "2024-01", "05/2019" is "2019-05") when what it suggests is a
    /// period; and for a day, its month ("2024-03-15": "2024-03").
    /// </summary>
    internal static string PeriodHint(string text)
    {
        var t = text.Trim();
        if (QuarterParts(t) is (var year, var quarter))
        {
            return quarter is not ("1" or "2" or "3" or "4") ? "; quarters are Q1–Q4"
                : Period.TryParse($"{year}Q{quarter}", out _) ? $"; did you mean \"{year}Q{quarter}\"?"
                : string.Empty;
        }

        var hint = DateForms.Hint(t);
        var suggested = hint.Split('"').Where((_, i) => i % 2 == 1).ToList();
        if (suggested.Count > 0 && suggested.All(x => Period.TryParse(x, out _)))
        {
            return hint;
        }

        // A day (or a date in another form that is one day): a period holds it, the month being the nearest.
        return suggested is [{ Length: 10 } day] && Period.TryParse(day[..7], out _) && !hint.Contains("two digits", StringComparison.Ordinal)
            ? $"; a period is a year, a quarter or a month: did you mean \"{day[..7]}\" (the month of {day})?"
            : string.Empty;
    }

    /// <summary>The year and the quarter's number of "1973Q0", "1973-Q2", "1973 q12" or "Q2 1973", or null.</summary>
    private static (string Year, string Quarter)? QuarterParts(string t)
    {
        static bool Digits(string x) => x.Length > 0 && x.All(char.IsAsciiDigit);
        var compact = t.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var q = compact.IndexOfAny(['Q', 'q']);
        return q switch
        {
            4 when Digits(compact[..4]) && Digits(compact[5..]) => (compact[..4], compact[5..]),
            0 when compact.Length == 6 && Digits(compact[1..2]) && Digits(compact[2..]) => (compact[2..], compact[1..2]),
            _ => null,
        };
    }

    /// <summary>
    /// A period given on the command line, which must lie in the case's range (its declared range, else the years of
    /// its evidence): outside it is wrong usage naming the option, the value and the range.
    /// </summary>
    public static Period PeriodIn(Case @case, string text, string option)
    {
        var p = ParsePeriod(text, option);
        if (RangeOf(@case) is not var (first, last))
        {
            return p;
        }

        var covers = first == last ? $"the case covers {first} only" : $"the case covers {first}–{last}";
        if (p < first.ToGranularity(p.Granularity))
        {
            throw new UsageException($"{option} {text} is before the case's first period ({first}); {covers}");
        }

        if (p > last.ToGranularity(p.Granularity, atEnd: true))
        {
            throw new UsageException($"{option} {text} is after the case's last period ({last}); {covers}");
        }

        return p;
    }

    /// <summary>The case's period range at its own granularity, or null when it has neither a range nor evidence.</summary>
    private static (Period First, Period Last)? RangeOf(Case @case)
    {
        try
        {
            return Scorer.ResolveRange(@case);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Adjective(Influence.Granularity g) => g switch
    {
        Influence.Granularity.Quarter => "quarterly",
        Influence.Granularity.Month => "monthly",
        _ => "yearly",
    };

    private static string Forms(Influence.Granularity g) => g switch
    {
        Influence.Granularity.Quarter => "a year (YYYY) or a quarter (YYYYQn)",
        Influence.Granularity.Month => "a year (YYYY), a quarter (YYYYQn) or a month (YYYY-MM)",
        _ => "a year (YYYY)",
    };

    /// <summary>
    /// Writes output to a file atomically (temporary file, then rename; "wrote PATH" on standard error), to a pipe or
    /// device in place (<see cref="WriteFile(CliIO, string, Action{Stream})"/>), or to standard output. Text from the
    /// case that a terminal would act on rather than show (a C1 control such as CSI, a bidirectional override) is
    /// written as its escape, as in the tool's messages (<see cref="PrintableWriter"/>), wherever the output goes:
    /// tables and lines, and JSON, where "\u202E" is the same string. Only <paramref name="raw"/> output (CSV, whose
    /// cells are data read back as written) is written as it is.
    /// </summary>
    public static void Emit(CliIO io, string? outPath, Action<TextWriter> write, bool raw = false)
    {
        if (outPath is null)
        {
            WriteText(io.Out, write, raw);
            return;
        }

        WriteFile(io, outPath, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            WriteText(writer, write, raw);
        });
    }

    private static void WriteText(TextWriter writer, Action<TextWriter> write, bool raw)
    {
        if (raw)
        {
            write(writer);
            writer.Flush();
            return;
        }

        var printable = new PrintableWriter(writer);
        write(printable);
        printable.Flush();
    }

    /// <summary>
    /// Writes a regular file whole or not at all (temporary file, then rename) and says so on standard error ("wrote
    /// PATH"). A symbolic link's target is written (the link stays). What is not a regular file is written to in place,
    /// as it stands, and nothing is said of it (the output is not in a file to point to): the process's own standard
    /// output or error (/dev/stdout, /dev/fd/2, …), written as the shell set it up (appending where it appends); a
    /// named pipe, a socket or a pipe the shell opened (/dev/fd/63 under process substitution); a device (/dev/null, a
    /// terminal).
    /// </summary>
    public static void WriteFile(CliIO io, string outPath, Action<Stream> write) => WriteFile(io, outPath, write, PendingFiles.Process);

    /// <summary><see cref="WriteFile(CliIO, string, Action{Stream})"/> with its temporary file listed in <paramref name="pending"/>.</summary>
    internal static void WriteFile(CliIO io, string outPath, Action<Stream> write, PendingFiles pending)
    {
        var full = OutPath(outPath);
        if (StandardStream(full) is { } standard)
        {
            using var stream = standard == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
            write(stream);
            return;
        }

        var real = RealPath(full, 0);
        var special = SpecialFiles.IsSpecial(full);
        if (special || IsDeviceOrStream(real))
        {
            // Replacing a pipe or a device with a renamed file would put a plain file in its place. A pipe or device is
            // opened by the path given, so that the system follows its links as it does for any program (/dev/fd/63 is
            // a link to a pipe, "pipe:[…]", which is no path).
            var shown = special && !File.Exists(real) ? full : real;
            try
            {
                using var stream = new FileStream(special ? full : real, FileMode.Open, FileAccess.Write);
                write(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(CannotWrite(outPath, shown, e, special || File.Exists(real) ? WriteStage.Device : WriteStage.MissingDevice, shown));
            }

            return;
        }

        var folder = Path.GetDirectoryName(real)!;
        if (MissingFolder(folder) is { } missing)
        {
            throw new UsageException(missing.File
                ? $"--out '{outPath}' is a link to {real}, under {missing.Path}, which is a file, not a folder; write elsewhere"
                : $"--out '{outPath}' is a link to {real}, whose folder does not exist; create it first or write elsewhere");
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(real)}.{Environment.ProcessId}.tmp");
        var stage = WriteStage.Folder;
        try
        {
            using (var stream = pending.Create(temp))
            {
                stage = WriteStage.Writing;
                write(stream);
            }

            stage = WriteStage.Replacing;
            pending.MoveIntoPlace(temp, real);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(CannotWrite(outPath, real, e, stage, temp));
        }
        finally
        {
            // Written whole or not at all: a failed or interrupted write leaves no temporary file.
            pending.Abandon(temp);
        }

        io.Error.WriteLine($"wrote {full}");
        io.Error.Flush();
    }

    /// <summary>
    /// Why an --out file could not be written, in the tool's words: the path given and the file it names, what stood in
    /// the way (permission, a full disk, a read-only disk, a missing device) and what to do; never the temporary file.
    /// </summary>
    /// <param name="outPath">The --out value as given.</param>
    /// <param name="real">The file it names, links followed.</param>
    /// <param name="e">The failure.</param>
    /// <param name="stage">What was being done when it failed.</param>
    /// <param name="temp">The temporary file, named in the failure's text as the file written.</param>
    internal static string CannotWrite(string outPath, string real, Exception e, WriteStage stage, string temp)
    {
        var folder = Path.GetDirectoryName(real) ?? real;
        var what = real == Path.GetFullPath(outPath) ? $"--out '{outPath}'" : $"--out '{outPath}' ({real})";
        var code = e.HResult & 0xFFFF;
        var windows = OperatingSystem.IsWindows();
        var full = windows ? code is 0x70 or 0x27 : code is 28 or 122; // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL; ENOSPC, EDQUOT
        var readOnly = windows ? code == 0x13 : code == 30; // EROFS; ERROR_WRITE_PROTECT
        if (full)
        {
            return stage == WriteStage.Device
                ? $"cannot write {what}: the device is full"
                : $"cannot write {what}: the disk holding {folder} is full; free space or write elsewhere";
        }

        if (readOnly)
        {
            return $"cannot write {what}: {folder} is on a read-only disk; write elsewhere";
        }

        if (e is UnauthorizedAccessException)
        {
            return stage switch
            {
                WriteStage.Replacing => $"cannot write {what}: permission denied to replace {real}; make it writable or write elsewhere",
                WriteStage.Device => $"cannot write {what}: permission denied to write to {real}",
                _ => $"cannot write {what}: permission denied to create a file in the folder {folder}; write to a folder you can write to, or change its permissions",
            };
        }

        if (stage == WriteStage.MissingDevice)
        {
            return $"cannot write {what}: {real} does not exist, and a file cannot be created under {folder}; write elsewhere";
        }

        // Another failure: the system's reason, naming the file asked for rather than the temporary one.
        var reason = e.Message.Replace(temp, real, StringComparison.Ordinal).Split('\n')[0].TrimEnd('\r', '.');
        return $"cannot write {what}: {reason}";
    }

    /// <summary>What an --out write was doing when it failed (<see cref="CannotWrite"/> words its message by it).</summary>
    internal enum WriteStage
    {
        /// <summary>Creating the temporary file in the folder.</summary>
        Folder,

        /// <summary>Writing the temporary file.</summary>
        Writing,

        /// <summary>Replacing the file asked for with the temporary file.</summary>
        Replacing,

        /// <summary>Writing to a device (or another stream) in place.</summary>
        Device,

        /// <summary>Writing in place to a device that does not exist.</summary>
        MissingDevice,
    }

    /// <summary>1 or 2 when a path names the process's standard output or error (/dev/stdout, /dev/fd/1, /proc/self/fd/2, …), else null.</summary>
    internal static int? StandardStream(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        return fullPath switch
        {
            "/dev/stdout" or "/dev/fd/1" or "/proc/self/fd/1" => 1,
            "/dev/stderr" or "/dev/fd/2" or "/proc/self/fd/2" => 2,
            _ => null,
        };
    }

    /// <summary>
    /// Gives the numeric options of every command a clean message for a value that is not a number, instead of
    /// System.CommandLine's, which names .NET types (System.Nullable`1[System.Int32]).
    /// </summary>
    public static void CleanNumberParsing(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> o when o.CustomParser is null:
                    o.CustomParser = r => Number<int>(r, o.Name, "a whole number", out var v) ? v : default;
                    break;
                case Option<int?> o when o.CustomParser is null:
                    o.CustomParser = r => Number<int>(r, o.Name, "a whole number", out var v) ? v : null;
                    break;
                case Option<long> o when o.CustomParser is null:
                    o.CustomParser = r => Number<long>(r, o.Name, "a whole number", out var v) ? v : default;
                    break;
                case Option<ulong> o when o.CustomParser is null:
                    o.CustomParser = r => Number<ulong>(r, o.Name, "a whole number ≥ 0", out var v) ? v : default;
                    break;
                case Option<double> o when o.CustomParser is null:
                    o.CustomParser = r => Number<double>(r, o.Name, "a number", out var v) ? v : default;
                    break;
                case Option<double?> o when o.CustomParser is null:
                    o.CustomParser = r => Number<double>(r, o.Name, "a number", out var v) ? v : null;
                    break;
                default:
                    break;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            CleanNumberParsing(sub);
        }
    }

    /// <summary>Reads a number option's value, or adds the error <see cref="CleanNumberParsing"/> words and returns false.</summary>
    internal static bool Number<T>(ArgumentResult result, string option, string expected, out T value)
        where T : INumber<T>, IMinMaxValue<T>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        var style = typeof(T) == typeof(double) ? NumberStyles.Float : NumberStyles.Integer;
        if (T.TryParse(text, style, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        // A whole number too large (or too small) to read is one, but not one the option can take: say which, without
        // the reading type's range (an option's own range, checked by its command, is narrower).
        var tooLarge = typeof(T) != typeof(double) && text.Length > 0 && !(T.IsZero(T.MinValue) && text.StartsWith('-'))
            && System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big)
            ? (bool?)(big.Sign > 0)
            : null;
        result.AddError(tooLarge switch
        {
            true => $"{option} expects {expected}; '{text}' is too large",
            false => $"{option} expects {expected}; '{text}' is too small",
            null => $"{option} expects {expected}, got '{text}'",
        });
        value = T.Zero;
        return false;
    }

    /// <summary>
    /// The value of a choice option (--format, --baselines, …), in lower case whatever case it was typed in; a usage
    /// error naming the choices when it is none of them.
    /// </summary>
    public static string Choice(ParseResult parse, Option<string> option, params string[] choices) => Choice(parse, option, choices, []);

    /// <summary>
    /// <see cref="Choice(ParseResult, Option{string}, string[])"/> with other spellings of a choice, each taken as the
    /// choice it names (--interval-kind's "bootstrap+montecarlo", the name the output gives "both"); the message of a
    /// value that is none of them names the choices only.
    /// </summary>
    public static string Choice(ParseResult parse, Option<string> option, string[] choices, params (string Spelling, string Choice)[] spellings)
    {
        var given = parse.GetValue(option)!;
        var value = given.ToLowerInvariant();
        if (spellings.FirstOrDefault(s => s.Spelling == value) is { Choice: { } same })
        {
            return same;
        }

        return Array.IndexOf(choices, value) >= 0
            ? value
            : throw new UsageException($"{option.Name} must be {string.Join(", ", choices[..^1])} or {choices[^1]}; was '{given}'");
    }

    /// <summary>
    /// The scored period inside which the case's evidence ends, and that last day, when it ends before the period does
    /// (the reference case's evidence runs to 2026-02-28, two months into 2026): that period's values rest on part of
    /// it only, and a reader must not take them for the whole period's. Null when the evidence runs to a period's end
    /// or beyond the scored range.
    /// </summary>
    public static (int Period, DateOnly LastDay)? PartialPeriod(ScoreSet scores) =>
        Enumerable.Range(0, scores.PeriodCount).FirstOrDefault(scores.IsPartial, -1) is var p and >= 0 ? (p, scores.EvidenceEnds!.Value) : null;

    /// <summary>The note under a text table or report whose range (positions first … last) holds <see cref="PartialPeriod"/>'s period, or null.</summary>
    public static string? PartialPeriodNote(ScoreSet scores, int first, int last) =>
        PartialPeriod(scores) is { } partial && partial.Period >= first && partial.Period <= last
            ? $"the case's evidence ends on {partial.LastDay:yyyy-MM-dd}, inside {scores.Periods[partial.Period]}: that period's values rest on part of it only (what came later is not in the case)."
            : null;

    /// <summary>
    /// The note under a text table whose range (positions first … last) holds periods that start after the case's
    /// evidence ends (<see cref="ScoreSet.IsAfterEvidence(int)"/>), which are not scored; null when it holds none.
    /// </summary>
    public static string? AfterEvidenceNote(ScoreSet scores, int first, int last)
    {
        var after = Enumerable.Range(first, last - first + 1).Where(scores.IsAfterEvidence).ToArray();
        return after.Length == 0
            ? null
            : $"{BlankRuns.Label(scores.Periods[after[0]], scores.Periods[after[^1]])}: not scored, as the case's evidence ends on {scores.EvidenceEnds!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; a case looked at for longer says so with \"evidenceEnds\" ({DocsUrl("case-format.md")}).";
    }

    /// <summary>
    /// The line that ties a text output to its inputs, as the score table's first line: the case's title (on one line,
    /// <see cref="OneLine"/>) and the first 16 characters of the input hash (the JSON outputs carry all of it).
    /// </summary>
    public static string InputLine(Influence.Cases.Case theCase, string inputHash) => $"{OneLine(theCase.Name)} — input hash {inputHash[..16]}…";

    /// <summary>
    /// The console a text table is written to <paramref name="writer"/> with: no ANSI codes, no colours, not
    /// interactive, 200 columns wide, so that the table reads the same in a terminal, a pipe and a file.
    /// </summary>
    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }

    /// <summary>
    /// A case's text where a text output has one line for it (a heading, a table's cell, a one-line summary): each line
    /// break (LF, CR, U+2028, U+2029), tab and other character <see cref="Influence.Internal.Printable"/> names is written as
    /// its escape, "Kabul\u000AKandahar", so that the output keeps its lines and columns and nothing of the text is lost.
    /// (A table would otherwise break the line: Spectre.Console splits its text at every line break, U+2028 included.)
    /// </summary>
    public static string OneLine(string text) => Influence.Internal.Printable.Escape(text);

    /// <summary>
    /// Writes free text from the case on lines of its own (an evidence item's note, a source's citation), after
    /// <paramref name="prefix"/>: each line break of the text (LF or CR LF) starts a new line, indented as far as the
    /// text's first line starts, so that the block stays under the item it belongs to. What else a terminal would act
    /// on (a lone CR, U+2028, U+2029) is shown as its escape by the output's <see cref="PrintableWriter"/>, as anywhere.
    /// </summary>
    public static void WriteIndented(TextWriter writer, string prefix, string text)
    {
        var indent = new string(' ', prefix.Length);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // An empty line of the text is an empty line: no indent left trailing on it.
            writer.WriteLine(lines[i].Length == 0 && i > 0 ? string.Empty : (i == 0 ? prefix : indent) + lines[i]);
        }
    }

    /// <summary>A value in a table: two decimals, "–" where undefined (see <see cref="Number(double, string)"/> for the sign).</summary>
    public static string Format(double? value) => value is { } v ? Number(v, "0.00") : "–";

    /// <summary>The minus sign of human-readable text: U+2212, as in print. JSON and CSV keep ASCII '-'.</summary>
    public const char Minus = '\u2212';

    /// <summary>
    /// A number in text output: formatted invariantly with <paramref name="format"/> (a single section, such as
    /// "0.00" or "0.####"), with the typographic minus sign (<see cref="Minus"/>) and never a negative zero: a value that
    /// rounds to zero prints as zero. Every number a text table or sentence shows goes through here or <see cref="Signed"/>.
    /// </summary>
    public static string Number(double value, string format = "0.##")
    {
        var text = Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);
        return value < 0 && !IsZero(text) ? Minus + text : text;
    }

    /// <summary>As <see cref="Number(double, string)"/>, with a sign always: "+0.25", "−0.25", and zero unsigned ("0").</summary>
    public static string Signed(double value, string format = "0.##")
    {
        var text = Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);
        return IsZero(text) ? text : (value < 0 ? Minus : '+') + text;
    }

    /// <summary>A whole number in text output, with the typographic minus sign.</summary>
    public static string Number(long value) =>
        value < 0 ? Minus + Math.Abs(value).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether formatted digits show zero (no digit other than 0).</summary>
    private static bool IsZero(string text) => !text.Any(c => c is >= '1' and <= '9');

    /// <summary>
    /// Shares as whole percentages that add to 100 (largest remainder: each is rounded down, then the parts with the
    /// largest remainders get one more; on a tie the larger share first, then the earlier part), so that 29 and 171 of
    /// 200 draws show as 14% and 86%, not 15% and 86%, and 99 and 101 as 49% and 51%, not as a tie.
    /// </summary>
    public static int[] Percentages(IReadOnlyList<double> shares)
    {
        var total = shares.Sum();
        var result = new int[shares.Count];
        if (!(total > 0))
        {
            return result;
        }

        // To 9 decimals, so that 29 of 200 draws is 14.5 exactly and ties with 85.5, which gets the point.
        var exact = shares.Select(s => Math.Round(s / total * 100, 9)).ToArray();
        var remainders = new double[exact.Length];
        for (var i = 0; i < exact.Length; i++)
        {
            result[i] = (int)Math.Floor(exact[i]);
            remainders[i] = exact[i] - result[i];
        }

        var missing = 100 - result.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => remainders[i]).ThenByDescending(i => exact[i]).ThenBy(i => i).Take(missing))
        {
            result[i]++;
        }

        return result;
    }
}
