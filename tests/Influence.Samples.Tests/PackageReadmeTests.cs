using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// The quick start of the library package's readme (src/Influence/PACKAGE.md, shown on the package's page) runs as a
/// file-based program against the library project, and prints what it says it prints.
/// </summary>
[Collection(SamplesGroup.Name)]
public partial class PackageReadmeTests
{
    [Fact]
    public void QuickStart_RunsAsWritten()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "src", "Influence", "PACKAGE.md")).ReplaceLineEndings("\n");
        var code = CSharpBlock().Match(readme);
        code.Success.Should().BeTrue("PACKAGE.md has a C# quick start");
        var dir = Directory.CreateTempSubdirectory("influence-quickstart-").FullName;
        try
        {
            var project = Path.Combine(Repository.Root, "src", "Influence", "Influence.csproj");
            File.WriteAllText(Path.Combine(dir, "quickstart.cs"), $"#:project {project}\n{code.Groups[1].Value}");

            var (exit, output, error) = Repository.Dotnet(dir, null, "run", "quickstart.cs");

            exit.Should().Be(0, $"the quick start runs; it printed:\n{output}\n{error}");
            var lines = output.ReplaceLineEndings("\n").Split('\n');
            lines[0].Should().StartWith("1994: exchange ", "periods before the Taliban existed are skipped");
            lines.Should().Contain(l => l.StartsWith("2001: ", StringComparison.Ordinal) && l.EndsWith(", contested", StringComparison.Ordinal));
            output.Should().NotContain("Dormant").And.NotContain("exchange ,");
            File.Exists(Path.Combine(dir, "scores.json")).Should().BeTrue();
            File.ReadAllLines(Path.Combine(dir, "scores.csv"))[0].Should().EndWith(",inputHash");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
