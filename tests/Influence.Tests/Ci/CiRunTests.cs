using System.Diagnostics;
using FluentAssertions;
using Influence.Tests.Support;

namespace Influence.Tests.Ci;

/// <summary>
/// <c>.ci/run</c> checks, never writes: with a switch that rewrites snapshots set, it refuses to start, in one line,
/// before building anything. Each run here is of a copy of <c>.ci/run</c> in a temporary folder (it works in the folder
/// above its own) with a <c>dotnet</c> first on PATH that only records that it was called and fails, so no run here
/// builds, tests or touches the repository, whatever the script does.
/// </summary>
public sealed class CiRunTests : IDisposable
{
    private static readonly string[] Switches = ["INFLUENCE_WRITE_GOLDEN", "INFLUENCE_APPROVE_API", "INFLUENCE_ACCEPT_SAMPLES", "INFLUENCE_WRITE_NOTEBOOKS", "INFLUENCE_WRITE_SNIPPETS"];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("influence-ci-");

    public void Dispose() => _root.Delete(recursive: true);

    [UnixFact("bash, and a shell script standing in for dotnet")]
    public void CiRun_RefusesToStart_WithAWriteSwitchSet_InOneLine_BeforeCallingDotnet()
    {
        foreach (var name in Switches)
        {
            var (code, output, error) = Run(new() { [name] = name == "INFLUENCE_WRITE_GOLDEN" ? "/tmp/golden" : "1" });

            code.Should().NotBe(0, $"{name} set makes .ci/run refuse to start");
            output.Should().BeEmpty();
            error.TrimEnd('\n').Should().NotContain("\n").And.StartWith($".ci/run refuses to start: {name} set", "one line names the switch");
            DotnetCalls().Should().BeEmpty($"with {name} set, .ci/run stops before building anything");
        }

        var all = Run(Switches.ToDictionary(s => s, _ => (string?)"1"));
        all.Code.Should().NotBe(0);
        all.Err.Should().StartWith($".ci/run refuses to start: {string.Join(", ", Switches)} set", "every switch set is named at once");
        DotnetCalls().Should().BeEmpty();
    }

    [UnixFact("bash, and a shell script standing in for dotnet")]
    public void CiRun_WithoutSwitches_Starts_AndEndsWithItsClosingLine()
    {
        // The control of the test above: the same copy, unrefused, calls dotnet (here failing at every step) and still
        // ends with its one closing line.
        var empty = string.Empty;
        var (code, output, _) = Run(new() { ["INFLUENCE_WRITE_GOLDEN"] = empty, ["INFLUENCE_APPROVE_API"] = null });

        code.Should().NotBe(0, "every dotnet step fails here");
        DotnetCalls().Should().Contain(l => l.StartsWith("format ", StringComparison.Ordinal), "an empty or unset switch is no switch: .ci/run starts with the format check");
        output.TrimEnd('\n').Split('\n')[^1].Should().Be("0 passed, 1 failed");
    }

    private List<string> DotnetCalls()
    {
        var log = Path.Combine(_root.FullName, "dotnet-calls");
        return File.Exists(log) ? [.. File.ReadAllLines(log)] : [];
    }

    /// <summary>Runs the copy of .ci/run with the four switches unset but for <paramref name="environment"/>.</summary>
    private (int Code, string Out, string Err) Run(Dictionary<string, string?> environment)
    {
        var ci = Directory.CreateDirectory(Path.Combine(_root.FullName, ".ci"));
        File.Copy(Repository.PathOf(".ci", "run"), Path.Combine(ci.FullName, "run"), overwrite: true);
        var bin = Directory.CreateDirectory(Path.Combine(_root.FullName, "bin"));
        var dotnet = Path.Combine(bin.FullName, "dotnet");
        File.WriteAllText(dotnet, $"#!/bin/sh\necho \"$*\" >> '{Path.Combine(_root.FullName, "dotnet-calls")}'\nexit 1\n");
        if (!OperatingSystem.IsWindows()) // always true: the tests are [UnixFact]; the analyser wants the check
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _root.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(".ci/run");
        start.Environment["PATH"] = $"{bin.FullName}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        foreach (var name in Switches)
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment.Where(e => e.Value is not null))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(".ci/run did not finish in a minute with a dotnet that does nothing");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
