using FluentAssertions;
using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// Every .NET file-based sample (samples/NAME.cs) runs with <c>dotnet run samples/NAME.cs</c> and prints exactly
/// samples/NAME.expected.txt. After an intended change of output, re-accept with
/// <c>INFLUENCE_ACCEPT_SAMPLES=1 dotnet test tests/Influence.Samples.Tests --filter FullyQualifiedName~FileBasedSample</c>
/// and review the diff.
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
        var actual = output.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("INFLUENCE_ACCEPT_SAMPLES") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        File.Exists(expectedPath).Should().BeTrue($"samples/{Path.GetFileName(expectedPath)} is committed (create it with INFLUENCE_ACCEPT_SAMPLES=1)");
        actual.Should().Be(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), $"samples/{name} prints samples/{Path.GetFileName(expectedPath)}; if the change is intended, re-accept with INFLUENCE_ACCEPT_SAMPLES=1");
    }
}
