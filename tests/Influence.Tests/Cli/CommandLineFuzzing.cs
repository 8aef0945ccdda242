using CsCheck;
using FluentAssertions;
using Influence.Cli;
using Influence.Cli.Commands;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// The command line on random lines: a command (or a misspelt one, or none) followed by options drawn from every
/// command's, each with a valid or broken value or none, and a case that loads, one with problems, one that is
/// missing or a folder. Whatever the line, <c>influence</c> must end with exit code 0, 1 or 2, never an exception;
/// say why when it fails, without a stack trace; and write nothing a terminal would act on.
/// </summary>
/// <remarks>
/// A short run (<see cref="Iterations"/> lines) is part of the suite; <c>INFLUENCE_FUZZ_SECONDS=N</c> runs it for N
/// seconds instead (tests/README.md, "Fuzzing"). Slow work is kept out of the vocabulary: no bench, and at
/// most 3 draws for intervals.
/// </remarks>
public sealed class CommandLineFuzzing : IDisposable
{
    private const int Iterations = 200;

    /// <summary>
    /// The commands drawn: every command but bench (slow), and lines that are not a command. Kept by hand, and checked
    /// against the tool's commands by <see cref="TheVocabulary_HoldsEveryCommandAndOptionOfTheTool"/>.
    /// </summary>
    private static readonly string[] Commands = ["score", "explain", "validate", "trend", "changepoints", "sensitivity", "network", "counterfactual", "plot", "export-evidence", "help", "scor", "--help", "--version"];

    /// <summary>The options drawn: every option of every command but bench's own, a misspelt one and -h.</summary>
    private static readonly string[] Options = ["--patron", "--client", "--period", "--measure", "--measures", "--from", "--to", "--format", "--granularity", "--intervals", "--interval-kind", "--seed", "--without", "--evidence", "--out", "--width", "--title", "--credit", "--level", "--group", "--focus", "--min-sigma", "--no-states", "--no-credit", "--citations", "--formt", "-h"];

    private readonly CliRunner _files = new();

    public CommandLineFuzzing()
    {
        File.WriteAllText(_files.PathOf("problems.json"), """{ "schema": "influence.case/1", "id": "x", "actors": [ { "id": "a", "kind": "nation" } ], "evidence": 3 }""");
        File.WriteAllText(_files.PathOf("evidence.csv"), "id,kind,from,to,date\nx,support,pakistan,taliban,1998\n");
        Directory.CreateDirectory(_files.PathOf("folder"));
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void TheVocabulary_HoldsEveryCommandAndOptionOfTheTool()
    {
        // Without this a new command or option would never be fuzzed until someone remembered to list it.
        var tool = CommandSet.All(new CliIO(TextWriter.Null, TextWriter.Null)).Where(c => c.Name != "bench").ToList();

        Commands.Should().Contain(tool.Select(c => c.Name), "every command but bench is drawn");
        var toolOptions = tool.SelectMany(c => c.Options).Where(o => o.Name is not ("--help" or "--version")).Select(o => o.Name).Distinct();
        Options.Should().Contain(toolOptions, "every option of every command but bench is drawn");
    }

    [Fact]
    public void AnyCommandLine_EndsWithExitCode0Or1Or2_AndSaysWhyWithoutAStackTrace()
    {
        var sample = Repository.PathOf("samples", "data", "pakistan-taliban-1990s.json");
        string[] cases = [sample, "builtin", _files.PathOf("problems.json"), _files.PathOf("missing.json"), _files.PathOf("folder")];
        string[] values =
        [
            "pakistan", "taliban", "india", "nobody", "", " ", "1998", "1998Q2", "1998-05", "2050", "1800", "1998Q5", "x",
            "exchange", "conflict", "attainment", "exchange,conflict", "nothing", "text", "json", "csv", "dot", "year",
            "quarter", "month", "0", "1", "3", "-1", "1e9", "both", "bootstrap", "montecarlo", "360", "99999", "0.5",
            "\u001b[31m", "\u202eevil", _files.PathOf("evidence.csv"), _files.PathOf("missing.csv"), _files.PathOf("folder"),
        ];

        // --out only ever names a file in the temporary folder (or the folder itself, or a file in a missing one): any
        // other value could overwrite a file of the repository or litter the working folder.
        string[] outs = [_files.PathOf("out.txt"), _files.PathOf("folder/out.png"), _files.PathOf("folder"), _files.PathOf("missing/out.json"), _files.PathOf("problems.json")];
        var option = Gen.Select(Gen.OneOf(Options), Gen.OneOf(values), Gen.OneOf(outs), Gen.Int[0, 3], (o, v, path, k) =>
            k == 0 ? new[] { o } : [o, o == "--out" ? path : v]);
        var line = Gen.Frequency(
            (3, Gen.Select(
                Gen.OneOf(Commands),
                Gen.OneOf(cases),
                Gen.Bool,
                option.Array[0, 6],
                (command, @case, withCase, opts) => withCase ? [command, @case, .. opts.SelectMany(o => o)] : (string[])[command, .. opts.SelectMany(o => o)])),
            // A command and a case alone, so that lines whose only fault is the case (exit 1) come often enough to be
            // among the short run's.
            (1, Gen.Select(Gen.OneOf(Commands), Gen.OneOf(cases), (command, @case) => new[] { command, @case })));

        var codes = new int[3];
        line.Sample(
            args =>
            {
                var intervals = Array.IndexOf(args, "--intervals");
                if (intervals >= 0 && intervals + 1 < args.Length && int.TryParse(args[intervals + 1], out var draws) && draws > 3)
                {
                    return; // slow, not damaged
                }

                (int Code, string Out, string Err) run;
                try
                {
                    run = CliRunner.Run(args);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"influence threw {e.GetType().Name}: {e.Message}", e);
                }

                run.Code.Should().BeOneOf([0, 1, 2], $"exit codes are 0, 1 and 2 (README); stderr: {run.Err}");
                Interlocked.Increment(ref codes[run.Code]);
                if (run.Code != 0)
                {
                    (run.Out + run.Err).Should().NotBeNullOrWhiteSpace("a command that fails says why (validate lists the problems on standard output, its output)");
                }

                run.Err.Should().NotContain("   at ", "no stack trace reaches the user").And.NotContain("Exception:", "no exception's text reaches the user");
                (run.Out + run.Err).Should().NotContainAny(["\u001b", "\u202e"], "text is shown, never acted on by a terminal");
            },
            iter: FuzzTime.Iter(Iterations),
            time: FuzzTime.Time,
            print: args => string.Join(' ', args.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)));

        // Lines that succeed, that name unusable input and that misuse the command line were all among those run.
        codes.Should().OnlyContain(n => n > 0, $"exit codes 0, 1 and 2 came {codes[0]}, {codes[1]} and {codes[2]} times");
        Directory.EnumerateFileSystemEntries(Environment.CurrentDirectory, "-*").Should().BeEmpty(
            "no line wrote a file named like an option into the working folder (--out only ever names the temporary folder's files)");
    }
}
