using System.Text.Json.Nodes;
using FluentAssertions;
using SkiaSharp;
using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// How <see cref="NotebookTests"/> compares a run's outputs with the committed ones, checked on the committed notebooks
/// without running them: a stale chart is a difference, Plotly's fresh element ids are not.
/// </summary>
public sealed class NotebookOutputsTests : IDisposable
{
    private const string First = "01-score-the-reference-case.ipynb";
    private const string Second = "02-rank-many-dyads.ipynb";

    /// <summary>Where the write-switch tests write their copy of a notebook (one folder per test).</summary>
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("influence-notebook-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static JsonObject Read(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Notebooks, name)))!.AsObject();

    [Fact]
    public void ACommittedNotebook_HasTheSameOutputsAsItself()
    {
        foreach (var name in new[] { First, Second })
        {
            NotebookRunner.Differences(NotebookRunner.Outputs(Read(name)), NotebookRunner.Outputs(Read(name))).Should().BeEmpty();
        }
    }

    [Fact]
    public void AStaleChartPicture_IsADifference_NamingTheCellThePicturesBytesAndWhereTheyDiffer()
    {
        // The reference dyad's chart in the first notebook replaced by the second notebook's chart: every printed line
        // and table is the same, only the picture is stale.
        var stale = Read(First);
        var other = Html(Read(Second), "patron-13→client-32 over time");
        var cell = Cells(stale).Single(c => Html(c)?.Contains("pakistan→taliban over time", StringComparison.Ordinal) == true);
        var wasPicture = Picture(Html(cell)!);
        SetHtml(cell, Html(cell)!.Replace(wasPicture, Picture(other), StringComparison.Ordinal));

        var differences = NotebookRunner.Differences(NotebookRunner.Outputs(Read(First)), NotebookRunner.Outputs(stale));

        differences.Should().ContainSingle().Which.Should().MatchRegex(@"^cell \d+ display_data text/html: picture 1 differs: committed \d+ bytes, SHA-256 [0-9a-f]{16}…, this run \d+ bytes, SHA-256 [0-9a-f]{16}…; this run 1200×1018 pixels, committed 1200×1486$");
    }

    [Fact]
    public void AChartPictureWithAFewPixelsChanged_IsADifference_SayingWhichPixels()
    {
        var touched = Read(First);
        var cell = Cells(touched).Single(c => Html(c)?.Contains("pakistan→taliban over time", StringComparison.Ordinal) == true);
        var wasPicture = Picture(Html(cell)!);
        using var bitmap = SKBitmap.Decode(Convert.FromBase64String(wasPicture));
        for (var x = 100; x < 104; x++)
        {
            bitmap.SetPixel(x, 200, new SKColor(0, 0, 0));
            bitmap.SetPixel(x, 201, new SKColor(0, 0, 0));
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        SetHtml(cell, Html(cell)!.Replace(wasPicture, Convert.ToBase64String(png.ToArray()), StringComparison.Ordinal));

        var differences = NotebookRunner.Differences(NotebookRunner.Outputs(Read(First)), NotebookRunner.Outputs(touched));

        differences.Should().ContainSingle().Which.Should().EndWith(
            "; 8 of 1 783 200 pixels differ, in x 100–103 and y 200–201, by up to 255 of 255 in a channel",
            "a white background was blackened at those eight pixels");
    }

    [Fact]
    public void APrintedLineThatChanged_IsADifference_ShowingWhere()
    {
        var changed = Read(First);
        var stream = Cells(changed).SelectMany(c => c["outputs"]!.AsArray()).First(o => (string?)o!["output_type"] == "stream")!;
        var lines = stream["text"]!.AsArray();
        lines[0] = ((string?)lines[0])!.Replace("Pakistan", "Pakistan!", StringComparison.Ordinal);

        var differences = NotebookRunner.Differences(NotebookRunner.Outputs(Read(First)), NotebookRunner.Outputs(changed));

        differences.Should().ContainSingle().Which.Should().StartWith("cell 4 stdout differs at character ");
    }

    [Fact]
    public void PlotlysElementId_IsReplacedByItsNamedRule_AndNothingElseOfTheChart()
    {
        var rerun = Read(First);
        var plotly = Cells(rerun).Single(c => Html(c)?.Contains("Plotly.newPlot(", StringComparison.Ordinal) == true);
        var html = Html(plotly)!;
        var id = System.Text.RegularExpressions.Regex.Match(html, "Plotly.newPlot\\('([0-9a-f-]{36})'").Groups[1].Value;
        id.Should().NotBeEmpty();
        var fresh = Guid.NewGuid();
        SetHtml(plotly, html.Replace(id, fresh.ToString(), StringComparison.Ordinal).Replace(id.Replace("-", string.Empty, StringComparison.Ordinal), fresh.ToString("N"), StringComparison.Ordinal));

        NotebookRunner.Differences(NotebookRunner.Outputs(Read(First)), NotebookRunner.Outputs(rerun)).Should().BeEmpty("a fresh element id is no change of the chart");
        NotebookRunner.VolatileParts.Select(p => p.Name).Should().Equal(["Plotly.NET element id"], "each part left out of the comparison is named");

        SetHtml(plotly, Html(plotly)!.Replace("\"name\":\"exchange\"", "\"name\":\"exchange!\"", StringComparison.Ordinal));
        NotebookRunner.Differences(NotebookRunner.Outputs(Read(First)), NotebookRunner.Outputs(rerun)).Should().ContainSingle("the chart's data is compared");
    }

    [Fact]
    public void WritingChangedOutputs_WritesTheNotebook_AndFailsNamingItAndTheDifference_ThenTheNextRunPasses()
    {
        var path = Path.Combine(_folder.FullName, First);
        var committed = Read(First);
        File.WriteAllText(path, NotebookRunner.ToJson(committed));
        var changed = Read(First);
        var stream = Cells(changed).SelectMany(c => c["outputs"]!.AsArray()).First(o => (string?)o!["output_type"] == "stream")!;
        var lines = stream["text"]!.AsArray();
        lines[0] = ((string?)lines[0])!.Replace("Pakistan", "Pakistan!", StringComparison.Ordinal);

        var writing = () => NotebookTests.Check(First, path, committed, changed, [], write: true);

        writing.Should().Throw<Exception>().Which.Message.Should()
            .StartWith($"INFLUENCE_WRITE_NOTEBOOKS=1 wrote {path}, which differs from what it held before")
            .And.Contain($"review `git diff {path}` and commit it")
            .And.Contain("\ncell 4 stdout differs at character ");
        File.ReadAllText(path).Should().Be(NotebookRunner.ToJson(changed), "the switch still writes the notebook");
        var written = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        FluentActions.Invoking(() => NotebookTests.Check(First, path, written, Read(First), [], write: false)).Should().Throw<Exception>("the file holds the change");
        FluentActions.Invoking(() => NotebookTests.Check(First, path, written, changed, [], write: false)).Should().NotThrow("the next run checks what was written");
    }

    [Fact]
    public void WritingOutputsThatDifferOnlyInPlotlysElementIds_LeavesTheNotebook_AndPasses()
    {
        var path = Path.Combine(_folder.FullName, First);
        var committed = Read(First);
        File.WriteAllText(path, NotebookRunner.ToJson(committed));
        var rerun = Read(First);
        var plotly = Cells(rerun).Single(c => Html(c)?.Contains("Plotly.newPlot(", StringComparison.Ordinal) == true);
        var html = Html(plotly)!;
        var id = System.Text.RegularExpressions.Regex.Match(html, "Plotly.newPlot\\('([0-9a-f-]{36})'").Groups[1].Value;
        id.Should().NotBeEmpty();
        SetHtml(plotly, html.Replace(id, Guid.NewGuid().ToString(), StringComparison.Ordinal));

        FluentActions.Invoking(() => NotebookTests.Check(First, path, committed, rerun, [], write: true)).Should().NotThrow("a fresh element id is no change (NotebookRunner.VolatileParts)");
        File.ReadAllText(path).Should().Be(NotebookRunner.ToJson(committed), "outputs that differ only in Plotly's element ids are not written: the diff would be ids alone");
    }

    [Fact]
    public void WritingARunWithAFailedCell_LeavesTheNotebook_AndFails()
    {
        var path = Path.Combine(_folder.FullName, First);
        File.WriteAllText(path, "as committed");

        FluentActions.Invoking(() => NotebookTests.Check(First, path, Read(First), Read(First), [new CellFailure(3, "x", "boom")], write: true))
            .Should().Throw<Exception>().WithMessage("*every cell of*runs*");
        File.ReadAllText(path).Should().Be("as committed");
    }

    private static IEnumerable<JsonObject> Cells(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => c["outputs"] is JsonArray);

    private static string? Html(JsonObject cell) =>
        cell["outputs"]!.AsArray().Select(o => o!["data"]?["text/html"]).OfType<JsonArray>().Select(l => string.Concat(l.Select(x => (string?)x))).FirstOrDefault();

    private static string Html(JsonObject notebook, string marker) =>
        Cells(notebook).Select(Html).Single(h => h?.Contains(marker, StringComparison.Ordinal) == true)!;

    private static void SetHtml(JsonObject cell, string html)
    {
        var output = cell["outputs"]!.AsArray().First(o => o!["data"]?["text/html"] is not null)!;
        output["data"]!["text/html"] = new JsonArray(JsonValue.Create(html));
    }

    private static string Picture(string html)
    {
        const string Prefix = "base64,";
        var start = html.IndexOf(Prefix, StringComparison.Ordinal) + Prefix.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
