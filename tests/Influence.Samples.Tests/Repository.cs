using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Influence.Samples.Tests;

/// <summary>Paths in the repository and a way to run the dotnet CLI as a reader would.</summary>
internal static partial class Repository
{
    public static string Root => Influence.Tests.Shared.RepositoryFolder.Root;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Notebooks => Path.Combine(Samples, "notebooks");

    /// <summary>The local folder feed that <c>dotnet pack Influence.Packages.slnf -c Release</c> fills.</summary>
    public static string Feed => Path.Combine(Root, "artifacts", "packages");

    /// <summary>The package version: VersionPrefix in Directory.Build.props, the one source of it.</summary>
    public static string Version { get; } = VersionPrefix().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props"))) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("no <VersionPrefix> in Directory.Build.props");

    /// <summary>Runs <c>dotnet ARGS</c> in a folder and returns its exit code and output; gives up after 10 minutes.</summary>
    public static (int Code, string Out, string Err) Dotnet(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The test host runs under `dotnet test`: do not let its MSBuild settings leak into a fresh dotnet command.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in 10 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"<VersionPrefix>\s*([^<\s]+)\s*</VersionPrefix>")]
    private static partial Regex VersionPrefix();
}
