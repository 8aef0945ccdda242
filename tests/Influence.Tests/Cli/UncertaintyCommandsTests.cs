using System.Text.Json;
using FluentAssertions;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>The commands of issue 6: score --intervals, trend, changepoints and sensitivity, on the 1990s excerpt.</summary>
public sealed class UncertaintyCommandsTests : IDisposable
{
    private readonly string _case = Path.Combine(Path.GetTempPath(), $"influence-excerpt-{Guid.NewGuid():N}.json");

    public UncertaintyCommandsTests() =>
        File.WriteAllText(_case, CaseWriter.ToJson(CaseReader.LoadBuiltIn("pakistan-taliban-1990s")));

    public void Dispose() => File.Delete(_case);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Sensitivity_OnACaseWithNoEvidence_SaysSo_WithoutAskingForAFirstAndLastPeriod_ItHasNoOptionsFor()
    {
        using var cli = new CliRunner();
        var path = cli.PathOf("empty.json");
        File.WriteAllText(path, """
            {
              "schema": "influence.case/1", "id": "empty", "name": "Empty", "sources": [],
              "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "state" }],
              "evidence": []
            }
            """);

        var (code, output, err) = Run("sensitivity", path, "--patron", "P", "--client", "C", "--period", "2024");

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Be($"influence: the case has no evidence and no range: there is nothing to analyse in 2024; add evidence to the case, or give it a range (its \"from\" and \"to\"){Environment.NewLine}");
    }

    [Fact]
    public void Score_WithIntervals_WritesIntervalsThatHoldTheirValues_SomeOfThemWide_AndSharesThatSumToOne()
    {
        var (code, output, _) = Run("score", _case, "--format", "json", "--intervals", "20", "--seed", "3", "--interval-kind", "bootstrap");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var intervals = doc.RootElement.GetProperty("intervals");
        intervals.GetProperty("method").GetString().Should().Be("bootstrap");
        intervals.GetProperty("draws").GetInt32().Should().Be(20);
        intervals.GetProperty("seed").GetUInt64().Should().Be(3);
        var scores = Scores(doc.RootElement).ToList();
        scores.Should().NotBeEmpty();
        foreach (var (name, value, low, high) in scores)
        {
            low.Should().BeLessThanOrEqualTo(value, name);
            high.Should().BeGreaterThanOrEqualTo(value, name);
        }

        scores.Should().Contain(s => s.High > s.Low, "resampling the evidence moves some values");
        var period = doc.RootElement.GetProperty("dyads")[0].GetProperty("periods")[4];
        period.GetProperty("stateShares").EnumerateObject().Sum(p => p.Value.GetDouble()).Should().BeApproximately(1, 1e-9);
        period.GetProperty("patronClientShare").EnumerateObject().Sum(p => p.Value.GetDouble()).Should().BeApproximately(1, 1e-9);
    }

    /// <summary>Every defined score in the JSON (an object with a numeric value, low and high), named by its path.</summary>
    private static IEnumerable<(string Name, double Value, double Low, double High)> Scores(JsonElement element, string path = "$")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number)
            {
                yield return (path, v.GetDouble(), element.GetProperty("low").GetDouble(), element.GetProperty("high").GetDouble());
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var score in Scores(property.Value, $"{path}.{property.Name}"))
                {
                    yield return score;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var score in Scores(item, $"{path}[{i++}]"))
                {
                    yield return score;
                }
            }
        }
    }

    [Fact]
    public void Score_WithIntervals_IsTheSameForTheSameSeed_AndOtherForAnother()
    {
        var a = Run("score", _case, "--format", "json", "--intervals", "10", "--seed", "9").Out;
        var b = Run("score", _case, "--format", "json", "--intervals", "10", "--seed", "9").Out;
        var other = Run("score", _case, "--format", "json", "--intervals", "10", "--seed", "10").Out;

        b.Should().Be(a);
        other.Should().NotBe(a, "the seed chooses the draws");
    }

    [Fact]
    public void Score_Table_ShowsTheShareOfDraws()
    {
        var (code, output, _) = Run("score", _case, "--intervals", "10");

        code.Should().Be(0);
        output.Should().MatchRegex(@"(dormant|consolidated|contested) \(\d+%\)").And.Contain("share of 10 draws");
    }

    [Fact]
    public void Score_RejectsAnUnknownIntervalKind()
    {
        var (code, _, err) = Run("score", _case, "--intervals", "10", "--interval-kind", "jackknife");

        code.Should().Be(2);
        err.Should().Contain("--interval-kind must be bootstrap, montecarlo or both; was 'jackknife'");
    }

    [Fact]
    public void Score_RejectsFewerThanTwoDraws()
    {
        var (code, _, err) = Run("score", _case, "--intervals", "1");

        code.Should().Be(2);
        err.Should().Contain("--intervals must be at least 2");
    }

    [Fact]
    public void Trend_PrintsTheSlopeAndTheMannKendallTest()
    {
        var (code, output, _) = Run("trend", _case, "--patron", "pakistan", "--client", "taliban", "--measure", "exchange");

        code.Should().Be(0);
        output.Should().Contain("least squares:").And.Contain("Mann–Kendall:").And.Contain("Sen's slope:").And.Contain("per year");
    }

    [Fact]
    public void Trend_PrintsEveryNegativeNumber_WithTheTypographicMinus()
    {
        var (code, output, _) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015");

        code.Should().Be(0);
        output.Should().Contain("slope \u22120.0410 per year, 90% interval [\u22120.0534, \u22120.0286]");
        output.Should().Contain("S = \u221265, τ = \u22120.99, z = \u22124.40");
        output.Should().NotMatchRegex(@"(?<!\d)-\d", "text output has one minus sign, U+2212 (a hyphen after a digit is a date's)");
    }

    [Theory]
    [InlineData("trend", "--measure", "conflict")]
    [InlineData("changepoints", "--measure", "conflict")]
    [InlineData("sensitivity", "--period", "2024")]
    public void TextAnalyses_StartWithTheCaseAndItsInputHash_AsTheScoreTableDoes(string command, string option, string value)
    {
        var hash = NetworkCommandTests.ScoreHash();
        var (code, output, _) = Run(command, "--patron", "pakistan", "--client", "taliban", option, value);
        var (_, table, _) = Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2024", "--to", "2024");

        code.Should().Be(0);
        var first = output.Split('\n')[0].TrimEnd('\r');
        first.Should().Be($"Pakistan and the Afghan Taliban, 1973–2026 — input hash {hash[..16]}…");
        first.Should().Be(table.Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public void Trend_RejectsAnUnknownMeasure()
    {
        var (code, _, err) = Run("trend", _case, "--measure", "nope");

        code.Should().Be(2);
        err.Should().Contain("no measure is called 'nope'");
    }

    [Fact]
    public void ChangePoints_PrintsEachShift()
    {
        var (code, output, _) = Run("changepoints", _case, "--patron", "pakistan", "--client", "taliban", "--measure", "presence");

        code.Should().Be(0);
        output.Should().Contain("penalty β").And.Contain("1996").And.Contain("shift +0.534");
    }

    [Fact]
    public void Sensitivity_PrintsTornadoesAndWhatFlipsEachVerdict_WithSources()
    {
        var (code, output, _) = Run("sensitivity", _case, "--patron", "pakistan", "--client", "taliban", "--period", "2001");

        code.Should().Be(0);
        output.Should().Contain("Conflict.Scale")
            .And.Contain("What flips the state")
            .And.Contain("What flips the patron–client test")
            .And.Contain("source: Sharma, R. (2026)");
    }

    [Fact]
    public void Sensitivity_NamesEachItemsParties_AndTheFactionItCountsFor()
    {
        var (code, output, err) = Run("sensitivity", "builtin", "--patron", "pakistan", "--client", "taliban", "--period", "2024");

        code.Should().Be(0, err);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var item = lines.FindIndex(l => l.StartsWith("    sup-haq-pak-2021-2023-ttp-mediation  ", StringComparison.Ordinal));
        item.Should().BeGreaterThan(0);
        lines[item].Should().EndWith("[support haqqani → pakistan, 2021-08..2023, reported]");
        lines[item + 1].Should().Be("      haqqani counts for taliban (haqqani is part of taliban)");
        output.Should().Contain("[commitment pakistan → taliban, 2021-08..2026-02, reported]");
        output.Should().NotContain("pakistan counts for");
    }

    [Fact]
    public void SensitivityJson_GivesTheFactionEachItemCountsFor_AndWhetherThePeriodIsPartial()
    {
        var (code, output, err) = Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--format", "json");

        code.Should().Be(0, err);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28");
        doc.RootElement.GetProperty("partial").GetBoolean().Should().BeFalse();
        var removed = doc.RootElement.GetProperty("flips").EnumerateArray()
            .SelectMany(f => f.GetProperty("evidence").GetProperty("remove").EnumerateArray())
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => (From: e.GetProperty("fromCountsFor").GetString(), To: e.GetProperty("toCountsFor").GetString()));
        removed["sup-haq-pak-2021-2023-ttp-mediation"].Should().Be(("taliban", (string?)null), "haqqani is part of taliban; pakistan is a party itself");
        removed["com-pak-tal-2021-2026-understanding"].Should().Be(((string?)null, (string?)null));

        using var partial = System.Text.Json.JsonDocument.Parse(Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2026", "--format", "json").Out);
        partial.RootElement.GetProperty("partial").GetBoolean().Should().BeTrue();
        Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2026").Out
            .Should().Contain("note: the case's evidence ends on 2026-02-28, inside 2026: that period's values rest on part of it only");
    }

    [Fact]
    public void Sensitivity_SaysWhatADistanceOf1Is_AndTheDistancesFollowIt()
    {
        var (code, output, _) = Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024");

        code.Should().Be(0);
        output.Should().Contain("distance: how far the option was moved, where 1 is a scale × or ÷ 2, a window × or ÷ 2, a weight ± 0.15, a threshold ± 0.1; under 1 lies within the range the tornado tables try");
        output.Should().MatchRegex(@"Exchange\.ReciprocityWindowYears\s+5 → 3\.4999\s+\(distance 0\.51\)", "a window of 5 years moved to 3.5 is log2(5/3.5) = 0.51 of a factor of 2 (the flip found, just under 3.5, is written rounded down, past it)");
        output.Should().MatchRegex(@"States\.HighExchange\s+0\.25 → 0\.4746\s+\(distance 2\.25\)", "a threshold moved by 0.2246 is 2.25 steps of 0.1");
    }

    [Fact]
    public void Sensitivity_WritesTheFlippingBar_NearTheValue_PreciselyEnough_AndPastTheFlip()
    {
        // Exchange 0.2507588 in 2001 stands just above the 0.25 bar: 0.2508 (four decimals) is a bar that flips it, but
        // so far from the value that it reads as if the flip lay there. The bar written is past the flip, and near it.
        var (code, output, _) = Run("sensitivity", _case, "--patron", "pakistan", "--client", "taliban", "--period", "2001");

        code.Should().Be(0);
        var match = System.Text.RegularExpressions.Regex.Match(output, @"States\.HighExchange\s+0\.25 → (?<to>[0-9.]+)\s+\(distance 0\.01\) makes it estranged");
        match.Success.Should().BeTrue(output);
        var bar = double.Parse(match.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
        bar.Should().BeLessThan(0.2508).And.BeGreaterThan(0.2507588);
        var theCase = CaseReader.ReadFile(_case);
        var options = Influence.Scoring.ScoringOptions.Default with { States = Influence.Scoring.ScoringOptions.Default.States with { HighExchange = bar } };
        var scores = Influence.Scoring.Scorer.Score(theCase, options, new Influence.Scoring.ScoringRequest { From = Period.FromYear(2001), To = Period.FromYear(2001) });
        scores.For(new Influence.Cases.Dyad("pakistan", "taliban"), Period.FromYear(2001)).State.State.Should().Be(Influence.Scoring.RelationshipState.Estranged, "the bar written flips the state");
    }

    [Theory]
    [InlineData(0.5, 0.52864, "0.5", "0.5287")] // rounded to the nearest, 0.5286 would lie short of the flip
    [InlineData(0.7, 0.69746, "0.7", "0.6974")] // and 0.6975 here, moving down
    [InlineData(0.25, 0.2507597, "0.25", "0.25076")] // near the setting, the decimals a verdict gives a value near its bar
    [InlineData(0.5, 0.49999, "0.5", "0.49999")] // told apart from the setting
    [InlineData(1, -0.00012, "1", "−0.0002")]
    public void Sensitivity_WritesAFlippingSetting_RoundedAwayFromTheSetting(double from, double to, string fromText, string toText) =>
        Influence.Cli.Commands.SensitivityCommand.Apart(from, to).Should().Be((fromText, toText));

    [Fact]
    public void Sensitivity_TakesACommaList_AsPlotsMeasuresDoes_AndTheOptionRepeated()
    {
        static IEnumerable<string?> Tornadoes(string json)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            return [.. doc.RootElement.GetProperty("tornadoes").EnumerateArray().Select(t => t.GetProperty("measure").GetString())];
        }

        var (code, listed, err) = Run("sensitivity", _case, "--patron", "pakistan", "--client", "taliban", "--period", "2001", "--measure", "exchange, presence", "--format", "json");
        var (_, repeated, _) = Run("sensitivity", _case, "--patron", "pakistan", "--client", "taliban", "--period", "2001", "--measure", "exchange", "--measure", "presence", "--format", "json");

        code.Should().Be(0, err);
        Tornadoes(listed).Should().Equal("exchange", "presence");
        listed.Should().Be(repeated, "a comma list is the option repeated");

        var (bad, output, problems) = Run("sensitivity", _case, "--patron", "pakistan", "--client", "taliban", "--period", "2001", "--measure", "exchange,conflct,exchange");
        bad.Should().Be(2);
        output.Should().BeEmpty();
        problems.Should().Contain("no measure is called 'conflct'").And.Contain("did you mean \"conflict\"")
            .And.Contain("--measure exchange is given twice; give each measure once").And.NotContain("'exchange,conflct");
    }

    [Fact]
    public void Sensitivity_NeedsAPeriod_AndSaysSo()
    {
        var (code, output, err) = Run("sensitivity", _case);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().StartWith("influence: give --period: the period");
    }
}
