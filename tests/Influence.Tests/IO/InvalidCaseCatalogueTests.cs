using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// The catalogue of malformed case files in Data/invalid: each <c>NAME.json</c> sits beside <c>NAME.expected</c>, one
/// line per problem the reader must report, in the order reported: <c>line | JSON path | item id | message fragment</c>
/// (<c>-</c> for "none"). The reader must report exactly these problems, all at once, and return no case.
/// </summary>
public class InvalidCaseCatalogueTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "invalid");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Fact]
    public void TheCatalogue_HoldsAtLeastTwentyFiles_EachWithItsExpectations()
    {
        var files = Directory.GetFiles(Folder, "*.json");

        files.Should().HaveCountGreaterThanOrEqualTo(20);
        files.Should().AllSatisfy(f => File.Exists(Path.ChangeExtension(f, ".expected")).Should().BeTrue(f));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Reader_ReportsEveryLocatedProblem_AndReturnsNoCase(string file)
    {
        var path = Path.Combine(Folder, file);
        var expected = Expectations(path);

        var result = CaseReader.TryReadFile(path);

        result.Case.Should().BeNull();
        result.Success.Should().BeFalse();
        result.Problems.Select(p => p.ToString()).Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (line, jsonPath, item, fragment) = expected[i];
            var p = result.Problems[i];
            var because = $"problem {i + 1} of {file} is \"{p}\"";
            p.File.Should().Be(path, because);
            p.Line.Should().Be(line, because);
            p.Path.Should().Be(jsonPath, because);
            p.ItemId.Should().Be(item, because);
            p.Message.Should().Contain(fragment, because);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadFile_Throws_WithTheSameProblems(string file)
    {
        var path = Path.Combine(Folder, file);

        var act = () => CaseReader.ReadFile(path);

        var e = act.Should().Throw<CaseFormatException>().Which;
        e.File.Should().Be(path);
        e.Problems.Should().Equal(CaseReader.TryReadFile(path).Problems);
        e.Should().BeAssignableTo<InvalidCaseException>();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_PrintsEveryProblem_AndExits1(string file)
    {
        var path = Path.Combine(Folder, file);
        var problems = CaseReader.TryReadFile(path).Problems;

        var (code, output, _) = Run("validate", path);

        code.Should().Be(1);
        foreach (var p in problems)
        {
            output.Should().Contain(p.ToString());
        }

        output.Should().Contain($"{problems.Count} problem");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Score_WritesNoOutputFile_AndExits1(string file)
    {
        var path = Path.Combine(Folder, file);
        var folder = Directory.CreateTempSubdirectory("influence-invalid-");
        try
        {
            var output = Path.Combine(folder.FullName, "scores.json");

            var (code, stdout, stderr) = Run("score", path, "--format", "json", "--out", output);

            code.Should().Be(1);
            File.Exists(output).Should().BeFalse();
            folder.GetFiles().Should().BeEmpty("not even a temporary file is left behind");
            stdout.Should().BeEmpty();
            stderr.Should().Contain("nothing was scored");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<(int? Line, string Path, string? Item, string Fragment)> Expectations(string json)
    {
        var list = new List<(int?, string, string?, string)>();
        foreach (var raw in File.ReadAllLines(Path.ChangeExtension(json, ".expected")))
        {
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var parts = raw.Split(" | ", 4);
            parts.Should().HaveCount(4, $"'{raw}' in {Path.GetFileName(json)} needs four fields");
            list.Add((
                parts[0] == "-" ? null : int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                parts[1],
                parts[2] == "-" ? null : parts[2],
                parts[3]));
        }

        return list;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);
}
