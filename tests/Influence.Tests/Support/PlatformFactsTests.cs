using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Influence.Tests.Support;

/// <summary>
/// A test that cannot check anything on this system is reported as skipped, with the reason, never as passed: it uses
/// <see cref="UnixFactAttribute"/> or <see cref="LinuxFactAttribute"/> rather than returning early.
/// </summary>
public partial class PlatformFactsTests
{
    [Fact]
    public void UnixFact_IsSkippedOnWindows_WithTheReason_AndRunsElsewhere()
    {
        Platform.UnixSkipReason(isWindows: true, "named pipes").Should().Be("needs a Unix system (named pipes); this is Windows");
        Platform.UnixSkipReason(isWindows: false, "named pipes").Should().BeNull();
    }

    [Fact]
    public void LinuxFact_IsSkippedOffLinux_OrWithoutThePathItUses_WithTheReason()
    {
        Platform.LinuxSkipReason(isLinux: false, "/dev/full", "/dev/full", _ => true).Should().StartWith("needs Linux (/dev/full); this is ");
        Platform.LinuxSkipReason(isLinux: true, "a device that is always full", "/dev/full", _ => false)
            .Should().Be("needs /dev/full, which this Linux system does not have (a device that is always full)");
        Platform.LinuxSkipReason(isLinux: true, "a device that is always full", "/dev/full", _ => true).Should().BeNull();
        Platform.LinuxSkipReason(isLinux: true, "/dev/fd paths", null, _ => false).Should().BeNull();
    }

    [Fact]
    public void TheAttributes_SkipOnlyWhereTheConditionFails_OnThisSystem()
    {
        new UnixFactAttribute("x").Skip.Should().Be(OperatingSystem.IsWindows() ? "needs a Unix system (x); this is Windows" : null);
        new LinuxFactAttribute("x").Skip.Should().Be(OperatingSystem.IsLinux() ? null : Platform.LinuxSkipReason(false, "x", null, _ => true));
        new LinuxFactAttribute("x", "/no/such/path-" + Guid.NewGuid().ToString("N")).Skip.Should().NotBeNull();
    }

    [Fact]
    public void NoTest_ReturnsEarlyOnAPlatformOrAMissingFile_ToBeReportedAsPassed()
    {
        // "if (OperatingSystem.IsWindows()) { return; }" at the start of a test reports it passed having checked nothing.
        var tests = Repository.PathOf("tests");
        var early = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => EarlyReturn().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(tests, f)}: {m.Groups["test"].Value}"))
            .ToList();

        early.Should().BeEmpty("a test that cannot run here is marked [UnixFact] or [LinuxFact] (tests/Influence.Tests/Support/PlatformFacts.cs) and reported as skipped with its reason");
    }

    /// <summary>A test method whose body opens with a platform or file-existence check that returns.</summary>
    [GeneratedRegex(@"\[(Fact|Theory)[^\]]*\][^{]*?\s(?<test>\w+)\([^)]*\)\s*\{\s*(//[^\n]*\n\s*)*if \([^{]*(OperatingSystem\.|RuntimeInformation\.|File\.Exists|Directory\.Exists)[^{]*\)\s*\{\s*return;")]
    private static partial Regex EarlyReturn();
}
