using System.Text.Json;
using FluentAssertions;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// Options whose error paths are tested elsewhere (CommandConventionsTests, NetworkCommandTests), here doing what the
/// docs say they do, on the built-in reference case.
/// </summary>
public class CommandOptionTests
{
    [Fact]
    public void NetworkFocus_ShowsTheFocusActorsAtTheirOwnLevel_AndLeavesOutTheMovementThatContainsOne()
    {
        // docs/multilateral.md, section 1: with focus {pakistan, haqqani} the vertices are Pakistan, the Haqqani
        // network, the Taliban's other factions and the other top-level actors; the Afghan Taliban itself is left out.
        var factions = CaseReader.LoadBuiltIn().Actors.Where(a => a.Parent == "taliban").Select(a => a.Id).ToList();
        factions.Should().Contain("haqqani").And.HaveCountGreaterThan(1);

        var (code, output, err) = CliRunner.Run("network", "--period", "2024", "--focus", "pakistan,haqqani");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("focus").EnumerateArray().Select(e => e.GetString()).Should().Equal("pakistan", "haqqani");
        var actors = doc.RootElement.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        actors.Should().Contain("pakistan").And.Contain(factions).And.NotContain("taliban");
        var whole = JsonDocument.Parse(CliRunner.Run("network", "--period", "2024").Out).RootElement.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        whole.Should().Contain("taliban").And.NotContain(factions, "without focus the vertices are the top-level actors");
    }

    [Fact]
    public void NetworkGroup_PutsTheActorInTheGivenGroup_AndSaysThatGroupsWereGiven()
    {
        var (code, output, err) = CliRunner.Run("network", "--period", "2024", "--group", "china=great-power");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("groups").GetString().Should().Be("user-defined groups (1 actor), others: states vs non-state actors");
        var groups = doc.RootElement.GetProperty("actors").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("group").GetString());
        groups["china"].Should().Be("great-power");
        groups["pakistan"].Should().Be("state", "the others keep the default grouping");
        groups["taliban"].Should().Be("non-state");
    }

    [Theory]
    [InlineData("influence: --measure exchange is given twice; give each measure once", "sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "exchange", "--measure", "exchange")]
    [InlineData("influence: --measure conflict is given 3 times (as conflict and confl); give each measure once", "sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "conflict", "--measure", "confl", "--measure", "conflict")]
    [InlineData("influence: --measures conflict is given twice (as conflict and confl); give each measure once", "plot", "--patron", "pakistan", "--client", "taliban", "--measures", "conflict,confl", "--out", "never-written.png")]
    public void AMeasureGivenTwice_IsOneUsageProblem_AsTheLibrarysDyadOrMeasureGivenTwiceIs(string expected, params string[] args)
    {
        var (code, output, err) = CliRunner.Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty("no table is printed twice");
        err.Split(Environment.NewLine)[0].Should().Be(expected);
        err.Split(Environment.NewLine).Count(l => l.Contains("given", StringComparison.Ordinal)).Should().Be(1);
        File.Exists("never-written.png").Should().BeFalse();
    }

    [Fact]
    public void SensitivityMeasure_GivesATornadoTableForEachMeasureAsked_InTheirPlaceOfTheDefaultTwo()
    {
        const string Tornado = " — one option at a time, at each end of its range";
        var (code, output, err) = CliRunner.Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "presence", "--measure", "compliance");
        var byDefault = CliRunner.Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024").Out;

        code.Should().Be(0, err);
        Tables(output).Should().Equal("presence", "compliance");
        Tables(byDefault).Should().Equal("exchange", "conflict");

        static IEnumerable<string> Tables(string text) =>
            text.Split(Environment.NewLine).Where(l => l.EndsWith(Tornado, StringComparison.Ordinal)).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData(new string[0], "90% interval")]
    [InlineData(new[] { "--level", "0.8" }, "80% interval")]
    public void TrendLevel_SetsTheSlopesIntervalLevel(string[] level, string expected)
    {
        var (code, output, err) = CliRunner.Run(["trend", "--patron", "pakistan", "--client", "taliban", "--measure", "exchange", .. level]);

        code.Should().Be(0, err);
        var slope = output.Split(Environment.NewLine)[2];
        slope.Should().StartWith("  least squares:  slope ").And.Contain($", {expected} [");
    }

    [Theory]
    [InlineData("montecarlo")]
    [InlineData("bootstrap")]
    [InlineData("both")]
    public void ScoreIntervalKind_NamesTheMethodTheIntervalsWereMadeWith(string kind)
    {
        var (code, output, err) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2001", "--to", "2001", "--intervals", "5", "--interval-kind", kind, "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("intervals").GetProperty("method").GetString().Should().Be(kind == "both" ? "bootstrap+montecarlo" : kind);
    }

    [Fact]
    public void AQuarter_OnAYearlyCase_IsExplainedAndDrawnAtItsOwnGranularity()
    {
        var explain = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024Q1", "--measure", "conflict");
        var month = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024-03", "--measure", "conflict");
        var sensitivity = CliRunner.Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024Q1");
        var network = CliRunner.Run("network", "--period", "2024Q1");

        explain.Code.Should().Be(0, explain.Err);
        explain.Out.Should().StartWith("conflict of pakistan → taliban in 2024Q1: ");
        month.Out.Should().StartWith("conflict of pakistan → taliban in 2024-03: ");
        sensitivity.Out.Split(Environment.NewLine)[1].Should().StartWith("exchange of pakistan → taliban in 2024Q1: ");
        using var doc = JsonDocument.Parse(network.Out);
        (doc.RootElement.GetProperty("from").GetString(), doc.RootElement.GetProperty("to").GetString()).Should().Be(("2023Q2", "2024Q1"), "the one-year network window, in quarters");
    }

    [Fact]
    public void AQuarter_OnAYearlyCase_IsRefusedWhereARangeIsScored()
    {
        var (code, output, err) = CliRunner.Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "2024Q1");

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().StartWith("influence: --from 2024Q1 is a quarter, but the case is yearly: give a year (YYYY)");
    }
}
