using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// A name a coder writes for a value that is not its name is refused, and the problem suggests the value meant, not
/// the nearest spelling: "nation" is two edits from "faction", but a nation is coded as a state.
/// </summary>
public class NameHintTests
{
    [Theory]
    [InlineData("$.actors[0].kind", "nation", "state")]
    [InlineData("$.actors[0].kind", "Country", "state")]
    [InlineData("$.actors[0].kind", "militia", "nonStateArmedGroup")]
    [InlineData("$.actors[0].kind", "facton", "faction")]
    [InlineData("$.evidence[4].kind", "aid", "support")]
    [InlineData("$.evidence[13].response", "refused", "defied")]
    public void AWordForAValue_IsRefused_WithTheValueItMeans(string path, string written, string meant)
    {
        var problems = Read(path, written);

        var problem = problems.Should().ContainSingle(p => p.Path == path, "the word is not a name of the value, so it is refused").Subject;
        problem.Message.Should().EndWith($"was \"{written}\"; did you mean \"{meant}\"?");
    }

    [Fact]
    public void AWordThatMeansNothing_GetsNoSuggestion()
    {
        var problem = Read("$.actors[0].kind", "zeppelin").Should().ContainSingle(p => p.Path == "$.actors[0].kind").Subject;

        problem.Message.Should().EndWith("was \"zeppelin\"");
    }

    /// <summary>The 1990s sample case with the string at <paramref name="path"/> replaced; the problems of reading it.</summary>
    private static IReadOnlyList<Influence.Cases.CaseProblem> Read(string path, string value)
    {
        var root = JsonNode.Parse(File.ReadAllText(Repository.PathOf("samples", "data", "pakistan-taliban-1990s.json")))!;
        var parts = path[2..].Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        node[parts[^1]] = value;
        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(root.ToJsonString()));
        result.Success.Should().BeFalse();
        return result.Problems;
    }
}
