using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>A command line with several problems has them all reported at once (exit 2), each in the tool's words.</summary>
public class AllUsageProblemsTests
{
    /// <summary>Runs the tool, requires exit 2 (a usage error) and returns what it wrote on stderr.</summary>
    private static string UsageErrors(params string[] args)
    {
        var (code, _, err) = CliRunner.Run(args);
        code.Should().Be(2, err);
        return err;
    }

    [Fact]
    public void Score_ReportsTheUnknownOption_AndTheParsersOtherErrors_WithTheCommandsHelp()
    {
        var err = UsageErrors("score", "--formt", "json", "--seed", "x");

        err.Should().Contain("unknown option '--formt'; did you mean \"--format\"?")
            .And.Contain("--seed expects a whole number ≥ 0, got 'x'")
            .And.Contain("Run 'influence score --help' for usage.")
            .And.NotContain("unexpected argument 'json'").And.NotContain("Unrecognized command or argument");
    }

    [Fact]
    public void RequiredOptions_AreNamedInTheToolsWords_WithTheCommandsHelp()
    {
        var err = UsageErrors("explain", "--patron", "pakistan", "--client", "taliban");

        err.Should().Contain("influence: give --period: the period to explain (YYYY, YYYYQn or YYYY-MM)")
            .And.Contain("influence: give --measure: the measure to explain")
            .And.Contain("Run 'influence explain --help' for usage.")
            .And.NotContain("is required.");
    }

    [Fact]
    public void Score_ReportsTheFormat_TheIntervals_AndBothEnds()
    {
        var err = UsageErrors("score", "--intervals", "-3", "--format", "xml", "--from", "1960", "--to", "2030");

        err.Should().Contain("--format must be table, json, csv or long-csv; was 'xml'")
            .And.Contain("--intervals must be at least 2 draws; was -3")
            .And.Contain("--from 1960 is before the case's first period (1973)")
            .And.Contain("--to 2030 is after the case's last period (2026)");
    }

    [Fact]
    public void Explain_ReportsTheActor_AndTheMeasure()
    {
        var err = UsageErrors("explain", "--patron", "pakistan", "--client", "talibn", "--period", "2024", "--measure", "x");

        err.Should().Contain("no actor is called \"talibn\"").And.Contain("no measure is called 'x'");
    }

    [Fact]
    public void Network_ReportsEveryUnknownFocusActor()
    {
        var err = UsageErrors("network", "--period", "2024", "--focus", "talibn,haqani");

        err.Should().Contain("no actor is called \"talibn\"").And.Contain("no actor is called \"haqani\"");
    }

    [Fact]
    public void Plot_ReportsTheActor_AndTheMeasure_WithTheSuggestionAndTheShortNames()
    {
        var err = UsageErrors("plot", "--patron", "pakistan", "--client", "talibn", "--measures", "confict", "--out", Path.Combine(Path.GetTempPath(), "never-written.png"));

        err.Should().Contain("no actor is called \"talibn\"")
            .And.Contain("no measure is called 'confict'")
            .And.Contain("or a short name of the score table (exch, asym, confl")
            .And.Contain("did you mean \"conflict\"?");
    }

    [Fact]
    public void ABadCaseFile_AndABadOption_AreReportedTogether()
    {
        var path = Path.Combine(Path.GetTempPath(), $"influence-empty-case-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{}");
        try
        {
            var err = UsageErrors("score", path, "--format", "xml");

            err.Should().Contain("--format must be table, json, csv or long-csv; was 'xml'")
                .And.Contain("$.actors: expected an array \"actors\"")
                .And.Contain("the case has 6 problems (above)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Score_AfterTheParsersErrors_RunsItsOwnChecks()
    {
        var err = UsageErrors("score", "--seed", "x", "--intervals", "-3", "--format", "xml");

        err.Should().Contain("--seed expects a whole number ≥ 0, got 'x'")
            .And.Contain("--format must be table, json, csv or long-csv; was 'xml'")
            .And.Contain("--intervals must be at least 2 draws; was -3")
            .And.Contain("Run 'influence score --help' for usage.");
    }

    [Fact]
    public void Plot_WithoutOut_StillReportsTheActorAndTheMeasure()
    {
        var err = UsageErrors("plot", "--patron", "pakistan", "--client", "talibn", "--measures", "confict");

        err.Should().Contain("give --out: the PNG file to write")
            .And.Contain("no measure is called 'confict'")
            .And.Contain("no actor is called \"talibn\"")
            .And.Contain("Run 'influence plot --help' for usage.");
    }

    [Fact]
    public void Trend_AfterTheParsersErrors_ReportsTheMeasure_AndTheActor()
    {
        var err = UsageErrors("trend", "--level", "x", "--measure", "confict", "--patron", "pakistan", "--client", "talibn");

        err.Should().Contain("--level expects a number, got 'x'")
            .And.Contain("no measure is called 'confict'")
            .And.Contain("did you mean \"conflict\"?")
            .And.Contain("dyad pakistan→talibn: no actor is called \"talibn\"")
            .And.Contain("Run 'influence trend --help' for usage.");
    }

    [Fact]
    public void Trend_ReportsTheFormat_TheLevel_TheMeasure_TheActor_AndTheRange()
    {
        var err = UsageErrors("trend", "--format", "xml", "--level", "2", "--measure", "confict", "--patron", "pakistan", "--client", "talibn", "--from", "1960");

        err.Should().Contain("--format must be text or json; was 'xml'")
            .And.Contain("--level must be above 0 and at most 0.999 (further out the t quantiles are unreliable), got 2")
            .And.Contain("no measure is called 'confict'")
            .And.Contain("no actor is called \"talibn\"")
            .And.Contain("--from 1960 is before the case's first period (1973)");
    }

    [Fact]
    public void ChangePoints_ReportsTheFormat_TheFloor_TheMeasure_TheActor_AndTheRange()
    {
        var err = UsageErrors("changepoints", "--format", "xml", "--min-sigma", "-1", "--measure", "confict", "--patron", "pakistan", "--client", "talibn", "--to", "2090");

        err.Should().Contain("--format must be text or json; was 'xml'")
            .And.Contain("--min-sigma must be a finite positive number; was '-1'")
            .And.Contain("no measure is called 'confict'")
            .And.Contain("no actor is called \"talibn\"")
            .And.Contain("--to 2090 is after the case's last period (2026)");
    }

    [Fact]
    public void Sensitivity_ReportsTheFormat_EveryMeasure_ThePeriod_AndTheActor()
    {
        var err = UsageErrors("sensitivity", "--format", "xml", "--measure", "confict", "--measure", "exchang", "--period", "1900", "--patron", "pakistan", "--client", "talibn");

        err.Should().Contain("--format must be text or json; was 'xml'")
            .And.Contain("no measure is called 'confict'")
            .And.Contain("no measure is called 'exchang'")
            .And.Contain("--period 1900 is before the case's first period (1973)")
            .And.Contain("no actor is called \"talibn\"");
    }

    [Fact]
    public void Counterfactual_ReportsTheFormat_TheThirdParty_TheActor_AndTheRange()
    {
        var err = UsageErrors("counterfactual", "--format", "xml", "--without", "haqani", "--patron", "pakistan", "--client", "talibn", "--from", "1900");

        err.Should().Contain("--format must be table or json; was 'xml'")
            .And.Contain("influence: no actor is called \"haqani\" in case 'pakistan-taliban'; did you mean \"haqqani\"?")
            .And.Contain("no actor is called \"talibn\"")
            .And.Contain("--from 1900 is before the case's first period (1973)");
    }

    [Fact]
    public void ExportEvidence_AfterTheParsersErrors_ReportsTheOutFolder_AndTheCase()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"influence-no-such-case-{Guid.NewGuid():N}.json");
        var err = UsageErrors("export-evidence", missing, "extra.json", "--out", Path.Combine(Path.GetTempPath(), $"influence-no-such-folder-{Guid.NewGuid():N}", "x.csv"));

        err.Should().Contain("export-evidence takes one case file; 'extra.json' is a second one")
            .And.Contain("first or write elsewhere")
            .And.Contain($"no case file at '{missing}'")
            .And.Contain("Run 'influence export-evidence --help' for usage.");
    }

    [Fact]
    public void AMissingCaseFile_ReportedFirst_DoesNotHideTheOptionsChecked_AfterIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"influence-no-such-case-{Guid.NewGuid():N}.json");
        var err = UsageErrors("score", missing, "--from", "2020-13", "--to", "2021", "--granularity", "week");

        // The case cannot be read, so --to is not checked against its range; the forms of --from and --granularity are.
        err.Should().Contain($"influence: no case file at '{missing}'")
            .And.Contain("influence: --from must be a period YYYY, YYYYQn or YYYY-MM; was '2020-13'")
            .And.Contain("influence: --granularity must be year, quarter or month; was 'week'")
            .And.NotContain("--to");
    }

    [Theory]
    [InlineData("--to", "2024-1", "; did you mean \"2024-01\"?")]
    [InlineData("--from", "05/2019", "; did you mean \"2019-05\"?")]
    [InlineData("--from", "1973Q0", "; quarters are Q1–Q4")]
    [InlineData("--to", "1973Q5", "; quarters are Q1–Q4")]
    [InlineData("--to", "1973Q12", "; quarters are Q1–Q4")]
    [InlineData("--from", "1973-Q2", "; did you mean \"1973Q2\"?")]
    [InlineData("--from", "Q2 1973", "; did you mean \"1973Q2\"?")]
    [InlineData("--to", "2024-03-15", "; a period is a year, a quarter or a month: did you mean \"2024-03\" (the month of 2024-03-15)?")]
    [InlineData("--to", "15.03.2024", "; a period is a year, a quarter or a month: did you mean \"2024-03\" (the month of 2024-03-15)?")]
    [InlineData("--from", "Mar-20", "; the year has two digits: write it in full, \"2020-03\" if 20 is 2020")]
    public void AMalformedPeriod_GetsTheCaseFormatsHints_WhereTheySuggestAPeriod(string option, string value, string hint)
    {
        var err = UsageErrors("score", "--patron", "pakistan", "--client", "taliban", option, value);

        err.Should().Contain($"influence: {option} must be a period YYYY, YYYYQn or YYYY-MM; was '{value}'{hint}\n".ReplaceLineEndings());
        Influence.Cli.Commands.Common.PeriodHint(value).Should().Be(hint);
    }

    [Theory]
    [InlineData("19x")]
    [InlineData("2020-13")]
    [InlineData("05/06/2019")] // two days, neither a period: no month is guessed
    [InlineData("0000Q2")]
    public void AMalformedPeriod_WithNoPeriodMeant_GetsNoHint(string value) =>
        Influence.Cli.Commands.Common.PeriodHint(value).Should().BeEmpty();

    [Theory]
    [InlineData("trend", "--measure", "conflict", "--from", "19x")]
    [InlineData("changepoints", "--measure", "conflict", "--to", "19x")]
    [InlineData("counterfactual", "--without", "x", "--from", "19x")]
    public void AMissingCaseFile_AndAMalformedPeriod_AreReportedTogether_ByEveryCommandWithPeriods(string command, params string[] options)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"influence-no-such-case-{Guid.NewGuid():N}.json");
        var err = UsageErrors([command, missing, .. options]);

        err.Should().Contain($"no case file at '{missing}'").And.Contain("must be a period YYYY, YYYYQn or YYYY-MM; was '19x'");
    }

    [Theory]
    [InlineData("explain", "--period", "20", "--measure", "conflict")]
    [InlineData("network", "--period", "20")]
    [InlineData("sensitivity", "--period", "20")]
    public void AMissingCaseFile_AndAMalformedPeriodOption_AreReportedTogether(string command, params string[] options)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"influence-no-such-case-{Guid.NewGuid():N}.json");
        var err = UsageErrors([command, missing, .. options]);

        err.Should().Contain($"no case file at '{missing}'").And.Contain("--period must be a period YYYY, YYYYQn or YYYY-MM; was '20'");
    }

    [Fact]
    public void AMissingCaseFile_Alone_IsAnInputProblem_NotAUsageError()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"influence-no-such-case-{Guid.NewGuid():N}.json");
        var (code, output, err) = CliRunner.Run("score", missing, "--from", "2020");

        code.Should().Be(1, err);
        output.Should().BeEmpty();
        err.Should().Be($"influence: no case file at '{missing}' (give a case file, or 'builtin' for the built-in reference case){Environment.NewLine}");
    }

    [Fact]
    public void AWrongOut_IsReportedWithTheOtherOptions_NotBeforeThem()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"influence-no-such-folder-{Guid.NewGuid():N}");
        var err = UsageErrors("score", "--out", Path.Combine(folder, "x.json"), "--format", "xml", "--from", "1960");

        err.Should().Contain("first or write elsewhere")
            .And.Contain("--format must be table, json, csv or long-csv; was 'xml'")
            .And.Contain("--from 1960 is before the case's first period (1973)");
        Directory.Exists(folder).Should().BeFalse();
    }

    [Fact]
    public void AnUnpairedPatron_IsReportedWithTheOtherOptions()
    {
        var err = UsageErrors("score", "--patron", "pakistan", "--format", "xml");

        err.Should().Contain("give both --patron and --client, or neither").And.Contain("--format must be table, json, csv or long-csv; was 'xml'");
    }

    [Theory]
    [InlineData("score", "--format", "xml")]
    [InlineData("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--format", "xml")]
    [InlineData("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--format", "xml")]
    [InlineData("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--format", "xml")]
    [InlineData("plot", "--patron", "pakistan", "--client", "taliban", "--out", "never-written.png", "--width", "5")]
    public void AReversedRange_IsReportedWithTheOtherProblems(string command, params string[] options)
    {
        var err = UsageErrors([command, "--from", "2020", "--to", "2010", .. options]);

        err.Should().Contain("--to 2010 is before --from 2020: give the first period with --from and the last with --to")
            .And.MatchRegex(options.Contains("--width") ? "--width must be between" : "--format must be");
    }

    [Fact]
    public void AFinerPeriod_IsReportedWithTheOtherProblems()
    {
        var err = UsageErrors("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "2024Q1", "--format", "xml");

        err.Should().Contain("--from 2024Q1 is a quarter, but the case is yearly: give a year (YYYY)").And.Contain("--format must be table or json; was 'xml'");
    }

    [Theory]
    [InlineData("score")]
    [InlineData("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2001", "--measure", "conflict")]
    [InlineData("plot", "--patron", "pakistan", "--client", "taliban", "--out", "never-written.png")]
    public void TooFewIntervals_AreReported_WithABadIntervalKind(string command, params string[] options)
    {
        var err = UsageErrors([command, "--intervals", "-5", "--interval-kind", "foo", .. options]);

        err.Should().Contain("--interval-kind must be bootstrap, montecarlo or both; was 'foo'").And.Contain("--intervals must be at least 2 draws; was -5");
    }

    [Theory]
    [InlineData("pakistan", "patron")]
    [InlineData("taliban", "client")]
    public void Counterfactual_ReportsAThirdPartyInTheDyad_WithTheOtherProblems(string without, string role)
    {
        var err = UsageErrors("counterfactual", "--without", without, "--patron", "pakistan", "--client", "taliban", "--format", "xml");

        err.Should().Contain($"the third party must be neither patron nor client; '{without}' is the dyad's {role}").And.Contain("--format must be table or json; was 'xml'");
    }

    [Fact]
    public void Network_ReportsEveryBadGroup()
    {
        var err = UsageErrors("network", "--period", "1998", "--group", "pakistan", "--group", "x=y", "--group", "taliban=");

        err.Should().Contain("--group must be ID=GROUP; was 'pakistan'")
            .And.Contain("--group x=y: no actor is called \"x\"")
            .And.Contain("--group must be ID=GROUP; was 'taliban='");
    }

    [Fact]
    public void Network_RefusesGroups_WithDot_WhichCarriesNoBrokerage()
    {
        var err = UsageErrors("network", "--period", "1998", "--format", "dot", "--group", "pakistan=a", "--group", "taliban=a");

        err.Should().Be($"influence: --group sets the brokerage groups, which only the JSON carries (--format dot draws the ties, not brokerage): leave --group out, or give --format json{Environment.NewLine}");
    }

    [Theory]
    [InlineData("influence: --format needs a value: give --format VALUE", "score", "--format")]
    [InlineData("influence: --from takes one value and was given 2: give it once (a value with spaces in quotes)", "score", "--from", "2020", "--from", "2021")]
    [InlineData("influence: unexpected argument 'extra': score takes one case file, and its options start with --", "score", "builtin", "extra")]
    public void TheParsersOwnMessages_AreInTheToolsWords(string expected, params string[] args)
    {
        var err = UsageErrors(args);

        err.Should().Contain(expected).And.NotContain("Required argument missing").And.NotContain("expects a single argument").And.NotContain("Unrecognized command");
    }
}
