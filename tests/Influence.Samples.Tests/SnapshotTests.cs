using FluentAssertions;
using Xunit;

namespace Influence.Samples.Tests;

/// <summary>
/// A write switch (INFLUENCE_ACCEPT_SAMPLES; INFLUENCE_WRITE_NOTEBOOKS in <see cref="NotebookOutputsTests"/>) writes its
/// file, then checks it: an unchanged file passes, a changed or new one fails naming the file and what to do. Every
/// file here is in a temporary folder; the shared helper's own tests are in Influence.Tests (Support/SnapshotTests).
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("influence-snapshot-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public void AcceptingAChangedSampleOutput_WritesIt_AndFailsNamingIt_ThenTheNextRunPasses()
    {
        var expected = PathOf("x.expected.txt");
        File.WriteAllText(expected, "score 0.5\r\nrank 1\r\n");

        var accepting = () => FileBasedSampleTests.Check("x.cs", "score 0.5\nrank 2\n", expected, accept: true);

        accepting.Should().Throw<Exception>().Which.Message.Should()
            .StartWith($"INFLUENCE_ACCEPT_SAMPLES=1 wrote {expected}, which differs from what it held before at line 2: was «rank 1», now «rank 2»")
            .And.Contain($"review `git diff {expected}` and commit it");
        File.ReadAllText(expected).Should().Be("score 0.5\nrank 2\n", "the switch still writes the file");
        accepting.Should().NotThrow("the second run with the switch writes an unchanged file: it checked it");
        FluentActions.Invoking(() => FileBasedSampleTests.Check("x.cs", "score 0.5\nrank 2\n", expected, accept: false)).Should().NotThrow();
    }

    [Fact]
    public void AcceptingAnUnchangedOutput_Passes_AndANewOne_Fails()
    {
        var expected = PathOf("y.expected.txt");

        FluentActions.Invoking(() => FileBasedSampleTests.Check("y.cs", "a\n", expected, accept: true))
            .Should().Throw<Exception>().WithMessage("*a new file (there was none before)*");
        File.WriteAllText(expected, "a\r\n");
        FluentActions.Invoking(() => FileBasedSampleTests.Check("y.cs", "a\n", expected, accept: true)).Should().NotThrow("line endings are no change of output");
    }
}
