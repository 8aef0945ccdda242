using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Tests.Shared;
using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// Every notebook in samples/notebooks runs, cell by cell, against the packages in the local feed, no cell fails, and
/// its outputs (printed lines, tables, the charts' pictures) are the ones committed in it, but for the parts named in
/// <see cref="NotebookRunner.VolatileParts"/> (Plotly's element ids). To refresh the committed outputs:
/// <c>INFLUENCE_WRITE_NOTEBOOKS=1 dotnet test tests/Influence.Samples.Tests --filter FullyQualifiedName~Notebook</c>: a run
/// that writes changed outputs fails, naming the notebook and the differences; the next run checks them.
/// </summary>
[Collection(SamplesGroup.Name)]
public partial class NotebookTests(LocalFeed feed)
{
    public static TheoryData<string> Notebooks() =>
        [.. Directory.GetFiles(Repository.Notebooks, "*.ipynb").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_RunsEveryCellWithoutError(string name)
    {
        feed.PackageCache.Should().NotBeNullOrEmpty();
        var path = Path.Combine(Repository.Notebooks, name);
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Repository.Notebooks); // so the kernel's restore finds samples/notebooks/nuget.config
        try
        {
            var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
            var (notebook, failures) = await NotebookRunner.RunAsync(path);
            Check(name, path, committed, notebook, failures, write: Environment.GetEnvironmentVariable("INFLUENCE_WRITE_NOTEBOOKS") == "1");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    /// <summary>
    /// Checks a run of the notebook at <paramref name="path"/>: no cell failed, and its outputs are the committed ones
    /// (<see cref="NotebookRunner.Differences"/>, Plotly's element ids replaced first). With <paramref name="write"/>
    /// (INFLUENCE_WRITE_NOTEBOOKS=1) a run without failure first writes its outputs into the file, then compares them
    /// with the ones the file held the same way, failing if they differ, naming the file: a run that writes a change
    /// fails once, and the next run checks what it wrote.
    /// </summary>
    internal static void Check(string name, string path, JsonObject committed, JsonObject notebook, IReadOnlyList<CellFailure> failures, bool write)
    {
        var differences = NotebookRunner.Differences(NotebookRunner.Outputs(committed), NotebookRunner.Outputs(notebook));
        if (failures.Count == 0 && write && differences.Count > 0)
        {
            // Only a change is written: outputs that differ only in Plotly's fresh element ids would make a diff of
            // nothing but ids.
            Snapshot.Write(path, NotebookRunner.ToJson(notebook));
        }

        failures.Should().BeEmpty($"every cell of {name} runs (see the failed cell's code and message)");
        if (write)
        {
            if (Snapshot.Failure(path, differences, $"review `git diff {Snapshot.Shown(path)}` and commit it if the new outputs are intended") is { } failure)
            {
                Assert.Fail($"INFLUENCE_WRITE_NOTEBOOKS=1 {failure}");
            }
        }
        else
        {
            differences.Should().BeEmpty(
                $"{name} is committed with the outputs this version gives (printed lines, tables and the charts' pictures), so readers see current results; refresh with INFLUENCE_WRITE_NOTEBOOKS=1");
        }
    }

    [Fact]
    public void Notebooks_ReferenceThePackagesAtTheCurrentVersion()
    {
        var references = Directory.GetFiles(Repository.Notebooks, "*.ipynb")
            .SelectMany(f => PackageReference().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Package: m.Groups[1].Value, Version: m.Groups[2].Value)))
            .ToList();

        references.Should().NotBeEmpty();
        references.Should().OnlyContain(r => r.Version == Repository.Version, $"the notebooks reference Influence {Repository.Version} (VersionPrefix in Directory.Build.props); bump their #r lines with it");
    }

    [Fact]
    public void Notebooks_AreCommittedWithTheirOutputs()
    {
        foreach (var file in Directory.GetFiles(Repository.Notebooks, "*.ipynb"))
        {
            var text = File.ReadAllText(file);
            text.Should().Contain("\"output_type\"", $"{Path.GetFileName(file)} is committed with its outputs, so a reader sees results without running it");
            text.Should().NotContain("\"output_type\": \"error\"", $"{Path.GetFileName(file)} was saved after a clean run");
        }
    }

    [Fact]
    public void Notebooks_ShowWholeTables_NotTheFormattersFirstTwentyRows()
    {
        // .NET Interactive's HTML table stops at Formatter.ListExpansionLimit rows (20 by default) and ends with a row
        // "(n more)"; a reader of the committed notebook cannot see the rest, so the notebooks raise the limit.
        foreach (var file in Directory.GetFiles(Repository.Notebooks, "*.ipynb"))
        {
            File.ReadAllText(file).Should().NotMatchRegex(@"<i>\(\d+ more\)</i>", $"{Path.GetFileName(file)} shows its tables whole");
        }
    }

    [GeneratedRegex(@"#r \\""nuget:\s*(Influence[A-Za-z.]*),\s*([^\\""]+)\\""")]
    private static partial Regex PackageReference();
}
