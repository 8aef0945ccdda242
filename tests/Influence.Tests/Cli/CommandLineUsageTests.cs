using FluentAssertions;
using Influence.Cases;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// What a first-time user meets when the command line is wrong: a misspelt option named as one (never taken for the
/// case file), the commands when none is given, and the score table's short column names taken as measure names.
/// </summary>
public sealed class CommandLineUsageTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Runs a command line that must be wrong usage: exit 2, nothing on standard output; gives standard error.</summary>
    private static string UsageError(params string[] words)
    {
        var (code, output, err) = CliRunner.Run(words);
        code.Should().Be(2, err);
        output.Should().BeEmpty();
        return err;
    }

    [Theory]
    [InlineData("--formt", "--format", new[] { "score", "--formt", "json" })]
    [InlineData("--formt", "--format", new[] { "score", "--formt" })]
    [InlineData("--mesure", "--measure", new[] { "explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--mesure", "conflict" })]
    [InlineData("--patorn", "--patron", new[] { "trend", "--patorn", "pakistan", "--client", "taliban", "--measure", "conflict" })]
    [InlineData("--evidnce", "--evidence", new[] { "validate", "--evidnce", "items.csv" })]
    public void AMisspeltOption_WithNoCaseNamed_IsAnUnknownOption_WithTheNearestName(string given, string meant, string[] words)
    {
        var err = UsageError(words);

        err.Should().StartWith($"influence: unknown option '{given}'; did you mean \"{meant}\"?{Environment.NewLine}")
            .And.Contain($"Run 'influence {words[0]} --help' for usage.")
            .And.NotContain("no case file").And.NotContain("Unrecognized").And.NotContain("is required");
    }

    [Theory]
    [InlineData(new[] { "score", "builtin", "--formt", "json" }, "--formt", "--format")]
    [InlineData(new[] { "explain", "builtin", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--mesure", "conflict" }, "--mesure", "--measure")]
    [InlineData(new[] { "score", "builtin", "--formt=json" }, "--formt=json", "--format")]
    public void AMisspeltOption_AfterTheCase_IsAnUnknownOption_WithTheNearestName(string[] words, string given, string meant)
    {
        var err = UsageError(words);

        err.Should().StartWith($"influence: unknown option '{given}'; did you mean \"{meant}\"?{Environment.NewLine}")
            .And.NotContain("Unrecognized").And.NotContain("is required");
    }

    [Fact]
    public void AnUnknownOption_NearNoOption_IsNamed_WithoutAGuess()
    {
        var err = UsageError("score", "--xyzzy");

        err.Should().Be($"influence: unknown option '--xyzzy'{Environment.NewLine}Run 'influence score --help' for usage.{Environment.NewLine}");
    }

    [Fact]
    public void ACaseFile_WhoseNameStartsWithADash_IsNamedAsAPath()
    {
        // The tests' current folder is shared: a file of a name of its own, there, removed after.
        var name = $"-case-{Guid.NewGuid():N}.json";
        var dotted = $".{Path.DirectorySeparatorChar}{name}";
        File.WriteAllText(name, File.ReadAllText(_cli.Write(TestCases.Builder().Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8)).Build())));
        try
        {
            UsageError("validate", name).Should().StartWith($"influence: unknown option '{name}'; to read the case file '{name}', give it as {dotted}{Environment.NewLine}");
            var (code, output, err) = CliRunner.Run("validate", dotted);
            code.Should().Be(0, err);
            output.Should().Contain("valid");
        }
        finally
        {
            File.Delete(name);
        }
    }

    [Fact]
    public void ANegativeNumber_IsAValue_NotAnUnknownOption()
    {
        var err = UsageError("score", "--intervals", "-5");

        err.Should().Contain("--intervals must be at least 2 draws").And.NotContain("unknown option");
    }

    [Fact]
    public void NoCommand_PrintsTheCommands_OnStandardError_AndExitsWithUsageCode()
    {
        var err = UsageError();

        err.Should().Contain("Usage:").And.Contain("Commands:");
        foreach (var command in new[] { "score", "explain", "validate", "trend", "changepoints", "sensitivity", "network", "counterfactual", "plot", "export-evidence" })
        {
            err.Should().MatchRegex($@"(?m)^  {command} ");
        }

        err.TrimEnd().Split(Environment.NewLine)[^1].Should().Be("influence: no command given: name one of the commands above.");
    }

    [Theory]
    [InlineData("scor", "score")]
    [InlineData("plto", "plot")]
    [InlineData("changepoint", "changepoints")]
    [InlineData("Score", "score")]
    public void AMisspeltCommand_IsAnUnknownCommand_WithTheNearestName(string given, string meant)
    {
        var err = UsageError(given, "samples/data/pakistan-taliban.json", "--format", "json");

        err.Should().Be($"influence: unknown command '{given}'; did you mean \"{meant}\"?{Environment.NewLine}Run 'influence --help' for usage.{Environment.NewLine}");
    }

    [Fact]
    public void AnUnknownCommand_NearNoCommand_IsNamed_WithoutAGuess()
    {
        UsageError("xyzzy").Should().Be($"influence: unknown command 'xyzzy'{Environment.NewLine}Run 'influence --help' for usage.{Environment.NewLine}");
    }

    [Theory]
    [InlineData(new string[0], new[] { "--help" })]
    [InlineData(new[] { "score" }, new[] { "score", "--help" })]
    public void Help_AsACommand_IsTheHelpItNames(string[] after, string[] same)
    {
        var (code, output, err) = CliRunner.Run(["help", .. after]);

        code.Should().Be(0, err);
        output.Should().Be(CliRunner.Run(same).Out);
    }

    [Fact]
    public void TheTopLevelHelp_ShowsEachCommandsCase_AsOptional_InOneAlignedColumn()
    {
        var (code, output, err) = CliRunner.Run("--help");
        code.Should().Be(0, err);
        var rows = output.Split(Environment.NewLine).SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Length > 0).ToList();

        rows.Should().HaveCount(11);
        rows.Where(r => r.StartsWith("  bench ", StringComparison.Ordinal)).Should().ContainSingle();
        foreach (var command in new[] { "score", "explain", "validate", "trend", "changepoints", "sensitivity", "network", "counterfactual", "plot", "export-evidence" })
        {
            rows.Should().ContainSingle(r => r.StartsWith($"  {command} [<case>]  ", StringComparison.Ordinal));
        }

        output.Should().NotContain(" <case> ");
        var column = "  export-evidence [<case>]  ".Length;
        rows.Should().OnlyContain(r => r.Length > column && r[column - 1] == ' ' && r[column] != ' ', "every description starts in one column");
    }

    [Fact]
    public void TheTopLevelHelp_KeepsWrappedDescriptions_InTheWidenedColumn()
    {
        var root = new System.CommandLine.Command("influence")
        {
            new System.CommandLine.Command("score") { Influence.Cli.Commands.Common.CaseArgument() },
            new System.CommandLine.Command("bench"),
        };
        var help = string.Join('\n', "Commands:", "  score <case>  Scores a case,", "                and wraps.", "  bench         Times.", "", "Other:", "  score <case>  untouched");

        Influence.Cli.Cli.MarkOptionalCases(help, root).Should().Be(string.Join(
            '\n', "Commands:", "  score [<case>]  Scores a case,", "                  and wraps.", "  bench           Times.", "", "Other:", "  score <case>  untouched"));
    }

    [Fact]
    public void Help_PointsToTheDocsOnline_NotToADocsFolder()
    {
        var (code, output, _) = CliRunner.Run("score", "--help");
        var (rootCode, root, _) = CliRunner.Run("--help");

        (code, rootCode).Should().Be((0, 0));
        output.Should().Contain("https://github.com/influence-research/influence/blob/main/docs/case-format.md").And.NotContain("(docs/");
        root.Should().NotContain("(docs/");
    }

    [Theory]
    [InlineData("gap", "presenceInfluenceGap")]
    [InlineData("agency", "clientAgency")]
    [InlineData("share", "patronShare")]
    [InlineData("confl", "conflict")]
    [InlineData("exch", "exchange")]
    [InlineData("asym", "asymmetry")]
    [InlineData("diffuse", "diffuseObligation")]
    [InlineData("endur", "endurance")]
    [InlineData("attain", "attainment")]
    [InlineData("compl", "compliance")]
    [InlineData("GAP", "presenceInfluenceGap")]
    public void Explain_TakesTheScoreTablesColumnNames(string column, string measure)
    {
        var (code, output, err) = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", column);

        code.Should().Be(0, err);
        output.Should().StartWith($"{measure} of pakistan → taliban in 2024: ");
    }

    [Fact]
    public void EveryColumnOfTheScoreTable_IsAMeasureName_ThatExplainTakes()
    {
        var (_, table, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2024", "--to", "2024");
        var header = table.Split(Environment.NewLine).First(l => l.TrimStart().StartsWith("period", StringComparison.Ordinal));
        var columns = header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        columns.Should().HaveCount(13);
        foreach (var column in columns)
        {
            var (code, _, err) = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", column);
            code.Should().Be(0, $"'{column}' heads a column of the score table: {err}");
        }
    }

    [Fact]
    public void TrendAndSensitivity_TakeTheShortNames_AndPrintTheFullOnes()
    {
        var (trendCode, trend, trendErr) = CliRunner.Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "share", "--from", "2015");
        var (sensitivityCode, sensitivity, sensitivityErr) = CliRunner.Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "confl");

        trendCode.Should().Be(0, trendErr);
        trend.Should().Contain("patronShare of pakistan → taliban, 2015–");
        sensitivityCode.Should().Be(0, sensitivityErr);
        sensitivity.Should().Contain("conflict of pakistan → taliban in 2024:");
    }

    [Fact]
    public void Explain_AnUnknownMeasure_ListsTheVerdictsAndShortNames_AndTheNearestName()
    {
        var err = UsageError("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "conflit");

        err.Should().Contain("no measure is called 'conflit'; expected one of: exchange, asymmetry,")
            .And.Contain("reverseLeverage, state, patronClient, or a short name of the score table (exch, asym, confl, diffuse, endur, attain, compl, gap, agency, share); did you mean \"conflict\"?");
    }

    [Fact]
    public void ScoreSet_ShortNames_StandForTheirMeasures_InTheLibraryToo()
    {
        var scores = Scorer.Score(Influence.IO.CaseReader.LoadBuiltIn());

        scores.MeasureIndexOf("gap").Should().Be(scores.MeasureIndexOf("presenceInfluenceGap")).And.BeGreaterThanOrEqualTo(0);
        scores.MeasureIndexOf("state").Should().Be(-1, "a verdict, not a measure");
        var act = () => scores.Get("nosuch", scores.Dyads[0], scores.From);
        act.Should().Throw<ArgumentException>().WithMessage("no measure is called 'nosuch'; expected one of: exchange, *, reverseLeverage, or a short name of the score table (*)");
    }

    [Fact]
    public void ScoringRequest_AllPairs_IsEveryOrderedPair_ButAnActorWithItsOwnMovement()
    {
        var @case = NetworkCases.Builder().Build(); // P, C (factions H and K), X (faction XI), Y, T

        var dyads = ScoringRequest.AllPairs(@case).Dyads;

        dyads.Should().HaveCount((8 * 7) - (2 * 3), "H, K and XI each lie within their movement, both ways round");
        dyads.Should().OnlyHaveUniqueItems().And.NotContain(d => d.Patron == d.Client)
            .And.NotContain(new Dyad("H", "C")).And.NotContain(new Dyad("X", "XI"))
            .And.Contain(new Dyad("H", "K")).And.Contain(new Dyad("XI", "C"));
        dyads[0].Should().Be(new Dyad("P", "C"), "in the order of the case's actors");
        Scorer.Score(@case, request: ScoringRequest.AllPairs(@case)).Dyads.Should().Equal(dyads);
    }

    [Fact]
    public void ScoringRequest_ShortNames_ScoreTheirMeasures()
    {
        var @case = Influence.IO.CaseReader.LoadBuiltIn();

        var scores = Scorer.Score(@case, request: new ScoringRequest { Measures = ["confl", "gap"] });
        var unknown = () => Scorer.Score(@case, request: new ScoringRequest { Measures = ["confli"] });

        scores.Measures.Select(m => m.Name).Should().Equal("conflict", "presenceInfluenceGap");
        unknown.Should().Throw<ArgumentException>().WithMessage("no measure is called 'confli'; expected one of: exchange, *, or a short name of the score table (*confl*)");
    }
}
