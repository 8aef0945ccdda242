using System.CommandLine;
using System.Text.Json;
using FluentAssertions;
using Influence.Cli;
using Influence.Cli.Commands;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// What every command does the same way: the case argument ('builtin'), --out (checked before any work, never the
/// case file, "wrote PATH" on standard error), periods inside the case's range, and clean messages for bad values.
/// </summary>
public sealed class CommandConventionsTests : IDisposable
{
    private const string CaseDescription = "The case file (JSON); 'builtin' or nothing for the built-in reference case.";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The test case (2000–2010, yearly): P supports C in 2005, X supports C in 2006.</summary>
    private string Case(string name = "case.json") =>
        _cli.Write(
            TestCases.Builder()
                .Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8))
                .Add(TestCases.Support("back", TestCases.Year(2005), "C", "P", 0.5))
                .Add(TestCases.Support("other", TestCases.Year(2006), "X", "C", 0.4))
                .Build(),
            name);

    /// <summary>Each command that takes a case and --out, with the options it needs to run on the test case.</summary>
    public static TheoryData<string, string[]> CommandsWithOut => new()
    {
        { "score", ["--format", "json"] },
        { "explain", ["--period", "2005", "--measure", "exchange"] },
        { "trend", ["--measure", "exchange"] },
        { "changepoints", ["--measure", "exchange"] },
        { "sensitivity", ["--period", "2005"] },
        { "network", ["--period", "2005"] },
        { "counterfactual", ["--without", "X"] },
        { "plot", [] },
    };

    /// <summary>Runs a command line that must be wrong usage: exit 2, nothing on standard output; gives standard error.</summary>
    private static string UsageError(string[] words)
    {
        var (code, output, err) = CliRunner.Run(words);
        code.Should().Be(2, err);
        output.Should().BeEmpty();
        return err;
    }

    /// <summary>"command options…" as words, the case inserted after the command.</summary>
    private string[] CommandLine(string commandLine)
    {
        var space = commandLine.IndexOf(' ', StringComparison.Ordinal);
        return Words(commandLine[..space], commandLine[(space + 1)..]);
    }

    private static string OutName(string command) => command == "plot" ? "out.png" : "out.txt";

    /// <summary>A command line's words, the case inserted after the command, with chart.png in the temporary folder.</summary>
    private string[] Words(string command, string options) =>
        [command, Case(), .. options.Split(' ').Select(w => w == "chart.png" ? _cli.PathOf(w) : w)];

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_ThatIsTheCaseFile_IsAUsageError_AndLeavesTheCaseUntouched(string command, string[] options)
    {
        var path = Case();
        var before = File.ReadAllText(path);
        var sameFileOtherSpelling = Path.Combine(_cli.Folder, "..", Path.GetFileName(_cli.Folder), "case.json");

        // The same file through a symbolic link to its folder (where the system lets tests make links).
        var linkedFolder = Path.Combine(Path.GetTempPath(), $"influence-link-{Guid.NewGuid():N}");
        var targets = new List<string> { path, sameFileOtherSpelling };
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateSymbolicLink(linkedFolder, _cli.Folder);
            targets.Add(Path.Combine(linkedFolder, "case.json"));
        }

        try
        {
            foreach (var target in targets)
            {
                var (code, output, err) = CliRunner.Run([command, path, .. options, "--out", target]);

                code.Should().Be(2, err);
                output.Should().BeEmpty();
                // plot also wants a .png: both problems of the command line are reported.
                var png = command == "plot" ? $"influence: --out must name a .png file; was '{target}'{Environment.NewLine}" : string.Empty;
                err.Should().Be($"influence: --out '{target}' is the case file the command reads; write to another file{Environment.NewLine}{png}");
            }
        }
        finally
        {
            if (Directory.Exists(linkedFolder))
            {
                Directory.Delete(linkedFolder);
            }
        }

        File.ReadAllText(path).Should().Be(before);
        Directory.GetFiles(_cli.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(["case.json"], "no temporary file is left");
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_WritesTheFile_AndSaysSoOnStandardError_KeepingStandardOutputClean(string command, string[] options)
    {
        var target = _cli.PathOf(OutName(command));

        var (code, output, err) = CliRunner.Run([command, Case(), .. options, "--out", target]);

        code.Should().Be(0, err);
        output.Should().BeEmpty();
        err.Should().Be($"wrote {target}{Environment.NewLine}");
        new FileInfo(target).Length.Should().BeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_ThatIsASymbolicLink_WritesTheFileItPointsTo_AndKeepsTheLink(string command, string[] options)
    {
        var target = _cli.PathOf("target-" + OutName(command));
        File.WriteAllText(target, "old");
        var link = _cli.PathOf(OutName(command));
        File.CreateSymbolicLink(link, target);

        var (code, _, err) = CliRunner.Run([command, Case(), .. options, "--out", link]);

        code.Should().Be(0, err);
        new FileInfo(link).LinkTarget.Should().Be(target, "the link is not replaced by a plain file");
        new FileInfo(target).Length.Should().BeGreaterThan(3);
    }

    [Fact]
    public void Out_ThroughALinkIntoAMissingFolder_NamesTheLinksTarget()
    {
        var link = _cli.PathOf("dangling.json");
        var target = Path.Combine(_cli.PathOf("no-such-folder"), "x.json");
        File.CreateSymbolicLink(link, target);

        var (code, _, err) = CliRunner.Run(["score", Case(), "--format", "json", "--out", link]);

        code.Should().Be(2);
        err.Should().Be($"influence: --out '{link}' is a link to {target}, whose folder does not exist; create it first or write elsewhere{Environment.NewLine}");
    }

    [LinuxFact("/dev/null, /dev/stdout and /proc/self/fd", "/proc/self/fd")]
    public void Out_ToDevNull_WritesToTheDevice_WithoutReplacingIt()
    {
        // Checked before writing, so that a regression cannot replace the machine's /dev/null with a plain file.
        Common.IsDeviceOrStream(Common.RealPath("/dev/null")).Should().BeTrue();
        Common.IsDeviceOrStream(Common.RealPath(_cli.PathOf("scores.json"))).Should().BeFalse();
        Common.IsDeviceOrStream("/dev/shm/scores.csv").Should().BeFalse("/dev/shm holds plain files, written whole");
        Common.StandardStream("/dev/stdout").Should().Be(1, "standard output is written as the shell set it up, appending where it appends");
        Common.StandardStream("/proc/self/fd/2").Should().Be(2);

        var (code, _, err) = CliRunner.Run(["score", Case(), "--out", "/dev/null"]);

        code.Should().Be(0, err);
        err.Should().BeEmpty("the output is in no file: 'wrote /dev/null' would say it was");
        File.ReadAllBytes("/dev/null").Should().BeEmpty();
    }

    [UnixFact("/dev/null")]
    public void SpecialFiles_AreThoseThatAreNeitherRegularFilesNorFolders()
    {
        SpecialFiles.IsSpecial("/dev/null").Should().BeTrue();
        SpecialFiles.IsSpecial(Case()).Should().BeFalse();
        SpecialFiles.IsSpecial(_cli.Folder).Should().BeFalse();
        SpecialFiles.IsSpecial(_cli.PathOf("missing.txt")).Should().BeFalse();
    }

    [UnixFact("named pipes made with mkfifo")]
    public async Task Out_ToANamedPipe_WritesIntoThePipe_WithoutReplacingIt_OrSayingItWroteAFile()
    {
        var fifo = _cli.PathOf("scores.pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        SpecialFiles.IsSpecial(fifo).Should().BeTrue();
        var caseFile = Case();
        var read = Task.Run(() =>
        {
            using var reader = new StreamReader(fifo);
            return reader.ReadToEnd();
        });

        var (code, output, err) = CliRunner.Run(["score", caseFile, "--format", "csv", "--out", fifo]);

        code.Should().Be(0, err);
        output.Should().BeEmpty();
        err.Should().BeEmpty();
        // The tool wrote into the pipe and closed it.
        (await read.WaitAsync(TimeSpan.FromSeconds(30))).Should().StartWith("patron,client,period,");
        SpecialFiles.IsSpecial(fifo).Should().BeTrue("the pipe is not replaced by a plain file");
        Directory.GetFiles(_cli.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(["case.json", "scores.pipe"], "no temporary file is made");
    }

    [LinuxFact("/dev/fd/N paths that are links to pipes")]
    public async Task Out_ToAnOpenPipe_ByItsDevFdPath_WritesIntoThePipe()
    {
        // What a shell's process substitution gives: --out >(gzip > scores.csv.gz) is /dev/fd/63, a link to "pipe:[…]".
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);
        var fd = pipe.GetClientHandleAsString();
        var read = Task.Run(() => new StreamReader(pipe).ReadToEnd());

        var (code, _, err) = CliRunner.Run(["score", Case(), "--format", "csv", "--out", $"/dev/fd/{fd}"]);
        pipe.DisposeLocalCopyOfClientHandle();

        code.Should().Be(0, err);
        err.Should().BeEmpty();
        (await read.WaitAsync(TimeSpan.FromSeconds(30))).Should().StartWith("patron,client,period,");
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_ThatLooksLikeAnOption_IsAUsageError_AndWritesNothing_ButAPathToSuchAFileIsWritten(string command, string[] options)
    {
        // "--out --formt" (a misspelt option) once wrote a file named "--formt" into the working folder.
        var name = "--looks-like-an-option" + Path.GetExtension(OutName(command));

        var (code, output, err) = CliRunner.Run([command, Case(), .. options, "--out", name]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Contain($"--out needs a file name; '{name}' looks like an option; to write a file of that name, give it as .{Path.DirectorySeparatorChar}{name}");
        File.Exists(name).Should().BeFalse("nothing is written into the working folder");

        var path = _cli.PathOf(name);
        CliRunner.Run([command, Case(), .. options, "--out", path]).Code.Should().Be(0, "a path to a file named like an option is a path");
        File.Exists(path).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_ThatIsAFolder_IsAUsageError_AndWritesNothing(string command, string[] options)
    {
        var folder = Directory.CreateDirectory(_cli.PathOf(OutName(command))).FullName;

        var (code, output, err) = CliRunner.Run([command, Case(), .. options, "--out", folder]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Be($"influence: --out '{folder}' is a folder; give the path of a file to write{Environment.NewLine}");
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_InAMissingFolder_IsAUsageError_AndCreatesNothing(string command, string[] options)
    {
        var target = Path.Combine(_cli.Folder, "missing", OutName(command));

        var (code, output, err) = CliRunner.Run([command, Case(), .. options, "--out", target]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().StartWith($"influence: the folder of --out '{target}' does not exist");
        Directory.Exists(Path.Combine(_cli.Folder, "missing")).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(CommandsWithOut))]
    public void Out_UnderAFile_SaysTheFileStandsWhereTheFolderShouldBe_NotToCreateTheFolder(string command, string[] options)
    {
        var file = _cli.PathOf("notes.txt");
        File.WriteAllText(file, "not a folder");
        var target = Path.Combine(file, "deeper", OutName(command));

        var (code, output, err) = CliRunner.Run([command, Case(), .. options, "--out", target]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Be($"influence: --out '{target}' is under {file}, which is a file, not a folder: nothing can be written there; write elsewhere{Environment.NewLine}");
        File.ReadAllText(file).Should().Be("not a folder");
    }

    [Fact]
    public void Out_InAMissingFolder_NamesTheFolderToCreate()
    {
        var target = Path.Combine("missing-" + Guid.NewGuid().ToString("N"), "out.txt");

        var err = UsageError(["score", Case(), "--out", target]);

        err.Should().Be($"influence: the folder of --out '{target}' does not exist; create {Path.GetDirectoryName(Path.GetFullPath(target))} first or write elsewhere{Environment.NewLine}");
    }

    [LinuxFact("/sys, which refuses new files to every user, root included", "/sys/kernel")]
    public void Out_InAFolderNotWritable_SaysPermissionDenied_InTheToolsWords_WithoutTheTemporaryFile()
    {
        var (code, output, err) = CliRunner.Run(["score", Case(), "--out", "/sys/influence-scores.txt"]);

        code.Should().Be(1);
        output.Should().BeEmpty();
        err.Should().Be($"influence: cannot write --out '/sys/influence-scores.txt': permission denied to create a file in the folder /sys; write to a folder you can write to, or change its permissions{Environment.NewLine}");
    }

    [LinuxFact("/dev/full, a device that is always full", "/dev/full")]
    public void Out_ToAFullDevice_SaysTheDeviceIsFull()
    {
        var (code, _, err) = CliRunner.Run(["score", Case(), "--out", "/dev/full"]);

        code.Should().Be(1);
        err.Should().Be($"influence: cannot write --out '/dev/full': the device is full{Environment.NewLine}");
    }

    [Fact]
    public void CannotWrite_NamesTheFileAskedFor_NeverTheTemporaryFile()
    {
        var real = _cli.PathOf("scores.txt");
        var temp = _cli.PathOf($".scores.txt.{Environment.ProcessId}.tmp");

        Common.CannotWrite(real, real, new IOException($"The process cannot access the file '{temp}' because it is being used by another process."), Common.WriteStage.Replacing, temp)
            .Should().Be($"cannot write --out '{real}': The process cannot access the file '{real}' because it is being used by another process");
        Common.CannotWrite(real, real, new UnauthorizedAccessException($"Access to the path '{temp}' is denied."), Common.WriteStage.Replacing, temp)
            .Should().Be($"cannot write --out '{real}': permission denied to replace {real}; make it writable or write elsewhere");
        Common.CannotWrite("link.txt", real, new UnauthorizedAccessException($"Access to the path '{temp}' is denied."), Common.WriteStage.Folder, temp)
            .Should().Be($"cannot write --out 'link.txt' ({real}): permission denied to create a file in the folder {_cli.Folder}; write to a folder you can write to, or change its permissions");
    }

    [Fact]
    public void Out_WriteThatFails_LeavesNoTemporaryFile_AndNoFile()
    {
        var target = _cli.PathOf("failed.txt");
        var io = new CliIO(TextWriter.Null, TextWriter.Null);

        var write = () => Common.WriteFile(io, target, stream =>
        {
            stream.Write("half"u8);
            Directory.EnumerateFiles(_cli.Folder, ".failed.txt.*.tmp").Should().ContainSingle("the write goes to a temporary file");
            throw new IOException("No space left on device", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28);
        });

        write.Should().Throw<Common.InputException>().WithMessage($"cannot write --out '{target}': the disk holding {_cli.Folder} is full; free space or write elsewhere");
        Directory.EnumerateFileSystemEntries(_cli.Folder).Should().BeEmpty();
    }

    [Fact]
    public void Out_WriteInterrupted_DeletesTheTemporaryFile_AndWritesNoFile()
    {
        // What Ctrl-C or SIGTERM does (PendingFiles' signal handlers call End) while a command writes its --out: the
        // runtime then ends the process without running the writer's finally blocks.
        var target = _cli.PathOf("interrupted.txt");
        var pending = new PendingFiles();
        var io = new CliIO(TextWriter.Null, TextWriter.Null);
        string? temp = null;

        var write = () => Common.WriteFile(io, target, stream =>
        {
            stream.Write("half"u8);
            temp = pending.Pending.Should().ContainSingle().Subject;
            File.Exists(temp).Should().BeTrue();
            pending.End();
            File.Exists(temp).Should().BeFalse("the interruption deletes it at once, the write still under way");
            stream.Write("rest"u8);
        }, pending);

        write.Should().Throw<Common.InputException>().WithMessage($"interrupted: {target} was not written");
        Directory.EnumerateFileSystemEntries(_cli.Folder).Should().BeEmpty();
        pending.Pending.Should().BeEmpty();
        ((Action)(() => Common.WriteFile(io, target, stream => stream.Write("again"u8), pending))).Should().Throw<Common.InputException>("once the process is ending nothing more is written");
        File.Exists(target).Should().BeFalse();
    }

    [Theory]
    [InlineData("score", "--patron", "pakistan", "--client", "taliban", "--from", "1998", "--to", "1998")]
    [InlineData("explain", "--patron", "pakistan", "--client", "taliban", "--period", "1998", "--measure", "exchange", "--format", "json")]
    [InlineData("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "exchange", "--from", "1995", "--to", "2000")]
    [InlineData("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "exchange", "--from", "1995", "--to", "2000")]
    [InlineData("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "1998")]
    [InlineData("network", "--period", "1998")]
    [InlineData("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "india", "--from", "1998", "--to", "1998")]
    [InlineData("validate")]
    [InlineData("export-evidence")]
    public void Builtin_NamesTheReferenceCase_ForEveryCommand(string command, params string[] options)
    {
        // What identifies the reference case in each output, from the case as the library loads it (the command line's
        // choice of case is under test here, not the hash or the counts).
        var reference = CaseReader.LoadBuiltIn();
        var hash = Reproducibility.InputHash(reference, ScoringOptions.Default);
        var inputLine = $"{reference.Name} — input hash {hash[..16]}…";

        var (code, output, err) = CliRunner.Run([command, "builtin", .. options]);

        code.Should().Be(0, err);
        err.Should().BeEmpty();
        var lines = output.Split(Environment.NewLine);
        switch (command)
        {
            case "score" or "trend" or "changepoints" or "sensitivity":
                lines[0].Should().Be(inputLine);
                break;
            case "explain" or "network":
                using (var doc = JsonDocument.Parse(output))
                {
                    doc.RootElement.GetProperty("case").GetString().Should().Be(CaseReader.ReferenceCaseId);
                    doc.RootElement.GetProperty("inputHash").GetString().Should().Be(hash);
                }

                break;
            case "counterfactual":
                lines[0].Should().StartWith("pakistan → taliban, with and without india").And.EndWith($"; input hash {hash[..16]}…");
                break;
            case "validate":
                output.Should().Be($"builtin: valid — {reference.Actors.Length} actors, {reference.Evidence.Count} evidence items, {reference.Dyads.Length} dyads.{Environment.NewLine}");
                break;
            case "export-evidence":
                var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
                rows.Should().BeEquivalentTo(Enumerable.Range(0, reference.Evidence.Count).Select(reference.Evidence.IdAt), "a row per item of the reference case, by id");
                break;
            default:
                throw new InvalidOperationException($"no check for {command}");
        }
    }

    [Fact]
    public void Builtin_NamesTheReferenceCase_ForPlot()
    {
        var target = _cli.PathOf("chart.png");

        var (code, _, err) = CliRunner.Run("plot", "builtin", "--patron", "pakistan", "--client", "taliban", "--from", "1996", "--to", "2001", "--out", target);

        code.Should().Be(0, err);
        File.ReadAllBytes(target).Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
    }

    [Theory]
    [InlineData("score")]
    [InlineData("explain")]
    [InlineData("trend")]
    [InlineData("changepoints")]
    [InlineData("sensitivity")]
    [InlineData("network")]
    [InlineData("counterfactual")]
    [InlineData("plot")]
    public void Help_DescribesTheCaseArgument_TheSameWay(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");

        code.Should().Be(0);
        output.Should().Contain($"<case>  {CaseDescription}");
    }

    [Theory]
    [InlineData("--from 1850", "--from 1850 is before the case's first period (2000); the case covers 2000–2010", "score")]
    [InlineData("--to 1999", "--to 1999 is before the case's first period (2000); the case covers 2000–2010", "score")]
    [InlineData("--from 2030", "--from 2030 is after the case's last period (2010); the case covers 2000–2010", "score")]
    [InlineData("--from 1850 --to 1852", "--from 1850 is before the case's first period (2000); the case covers 2000–2010\ninfluence: --to 1852 is before the case's first period (2000); the case covers 2000–2010", "score")]
    [InlineData("--from 1999Q4 --granularity quarter", "--from 1999Q4 is before the case's first period (2000); the case covers 2000–2010", "score")]
    [InlineData("--period 1850 --measure exchange", "--period 1850 is before the case's first period (2000); the case covers 2000–2010", "explain")]
    [InlineData("--period 2011-01 --measure exchange", "--period 2011-01 is after the case's last period (2010); the case covers 2000–2010", "explain")]
    [InlineData("--from 1850 --to 1860 --measure exchange", "--from 1850 is before the case's first period (2000); the case covers 2000–2010\ninfluence: --to 1860 is before the case's first period (2000); the case covers 2000–2010", "trend")]
    [InlineData("--to 2020 --measure exchange", "--to 2020 is after the case's last period (2010); the case covers 2000–2010", "changepoints")]
    [InlineData("--period 1900", "--period 1900 is before the case's first period (2000); the case covers 2000–2010", "sensitivity")]
    [InlineData("--period 1850", "--period 1850 is before the case's first period (2000); the case covers 2000–2010", "network")]
    [InlineData("--without X --to 2030", "--to 2030 is after the case's last period (2010); the case covers 2000–2010", "counterfactual")]
    [InlineData("--from 1850 --out chart.png", "--from 1850 is before the case's first period (2000); the case covers 2000–2010", "plot")]
    public void Periods_OutsideTheCasesRange_AreAUsageError_NamingTheOptionTheValueAndTheRange(string options, string message, string command)
    {
        var err = UsageError(Words(command, options));

        err.Should().Be($"influence: {message.Replace("\n", Environment.NewLine, StringComparison.Ordinal)}{Environment.NewLine}");
        File.Exists(_cli.PathOf("chart.png")).Should().BeFalse();
    }

    [Fact]
    public void Periods_InvertedInsideTheCase_StillSayWhichIsBeforeWhich()
    {
        var (code, _, err) = CliRunner.Run("score", Case(), "--from", "2006", "--to", "2004");

        code.Should().Be(2);
        err.Should().Be($"influence: --to 2004 is before --from 2006: give the first period with --from and the last with --to{Environment.NewLine}");
    }

    [Theory]
    [InlineData("score", "--from 2005Q1 --to 2005Q4", "--from 2005Q1 is a quarter, but the case is yearly: give a year (YYYY), or --granularity quarter to score quarters\ninfluence: --to 2005Q4 is a quarter, but the case is yearly: give a year (YYYY), or --granularity quarter to score quarters")]
    [InlineData("score", "--from 2005 --to 2005-06 --granularity quarter", "--to 2005-06 is a month, but --granularity is quarter: give a year (YYYY) or a quarter (YYYYQn), or --granularity month to score months")]
    [InlineData("trend", "--measure exchange --from 2005Q1", "--from 2005Q1 is a quarter, but the case is yearly: give a year (YYYY), or --granularity quarter to score quarters")]
    [InlineData("changepoints", "--measure exchange --to 2005-03 --granularity quarter", "--to 2005-03 is a month, but --granularity is quarter: give a year (YYYY) or a quarter (YYYYQn), or --granularity month to score months")]
    public void Periods_FinerThanTheScoredGranularity_AreAUsageError_NotRoundedSilently(string command, string options, string message)
    {
        var err = UsageError(Words(command, options));

        err.Should().Be($"influence: {message.Replace("\n", Environment.NewLine, StringComparison.Ordinal)}{Environment.NewLine}");
    }

    [Theory]
    [InlineData("--interval-kind bootstrap", "--interval-kind applies only to intervals: give --intervals N too (the number of draws, for example 200), or leave --interval-kind out")]
    [InlineData("--seed 7", "--seed applies only to intervals: give --intervals N too (the number of draws, for example 200), or leave --seed out")]
    public void IntervalOptions_WithoutIntervals_AreAUsageError(string options, string message)
    {
        var err = UsageError(Words("score", options));

        err.Should().Be($"influence: {message}{Environment.NewLine}");
    }

    [Theory]
    [InlineData("score --intervals abc", "--intervals expects a whole number, got 'abc'")]
    [InlineData("score --intervals 2.5", "--intervals expects a whole number, got '2.5'")]
    [InlineData("score --intervals 10 --seed -1", "--seed expects a whole number ≥ 0, got '-1'")]
    [InlineData("score --intervals 5000000000", "--intervals expects a whole number; '5000000000' is too large")]
    [InlineData("score --intervals -5000000000", "--intervals expects a whole number; '-5000000000' is too small")]
    [InlineData("score --intervals 10 --seed 99999999999999999999999", "--seed expects a whole number ≥ 0; '99999999999999999999999' is too large")]
    [InlineData("trend --measure exchange --level high", "--level expects a number, got 'high'")]
    [InlineData("plot --width wide --out chart.png", "--width expects a whole number, got 'wide'")]
    [InlineData("changepoints --measure exchange --min-sigma abc", "--min-sigma expects a number, got 'abc'")]
    public void NumbersThatDoNotParse_GiveACleanMessage_WithoutDotNetTypeNames(string commandLine, string message)
    {
        var err = UsageError(CommandLine(commandLine));

        err.Should().StartWith($"influence: {message}{Environment.NewLine}").And.NotContain("System.");
    }

    [Theory]
    [InlineData("trend --measure exchange --level 1.5", "--level must be above 0 and at most 0.999 (further out the t quantiles are unreliable), got 1.5")]
    [InlineData("trend --measure exchange --level 0", "--level must be above 0 and at most 0.999 (further out the t quantiles are unreliable), got 0")]
    [InlineData("trend --measure exchange --level 0.9999999999", "--level must be above 0 and at most 0.999 (further out the t quantiles are unreliable), got 0.9999999999")]
    [InlineData("plot --width 0 --out chart.png", "--width must be between 200 and 10000 pixels, got 0")]
    [InlineData("changepoints --measure exchange --min-sigma 1e400", "--min-sigma must be a finite positive number; was '1e400'")]
    [InlineData("changepoints --measure exchange --min-sigma -0.5", "--min-sigma must be a finite positive number; was '-0.5'")]
    public void NumbersOutOfRange_GiveOneCleanLine(string commandLine, string message)
    {
        var err = UsageError(CommandLine(commandLine));

        err.Should().Be($"influence: {message}{Environment.NewLine}");
        File.Exists(_cli.PathOf("chart.png")).Should().BeFalse();
    }

    [Fact]
    public void LibraryRangeErrors_AreOneLine_WithoutTheActualValueLineDotNetAdds()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = new Command("any").Parse([]);

        var code = Common.Guard(new CliIO(output, error), parse, () => throw new ArgumentOutOfRangeException("level", 1.5, "level must be in (0, 1); was 1.5"));

        code.Should().Be(2);
        error.ToString().Should().Be($"influence: level must be in (0, 1); was 1.5{Environment.NewLine}");
    }

    [Fact]
    public void AValueTheEngineCannotReport_IsOneLine_WithoutAStackTrace()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = new Command("any").Parse([]);

        var code = Common.Guard(new CliIO(output, error), parse, () => throw new InvalidOperationException("measure 'mine' produced NaN for P→C in 2001"));

        code.Should().Be(1);
        error.ToString().Should().Be($"influence: measure 'mine' produced NaN for P→C in 2001{Environment.NewLine}");
    }

    [Fact]
    public void MoreDrawsThanAnArrayHolds_IsAUsageError()
    {
        var err = UsageError(Words("score", "--intervals 2147483647"));

        err.Should().StartWith("influence: 2147483647 draws of 11 dyad-periods are 23622320117 values a measure, more than an array holds");
    }

    [Theory]
    [InlineData("state", "relationship state of pakistan → taliban in 2010: contested", "  rule:     contested: exchange")]
    [InlineData("patronClient", "patron–client test of pakistan → taliban in 2010: patron–client", "  rule:     patron–client: all four features")]
    public void ExplainingAVerdict_GivesItsRule(string measure, string first, string second)
    {
        var (code, output, err) = CliRunner.Run(["explain", "--patron", "pakistan", "--client", "taliban", "--period", "2010", "--measure", measure]);

        code.Should().Be(0, err);
        var lines = output.Split(Environment.NewLine);
        lines[0].Should().Be(first);
        lines[1].Should().StartWith(second);
    }

    [Fact]
    public void AnArgumentStartingWithAt_IsAFileName_NotAResponseFile()
    {
        var (code, _, err) = CliRunner.Run(["validate", "@cases.json"]);

        code.Should().Be(1);
        err.Should().StartWith("influence: no case file at '@cases.json'");
    }

    [Fact]
    public void Help_NamesTheToolInfluence()
    {
        var root = CliRunner.Run("--help");
        var score = CliRunner.Run("score", "--help");

        root.Code.Should().Be(0);
        root.Out.Should().Contain("  influence [command] [options]").And.NotContain("Influence.Cli");
        score.Out.Should().Contain("  influence score [<case>] [options]").And.NotContain("Influence.Cli");
    }

    [Fact]
    public void Help_ShowsEachDefaultOnce()
    {
        var lines = CliRunner.Run("score", "--help").Out.Split('\n');

        lines.Single(l => l.TrimStart().StartsWith("--seed", StringComparison.Ordinal)).Should().EndWith("[default: 1]").And.NotContain("(default");
        lines.Single(l => l.TrimStart().StartsWith("--interval-kind", StringComparison.Ordinal)).Should().EndWith("[default: both]").And.NotContain("(default");
        CliRunner.Run("trend", "--help").Out.Split('\n').Single(l => l.TrimStart().StartsWith("--level", StringComparison.Ordinal))
            .Should().EndWith("[default: 0.9]").And.NotContain("(default");
    }

    [Fact]
    public void Help_OfBench_DoesNotShowThisMachinesProcessorCountAsTheDefaultThreads()
    {
        var threads = CliRunner.Run("bench", "--help").Out.Split('\n').Single(l => l.TrimStart().StartsWith("--threads", StringComparison.Ordinal));

        threads.Should().Contain("(default: all processors)").And.NotContain("[default:");
    }

    [Theory]
    [InlineData("score", "--format", "JSON", "\"schema\": \"influence.scores/2\"")]
    [InlineData("network", "--format", "Dot", "digraph")]
    [InlineData("counterfactual", "--format", "Json", "influence.counterfactual/1")]
    public void Choices_AreReadWhateverTheirCase(string command, string option, string value, string expected)
    {
        var extra = command switch
        {
            "network" => new[] { "--period", "2005" },
            "counterfactual" => ["--without", "X"],
            _ => [],
        };

        var (code, output, err) = CliRunner.Run([command, Case(), .. extra, option, value]);

        code.Should().Be(0, err);
        output.Should().Contain(expected);
    }

    [Fact]
    public void AChoiceOutsideItsValues_NamesTheValues()
    {
        var err = UsageError(["score", Case(), "--intervals", "10", "--interval-kind", "jackknife"]);

        err.Should().Be("influence: --interval-kind must be bootstrap, montecarlo or both; was 'jackknife'" + Environment.NewLine);
    }

    [Theory]
    [InlineData("score", "--from 2004 --to 2005Q2 --format csv", "2004Q1", "2005Q2", 6)]
    [InlineData("trend", "--measure exchange --from 2004 --to 2005Q2", "2004Q1", "2005Q2", 6)]
    [InlineData("changepoints", "--measure exchange --from 2004Q3 --to 2006", "2004Q3", "2006Q4", 10)]
    public void AYearAndAQuarter_OnAQuarterlyCase_ScoreFromTheYearsFirstQuarterOrToItsLast(string command, string options, string first, string last, int quarters)
    {
        var b = TestCases.Builder();
        b.Granularity = Granularity.Quarter;
        b.From = Period.FromQuarter(2000, 1);
        b.To = Period.FromQuarter(2010, 4);
        var path = _cli.Write(b.Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8)).Add(TestCases.Support("back", TestCases.Year(2005), "C", "P", 0.5)).Build(), "quarterly.json");

        var (code, output, err) = CliRunner.Run([command, path, .. options.Split(' ')]);

        code.Should().Be(0, err);
        if (command == "score")
        {
            var periods = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[2]).ToArray();
            periods.Should().StartWith(first).And.EndWith(last).And.HaveCount(quarters);
        }
        else
        {
            // The line under the input line names the range and how many of its periods have a value.
            var line = output.Split(Environment.NewLine)[1];
            line.Should().StartWith($"exchange of P → C, {first}–{last}: ").And.MatchRegex($@": \d+ of {quarters} periods defined");
        }
    }
}
