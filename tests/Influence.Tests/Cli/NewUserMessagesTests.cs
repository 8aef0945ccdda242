using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// What a new user meets on the command line: a value pasted from the output is taken, each command's help words
/// its options for what the command makes, and an option or argument given where it does not belong says what to give.
/// </summary>
public class NewUserMessagesTests
{
    /// <summary>A command's help with its wrapping undone: every run of white space one space.</summary>
    private static string Help(params string[] command)
    {
        var (code, output, err) = CliRunner.Run([.. command, "--help"]);
        code.Should().Be(0, err);
        return Regex.Replace(output, @"\s+", " ");
    }

    private static string UsageErrors(params string[] args)
    {
        var (code, _, err) = CliRunner.Run(args);
        code.Should().Be(2, err);
        return err;
    }

    [Fact]
    public void IntervalKind_TakesTheMethodNameTheOutputGives_AsBoth()
    {
        string[] line = ["score", "--patron", "pakistan", "--client", "taliban", "--from", "2001", "--to", "2001", "--intervals", "5", "--format", "json"];
        var both = CliRunner.Run([.. line, "--interval-kind", "both"]);
        var pasted = CliRunner.Run([.. line, "--interval-kind", "bootstrap+montecarlo"]);

        pasted.Code.Should().Be(0, pasted.Err);
        pasted.Out.Should().Be(both.Out, "bootstrap+montecarlo is what the output calls both");
        using var doc = JsonDocument.Parse(pasted.Out);
        doc.RootElement.GetProperty("intervals").GetProperty("method").GetString().Should().Be("bootstrap+montecarlo");
        Help("score").Should().Contain("bootstrap (the evidence), montecarlo (the options) or both (also written bootstrap+montecarlo, as the output names it)");
    }

    [Fact]
    public void IntervalKind_StillRefusesAnotherValue_NamingTheThreeChoices()
    {
        UsageErrors("score", "--intervals", "10", "--interval-kind", "bootstrap+jackknife")
            .Should().Contain("--interval-kind must be bootstrap, montecarlo or both; was 'bootstrap+jackknife'");
    }

    [Theory]
    [InlineData("score", "1000 for a published table")]
    [InlineData("explain", "1000 for a published figure")]
    [InlineData("plot", "1000 for a published chart")]
    public void Intervals_Help_NamesWhatTheCommandMakes(string command, string expected)
    {
        Help(command).Should().Contain($"Compute intervals from this many draws (for example 200; {expected}).");
    }

    [Theory]
    [InlineData("score")]
    [InlineData("explain")]
    [InlineData("plot")]
    public void Intervals_Help_SaysTheyAre90Percent_AndWhereAnotherLevelIsSet(string command)
    {
        Help(command).Should().Contain("They are 90% intervals; another level is the library's IntervalOptions.Level.");
        new Influence.Uncertainty.IntervalOptions().Level.Should().Be(0.9, "the command line makes its intervals with the default options");
        Influence.Scoring.ScoringOptions.Default.InputEfficiency.IntervalLevel.Should().Be(0.9, "input efficiency's own interval is at 90% too");
    }

    [Fact]
    public void Network_Help_SaysTheWindowIsSetInCode_ByTheOptionItNames()
    {
        Help("network").Should().Contain("the network covers the trailing network window ending there: 1 year, set in code only (ScoringOptions.Multilateral.NetworkWindowYears)");
        Influence.Scoring.ScoringOptions.Default.Multilateral.NetworkWindowYears.Should().Be(1, "the help says 1 year");
        Help("network").Should().NotContain("--window", "no option changes it");
    }

    [Fact]
    public void Explain_MeasureHelp_NamesTheShortNamesAndTheVerdicts_AndHowToListThem()
    {
        Help("explain").Should().Contain("a short name of score's table (gap, confl, …), or the verdicts state and patronClient; an unknown name lists them all.");
        UsageErrors("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "nosuch")
            .Should().Contain("patronClient").And.Contain("exchange", "an unknown name lists them all, as the help says");
    }

    [Fact]
    public void Bench_EvidenceHelp_SaysItIsACount_AndThatBenchRunsFromTheRepository()
    {
        var help = Help("bench");

        help.Should().Contain("Evidence items to generate (a number of generated items, not a file).")
            .And.Contain("Built only into the tool run from the repository, which holds the baselines (see benchmarks/README.md); the installed tool has no bench.");
    }

    [Fact]
    public void Bench_EvidenceGivenACsvFile_SaysItIsACountNotAFile()
    {
        UsageErrors("bench", "--evidence", "ne.csv")
            .Should().Contain("influence: bench's --evidence is the number of items to generate, not a file; was 'ne.csv'")
            .And.NotContain("expects a whole number");
    }

    [Fact]
    public void Bench_EvidenceGivenAnExistingFile_SaysItIsACountNotAFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"influence-evidence-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "x");
        try
        {
            UsageErrors("bench", "--evidence", file).Should().Contain($"bench's --evidence is the number of items to generate, not a file; was '{file}'");
            UsageErrors("bench", "--evidence", "many").Should().Contain("--evidence expects a whole number, got 'many'", "a word that is no file is a mistyped number");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("score")]
    [InlineData("trend")]
    [InlineData("network")]
    public void ASecondCaseFile_IsNamedAsOne(string command)
    {
        UsageErrors(command, "northland.json", "to2025.json")
            .Should().Contain($"influence: {command} takes one case file; 'to2025.json' is a second one")
            .And.NotContain("only a command that reads a case");
    }

    [Fact]
    public void AWordAfterTheCase_IsNamed_WithWhatTheCommandTakes()
    {
        UsageErrors("score", "builtin", "extra").Should().Contain("influence: unexpected argument 'extra': score takes one case file, and its options start with --");
        UsageErrors("bench", "extra").Should().Contain("influence: unexpected argument 'extra': bench reads no case file, and its options start with --");
    }

    [Theory]
    [InlineData("influence: score has no --period; for one period give --from 2024 --to 2024", "score", "--period", "2024")]
    [InlineData("influence: trend has no --period; for one period give --from 1998 --to 1998", "trend", "--period=1998")]
    [InlineData("influence: explain has no --from; it takes one period: give --period 2024", "explain", "--from", "2024")]
    [InlineData("influence: unknown option '--focus': an option of network, not of score", "score", "--focus", "pakistan")]
    [InlineData("influence: unknown option '--without': an option of counterfactual, not of trend", "trend", "--without", "china")]
    public void AnotherCommandsOption_SaysWhatToGiveOrWhichCommandHasIt(string expected, params string[] args)
    {
        UsageErrors(args).Should().Contain(expected);
    }

    [Fact]
    public void AMisspeltOption_StillGetsTheNearestOfTheCommand()
    {
        UsageErrors("score", "--formt", "json").Should().Contain("unknown option '--formt'; did you mean \"--format\"?").And.NotContain("an option of");
    }

    [Fact]
    public void Trend_BeforeAPartyExisted_NamesTheWholeRange()
    {
        var err = UsageErrors("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--from", "1973", "--to", "1993");

        err.Should().Contain("not scored anywhere in 1973–1993: taliban did not exist in 1973–1993 (it existed from 1994)");
    }

    [Fact]
    public void Network_Help_SaysTheDefaultIsJson_AndHowToDrawIt()
    {
        Help("network").Should().Contain("json (influence.network/1; the default, for tools) or dot (Graphviz; to read the network, draw it: --format dot | dot -Tsvg > network.svg)");
    }
}
