using System.IO.Compression;
using System.Text;
using FluentAssertions;
using Influence.Tests.PublicApi;
using Influence.Tests.Scoring;
using Influence.Tests.Shared;
using Xunit;

namespace Influence.Tests.Support;

/// <summary>
/// A write switch (INFLUENCE_APPROVE_API, INFLUENCE_WRITE_GOLDEN) writes its file, then checks it: an unchanged file
/// passes, a changed or new one fails naming the file and what to do. Every file here is in a temporary folder.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("influence-snapshot-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public void Failure_IsNull_ForAnUnchangedFile_AndNamesTheFileTheLineAndWhatToDo_ForAChangedOne()
    {
        var file = PathOf("X.approved.txt");

        Snapshot.Failure(file, "a\nb\n", "a\nb\n", "commit it", against: "the snapshot it replaced").Should().BeNull("writing an unchanged file checked it");
        Snapshot.Failure(file, "a\nb\n", "a\nc\n", "commit it", against: "the snapshot it replaced").Should().Be(
            $"wrote {file}, which differs from the snapshot it replaced at line 2: was «b», now «c» (a run that writes a change fails once, by design): commit it; the next run without the switch checks it");
        Snapshot.Failure(file, "a\nb\n", "a\nc\n", "commit it").Should().Contain("which differs from what it held before at line 2");
        Snapshot.Failure(file, null, "a\n", "commit it").Should().StartWith($"wrote {file}, a new file (there was none before)");
        Snapshot.Failure(file, [], "commit it").Should().BeNull("a notebook whose outputs did not change");
        Snapshot.Failure(file, ["cell 4 stdout differs at character 3"], "commit it").Should().EndWith("; how:\ncell 4 stdout differs at character 3");
    }

    [Fact]
    public void Shown_IsRelativeToTheRepository_InsideIt()
    {
        Snapshot.Shown(Repository.PathOf("tests", "Influence.Tests", "PublicApi", "Influence.approved.txt")).Should().Be("tests/Influence.Tests/PublicApi/Influence.approved.txt");
        Snapshot.Shown(PathOf("x.txt")).Should().Be(PathOf("x.txt"));
    }

    [Fact]
    public void ApprovingAChangedApi_WritesTheSnapshot_AndFailsNamingIt_ThenTheNextRunPasses()
    {
        var approved = PathOf("Influence.approved.txt");
        File.WriteAllText(approved, "namespace A\n{\n    public class B { }\n}\n");
        var api = "namespace A\n{\n    public class C { }\n}\n";

        var approving = () => PublicApiTests.Check("Influence", api, approved, approve: true);

        approving.Should().Throw<Exception>().Which.Message.Should()
            .StartWith($"INFLUENCE_APPROVE_API=1 wrote {approved}, which differs from the snapshot it replaced at line 3: was «public class B {{ }}», now «public class C {{ }}»")
            .And.Contain($"review `git diff {approved}` and commit it");
        File.ReadAllText(approved).Should().Be(api, "the switch still writes the file");
        approving.Should().NotThrow("the second run with the switch writes an unchanged file: it checked it");
        FluentActions.Invoking(() => PublicApiTests.Check("Influence", api, approved, approve: false)).Should().NotThrow();
    }

    [Fact]
    public void ApprovingANewSnapshot_Fails_AndApprovingAnUnchangedOne_Passes()
    {
        var approved = PathOf("New.approved.txt");

        FluentActions.Invoking(() => PublicApiTests.Check("New", "api\n", approved, approve: true))
            .Should().Throw<Exception>().WithMessage("*a new file (there was none before)*");
        File.WriteAllText(approved, "api\r\n");
        FluentActions.Invoking(() => PublicApiTests.Check("New", "api\n", approved, approve: true)).Should().NotThrow("line endings are not a change of the API");
    }

    [Fact]
    public void WritingAChangedGolden_WritesIt_AndFailsNamingItAndTheFirstDifferentLine()
    {
        var folder = PathOf("golden");

        var writing = () => GoldenOutputTests.Check("universe-x", "{\n  \"a\": 1,\n  \"b\": 3\n}", "{\n  \"a\": 1,\n  \"b\": 2\n}", folder);

        var message = writing.Should().Throw<Exception>().Which.Message;
        message.Should().Contain($"INFLUENCE_WRITE_GOLDEN wrote {Path.Combine(folder, "universe-x.json.gz")}, which differs from the committed tests/Influence.Tests/Data/Golden/universe-x.json.gz")
            .And.Contain("line 3 differs: golden \"\"b\": 2\", engine \"\"b\": 3\"");
        Gunzip(Path.Combine(folder, "universe-x.json.gz")).Should().Be("{\n  \"a\": 1,\n  \"b\": 3\n}");
    }

    [Fact]
    public void WritingAnUnchangedGolden_WritesIt_AndPasses()
    {
        var folder = PathOf("golden");

        FluentActions.Invoking(() => GoldenOutputTests.Check("universe-x", "{}", "{}", folder)).Should().NotThrow();
        Gunzip(Path.Combine(folder, "universe-x.json.gz")).Should().Be("{}");
    }

    private static string Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
