using System.CommandLine;
using System.Globalization;
using Influence.Baselines;
using Influence.Generation;
using Spectre.Console;

namespace Influence.Cli.Commands;

/// <summary>
/// <c>influence bench [--actors N] [--periods T] [--evidence E] [--seed S] [--threads N] [--baselines all|duckdb|naive|none] [--format table|json]</c>:
/// the engine and both baselines on one generated universe (the timing lives in Influence.Baselines.BenchRunner).
/// </summary>
internal static class BenchCommand
{
    /// <summary>The most --threads bench takes: more than any machine it runs on has, fewer than would exhaust one.</summary>
    public const int MaxThreads = 1024;

    public static Command Create(CliIO io)
    {
        var defaults = new BenchOptions();
        var actors = new Option<int>("--actors") { Description = "Actors in the generated universe.", DefaultValueFactory = _ => defaults.Universe.Actors };
        var periods = new Option<int>("--periods") { Description = "Monthly periods.", DefaultValueFactory = _ => defaults.Universe.Periods };
        var evidence = new Option<int>("--evidence") { Description = "Evidence items to generate (a number of generated items, not a file).", DefaultValueFactory = _ => defaults.Universe.Evidence };
        evidence.CustomParser = CountNotFile;
        var seed = new Option<ulong>("--seed") { Description = "The universe's seed (a whole number ≥ 0).", DefaultValueFactory = _ => (ulong)defaults.Universe.Seed };
        var threads = new Option<int?>("--threads") { Description = "Threads for the engine and DuckDB (default: all processors)." };
        var baselines = new Option<string>("--baselines") { Description = "Which baselines to run beside the engine: all, duckdb, naive or none (naive LINQ is slow beyond 10⁶ items).", DefaultValueFactory = _ => "all" };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var command = new Command("bench", "Time the engine against naive LINQ and DuckDB SQL on one generated universe, check that all three agree, and report speed and memory, with two probes of the machine (fresh memory, a fixed sort) to tell a slower machine from slower code. Built only into the tool run from the repository, which holds the baselines (see benchmarks/README.md); the installed tool has no bench.")
        {
            actors, periods, evidence, seed, threads, baselines, format,
        };
        command.SetAction(parse => Common.Guard(io, parse, () =>
        {
            // Every problem of the command line at once, as score reports its own.
            var checks = new UsageChecks(io, parse);
            var fmt = checks.Take(() => Common.Choice(parse, format, "table", "json"));
            var which = checks.Take(() => Common.Choice(parse, baselines, "all", "duckdb", "naive", "none"));

            var threadCount = checks.Take(() => parse.GetValue(threads)) ?? defaults.Threads;
            if (threadCount is < 1 or > MaxThreads)
            {
                checks.Check(() => throw new Common.UsageException(string.Create(CultureInfo.InvariantCulture, $"--threads must be in [1, {MaxThreads}]; was {threadCount}")));
            }

            var (actorCount, periodCount, evidenceCount) = (checks.Take(() => parse.GetValue(actors)), checks.Take(() => parse.GetValue(periods)), checks.Take(() => parse.GetValue(evidence)));
            if (actorCount is < 4 or > UniverseOptions.MaxActors)
            {
                checks.Check(() => throw new Common.UsageException($"--actors must be in [4, {UniverseOptions.MaxActors}]; was {actorCount}"));
            }

            if (periodCount < 1)
            {
                checks.Check(() => throw new Common.UsageException($"--periods must be ≥ 1; was {periodCount}"));
            }

            if (evidenceCount is < 0 or > 999_999_999)
            {
                checks.Check(() => throw new Common.UsageException($"--evidence must be in [0, 999999999]; was {evidenceCount}"));
            }

            // A whole number ≥ 0, read as score's --seed is (a negative seed is refused by the parser).
            var seedValue = checks.Take(() => parse.GetValue(seed));
            if (seedValue > long.MaxValue)
            {
                checks.Check(() => throw new Common.UsageException(string.Create(CultureInfo.InvariantCulture, $"--seed must be at most {long.MaxValue}; was {seedValue}")));
            }

            checks.ThrowIfAny();
            var universe = new UniverseOptions { Actors = actorCount, Periods = periodCount, Evidence = evidenceCount, Seed = (long)seedValue };
            var options = new BenchOptions { Universe = universe, Threads = threadCount, DuckDb = which is "all" or "duckdb", Naive = which is "all" or "naive" };
            var report = Run(io, options);
            if (fmt == "json")
            {
                io.Out.WriteLine(report.ToJson());
            }
            else
            {
                WriteTable(report, io.Out);
            }

            io.Out.Flush();
            return report.Agree ? Cli.Success : Cli.InvalidData;
        }));
        return command;
    }

    /// <summary>
    /// --evidence as a count: every other command's --evidence is a CSV file, so a value that looks like one (it ends
    /// in .csv or names a file) is told apart from a number that is mistyped.
    /// </summary>
    private static int CountNotFile(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (text.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && File.Exists(text)))
        {
            result.AddError($"bench's --evidence is the number of items to generate, not a file; was '{text}' (give a whole number, for example --evidence 100000)");
            return 0;
        }

        return Common.Number<int>(result, "--evidence", "a whole number", out var value) ? value : 0;
    }

    /// <summary>Runs with a live progress display on a terminal, or one plain line per step otherwise.</summary>
    private static BenchReport Run(CliIO io, BenchOptions options)
    {
        if (ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            if (console.Profile.Capabilities.Interactive)
            {
                BenchReport? report = null;
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask("bench", maxValue: 1);
                        report = BenchRunner.Run(options, p =>
                        {
                            task.Description = p.Step;
                            task.Value = (double)p.Done / p.Total;
                        });
                        task.Value = 1;
                    });
                return report!;
            }
        }

        return BenchRunner.Run(options, p =>
        {
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"influence bench: [{p.Done + 1}/{p.Total}] {p.Step}"));
            io.Error.Flush();
        });
    }

    private static void WriteTable(BenchReport r, TextWriter writer)
    {
        var console = Common.PlainConsole(writer);
        var inv = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(inv, $"Universe: {r.Actors} actors, {r.Dyads} dyads, {r.Periods} periods, {r.Evidence:N0} evidence items, {r.DyadPeriods:N0} dyad-periods (seed {r.Seed}); {r.Threads} threads; {r.Machine}; load average {r.LoadAverage?.ToString("0.0", inv) ?? "unknown"}"));
        var table = new Table { Border = TableBorder.Simple };
        table.AddColumn("run");
        table.AddColumn(new TableColumn("seconds") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("processor seconds") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("of which kernel") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("engine is … × faster") { Alignment = Justify.Right });
        table.AddRow($"engine, {string.Join(", ", r.BaselineMeasures)}", Seconds(r.EngineSeconds), Seconds(r.EngineCpuSeconds), Seconds(r.EngineKernelCpuSeconds), "");
        table.AddRow("engine, every measure but the network ones", Seconds(r.EngineCoreSeconds), "", "", "");
        table.AddRow("engine, every measure", Seconds(r.EngineAllMeasuresSeconds), Seconds(r.EngineAllMeasuresCpuSeconds), Seconds(r.EngineAllMeasuresKernelCpuSeconds), "");
        table.AddRow("engine, every measure, first run", Seconds(r.EngineFirstRunSeconds), "", "", "");
        table.AddRow("DuckDB SQL (loading not counted)", Seconds(r.DuckdbSeconds), "", "", Ratio(r.SpeedupVsDuckdb));
        table.AddRow("DuckDB, loading the case", Seconds(r.DuckdbLoadSeconds), "", "", "");
        table.AddRow("naive LINQ", Seconds(r.NaiveSeconds), "", "", Ratio(r.SpeedupVsNaive));
        console.Write(table);
        console.WriteLine(string.Create(inv, $"Evidence per second, end to end: {r.EvidencePerSecond:N0} (every measure); {r.CoreEvidencePerSecond:N0} (every measure but the network ones)"));
        console.WriteLine(string.Create(inv, $"Machine probes: fresh memory {r.ProbeFreshMemorySecondsPerGb:0.00} s per GB; sorting 2^21 numbers on one thread {r.ProbeSortSeconds:0.000} s (compare these before comparing two runs' times)"));
        console.WriteLine(string.Create(inv, $"Peak managed memory: {r.PeakManagedBytes / 1e6:N1} MB ({r.BytesPerEvidence:N0} bytes per item; {r.MemoryRatio:0.00} × evidence and output columns)"));
        console.WriteLine((r.DuckdbSeconds, r.NaiveSeconds, r.Agree) switch
        {
            (null, null, _) => "Agree: nothing compared (no baseline was run)",
            (_, _, true) => string.Create(inv, $"Agree: yes (largest difference {r.LargestDifference:G3})"),
            _ => string.Create(inv, $"Agree: NO (largest difference {r.LargestDifference:G3})"),
        });

        static string Seconds(double? s) => s is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "not run";

        static string Ratio(double? x) => x is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "";
    }
}
