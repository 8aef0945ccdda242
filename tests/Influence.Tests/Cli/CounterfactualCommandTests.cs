using System.Text.Json;
using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

public class CounterfactualCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Counterfactual_PrintsWithAndWithout_ForADyad()
    {
        var (code, output, _) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "india", "--from", "1998", "--to", "1999");

        code.Should().Be(0);
        output.Should().Contain("with and without india").And.Contain("1998").And.Contain("1999");
    }

    [Fact]
    public void Counterfactual_WritesJson()
    {
        var (code, output, _) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "india", "--from", "1998", "--to", "1998", "--format", "json");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("schema").GetString().Should().Be("influence.counterfactual/1");
        doc.RootElement.GetProperty("periods")[0].GetProperty("patronShare").TryGetProperty("effect", out _).Should().BeTrue();
    }

    [Fact]
    public void Counterfactual_SaysWhereTheDyadIsNotScored_InTheTableAndTheJson()
    {
        string[] args = ["counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "1992", "--to", "1994"];
        var (code, table, _) = Run(args);
        var (_, json, _) = Run([.. args, "--format", "json"]);

        code.Should().Be(0);
        table.Split('\n').Single(l => l.StartsWith("1992–1993", StringComparison.Ordinal)).Should().EndWith("not scored");
        table.Should().Contain("pakistan → taliban, 1992–1993: not scored, as taliban did not exist in 1992–1993 (it existed from 1994).");
        using var doc = JsonDocument.Parse(json);
        var periods = doc.RootElement.GetProperty("periods");
        periods[0].GetProperty("notScored").GetString().Should().Be("taliban did not exist in 1992 (it existed from 1994)");
        periods[2].GetProperty("notScored").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Counterfactual_MarksThePartialPeriod_InTheTable_AsScoreDoes()
    {
        var (code, table, _) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "2025");
        var (_, scoreTable, _) = Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2025");
        const string Note = "the case's evidence ends on 2026-02-28, inside 2026: that period's values rest on part of it only (what came later is not in the case).";

        code.Should().Be(0);
        var lines = table.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.Should().Contain(l => l.StartsWith("2026† ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("2025 ", StringComparison.Ordinal));
        lines.Should().Contain($"† {Note}");
        scoreTable.Should().Contain("2026†").And.Contain(Note[..60], "the note is the score table's");
    }

    [Fact]
    public void Counterfactual_NamesThePeriodsAfterTheEvidence_UnderTheTable_AsScoreDoes()
    {
        // The reference case scored by quarter: its evidence ends on 2026-02-28, so 2026Q2–2026Q4 are not scored.
        using var cli = new CliRunner();
        var path = cli.PathOf("quarterly.json");
        File.WriteAllText(path, Influence.IO.CaseWriter.ToJson(Influence.IO.CaseReader.LoadBuiltIn()).Replace("\"granularity\": \"year\"", "\"granularity\": \"quarter\"", StringComparison.Ordinal));
        var (code, table, err) = Run("counterfactual", path, "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "2025Q4", "--to", "2026");
        var (_, scoreTable, _) = Run("score", path, "--patron", "pakistan", "--client", "taliban", "--from", "2025Q4", "--to", "2026");
        const string Note = "2026Q2–2026Q4: not scored, as the case's evidence ends on 2026-02-28; a case looked at for longer says so with \"evidenceEnds\"";

        code.Should().Be(0, err);
        var lines = table.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.Should().Contain(l => l.StartsWith("2026Q2–2026Q4 ", StringComparison.Ordinal) && l.EndsWith("not scored", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.StartsWith(Note, StringComparison.Ordinal));
        scoreTable.Should().Contain(Note[..60], "the note is the score table's");
    }

    [Fact]
    public void Counterfactual_PrintsNoAfterTheEvidenceNote_WhenTheRangeEndsWithTheEvidence()
    {
        var (code, table, _) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "2025");

        code.Should().Be(0);
        table.Should().NotContain("not scored, as the case's evidence ends");
    }

    [Fact]
    public void Counterfactual_MarksThePartialPeriod_InTheJson_AsTheScoresDo()
    {
        var (code, json, _) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "2025", "--format", "json");
        var (_, scores, _) = Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2025", "--format", "json");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(json);
        using var scored = JsonDocument.Parse(scores);
        doc.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28").And.Be(scored.RootElement.GetProperty("evidenceEnds").GetString());
        var periods = doc.RootElement.GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("period").GetString(), p.GetProperty("partial").GetBoolean()));
        var scoredPeriods = scored.RootElement.GetProperty("dyads")[0].GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("period").GetString(), p.GetProperty("partial").GetBoolean()));
        periods.Should().Equal(("2025", false), ("2026", true)).And.Equal(scoredPeriods);
    }

    [Fact]
    public void Counterfactual_MarksNoPeriod_WhenTheRangeEndsBeforeThePartialOne()
    {
        var (code, table, _) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", "--from", "2024", "--to", "2025");

        code.Should().Be(0);
        table.Should().NotContain("†");
    }

    [Fact]
    public void Counterfactual_WritesTheInputHash_OfTheScores()
    {
        string[] args = ["counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "india", "--from", "1998", "--to", "1998"];
        var (code, json, _) = Run([.. args, "--format", "json"]);
        var (_, table, _) = Run(args);
        var hash = NetworkCommandTests.ScoreHash();

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("inputHash").GetString().Should().Be(hash);
        table.Split('\n')[0].TrimEnd('\r').Should().EndWith($"; input hash {hash[..16]}…");
        Run([.. args, "--format", "json"]).Out.Should().Be(json, "the same input gives the same bytes");
    }

    [Theory]
    [InlineData("--from 2002 --to 2003Q1", "influence: --to 2003Q1 is a quarter, but the case is yearly: give a year (YYYY)")]
    [InlineData("--from 2002-05", "influence: --from 2002-05 is a month, but the case is yearly: give a year (YYYY)")]
    public void Counterfactual_RefusesPeriodsFinerThanTheCase_AsScoreDoes(string options, string message)
    {
        var (code, output, err) = Run(["counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china", .. options.Split(' ')]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().StartWith(message);
    }

    [Fact]
    public void Counterfactual_ExitsWithUsageCode_WhenTheThirdPartyIsTheClient()
    {
        var (code, _, err) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "taliban");

        code.Should().Be(2);
        err.Should().Contain("the third party must be neither patron nor client; 'taliban' is the dyad's client");
    }
}
