using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// A case with no evidence and no range has no default range to score: the commands that score a range name the
/// options that give it (--from and --to), where the library, which has no options, asks for the first and last period.
/// </summary>
public sealed class NoRangeMessageTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string EmptyCase()
    {
        var path = _cli.PathOf("empty.json");
        File.WriteAllText(path, """
            {
              "schema": "influence.case/1", "id": "empty", "name": "Empty", "sources": [],
              "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "state" }, { "id": "T", "name": "T", "kind": "state" }],
              "dyads": [{ "patron": "P", "client": "C" }],
              "evidence": []
            }
            """);
        return path;
    }

    [Theory]
    [InlineData("score")]
    [InlineData("score --patron P --client C")]
    [InlineData("counterfactual --patron P --client C --without T")]
    [InlineData("trend --patron P --client C --measure conflict")]
    [InlineData("changepoints --patron P --client C --measure conflict")]
    [InlineData("plot --patron P --client C --out chart.png")]
    public void ACommandThatScoresARange_NamesFromAndTo_WhenTheCaseHasNoEvidenceAndNoRange(string command)
    {
        var args = command.Split(' ');
        var (code, output, err) = CliRunner.Run([args[0], EmptyCase(), .. args[1..].Select(a => a == "chart.png" ? _cli.PathOf(a) : a)]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Be($"influence: the case has no evidence and no range: give the first and last period to score with --from and --to{Environment.NewLine}");
    }

    [Theory]
    [InlineData("--from", "the case has no evidence and no range: give the last period to score with --to too (--from gives only the first)")]
    [InlineData("--to", "the case has no evidence and no range: give the first period to score with --from too (--to gives only the last)")]
    public void Score_NamesTheMissingEnd_WhenOnlyOneIsGiven(string option, string message)
    {
        var (code, _, err) = CliRunner.Run("score", EmptyCase(), option, "2020");

        code.Should().Be(2);
        err.Should().Be($"influence: {message}{Environment.NewLine}");
    }

    [Fact]
    public void Score_ScoresTheRangeGiven_WhenTheCaseHasNoEvidenceAndNoRange()
    {
        var (code, output, err) = CliRunner.Run("score", EmptyCase(), "--from", "2020", "--to", "2021", "--format", "csv");

        code.Should().Be(0, err);
        output.Should().Contain("2020").And.Contain("2021");
    }

    [Fact]
    public void TheLibrary_KeepsItsOwnMessage_WithoutTheCommandLinesOptions()
    {
        var empty = Influence.IO.CaseReader.ReadFile(EmptyCase());

        FluentActions.Invoking(() => Influence.Scoring.Scorer.ResolveRange(empty)).Should().Throw<ArgumentException>()
            .WithMessage("the case has no evidence and no range: give the first and last period to score*")
            .Which.Message.Should().NotContain("--");
    }
}
