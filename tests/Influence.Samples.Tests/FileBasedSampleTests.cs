using FluentAssertions;
using Influence.Tests.Shared;
using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// Every .NET file-based sample (samples/NAME.cs) runs with <c>dotnet run samples/NAME.cs</c> and prints exactly
/// samples/NAME.expected.txt. After an intended change of output, re-accept with
/// <c>INFLUENCE_ACCEPT_SAMPLES=1 dotnet test tests/Influence.Samples.Tests --filter FullyQualifiedName~FileBasedSample</c>
/// and review the diff: a run that accepts a change writes the file and fails, naming it; the next run checks it.
/// </summary>
[Collection(SamplesGroup.Name)]
public class FileBasedSampleTests
{
    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(Repository.Samples, "*.cs").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_PrintsItsExpectedOutput(string name)
    {
        var expectedPath = Path.Combine(Repository.Samples, Path.ChangeExtension(name, ".expected.txt"));
        var (code, output, error) = Repository.Dotnet(Repository.Root, null, "run", Path.Combine("samples", name));

        code.Should().Be(0, $"dotnet run samples/{name} succeeds; it printed:\n{output}\n{error}");
        Check(name, output.ReplaceLineEndings("\n"), expectedPath, accept: Environment.GetEnvironmentVariable("INFLUENCE_ACCEPT_SAMPLES") == "1");
    }

    /// <summary>
    /// Compares a sample's output with its .expected.txt. With <paramref name="accept"/> (INFLUENCE_ACCEPT_SAMPLES=1) it
    /// first writes the file, then fails if that changed it, naming the file: a run that accepts a change fails once,
    /// and the next run checks what it wrote.
    /// </summary>
    internal static void Check(string name, string actual, string expectedPath, bool accept)
    {
        if (accept)
        {
            var before = Snapshot.Write(expectedPath, actual);
            if (Snapshot.Failure(expectedPath, before?.ReplaceLineEndings("\n"), actual, $"review `git diff {Snapshot.Shown(expectedPath)}` and commit it if the change is intended") is { } failure)
            {
                Assert.Fail($"INFLUENCE_ACCEPT_SAMPLES=1 {failure}");
            }
        }

        File.Exists(expectedPath).Should().BeTrue($"samples/{Path.GetFileName(expectedPath)} is committed (create it with INFLUENCE_ACCEPT_SAMPLES=1)");
        actual.Should().Be(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), $"samples/{name} prints samples/{Path.GetFileName(expectedPath)}; if the change is intended, re-accept with INFLUENCE_ACCEPT_SAMPLES=1");
    }
}
