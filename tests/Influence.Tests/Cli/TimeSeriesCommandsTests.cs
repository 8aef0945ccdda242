using System.Text.Json;
using FluentAssertions;
using Influence.Cases;
using Influence.Cli.Commands;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.TimeSeries;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// trend, changepoints and sensitivity in JSON (the values are the library's), p-values in text, and the text fixes of
/// counterfactual (empty periods folded) and sensitivity (a period the dyad is not scored in says why).
/// </summary>
public sealed class TimeSeriesCommandsTests
{
    private static readonly Dyad Dyad = new("pakistan", "taliban");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private static ScoreSet Scores(int? from = null) => Scorer.Score(
        CaseReader.LoadBuiltIn(),
        ScoringOptions.Default,
        new ScoringRequest { Dyads = [Dyad], From = from is { } f ? Period.FromYear(f) : null });

    /// <summary>A number or null in the JSON, as the library's nullable double.</summary>
    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    [Fact]
    public void Trend_Json_HoldsTheLibrarysValues_ExactPValueIncluded()
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015", "--format", "json");
        var scores = Scores(2015);
        var trend = Trends.Fit(scores, "patronShare", Dyad);
        var mk = trend.MannKendall!;

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be(TrendWriter.Schema).And.Be("influence.trend/1");
        root.GetProperty("case").GetString().Should().Be("pakistan-taliban");
        root.GetProperty("inputHash").GetString().Should().Be(scores.InputHash).And.Be(NetworkCommandTests.ScoreHash());
        root.GetProperty("measure").GetString().Should().Be("patronShare");
        root.GetProperty("patron").GetString().Should().Be("pakistan");
        root.GetProperty("client").GetString().Should().Be("taliban");
        root.GetProperty("granularity").GetString().Should().Be("year");
        root.GetProperty("from").GetString().Should().Be(trend.From.ToString()).And.Be("2015");
        root.GetProperty("to").GetString().Should().Be(trend.To.ToString());
        root.GetProperty("points").GetInt32().Should().Be(trend.Points);
        root.GetProperty("skipped").GetInt32().Should().Be(trend.Skipped);
        root.GetProperty("level").GetDouble().Should().Be(trend.Level);
        root.GetProperty("periodsPerYear").GetInt32().Should().Be(trend.PeriodsPerYear);
        var ls = root.GetProperty("leastSquares");
        Number(ls, "slope").Should().Be(trend.Slope);
        Number(ls, "slopeLow").Should().Be(trend.SlopeLow);
        Number(ls, "slopeHigh").Should().Be(trend.SlopeHigh);
        Number(ls, "intercept").Should().Be(trend.Intercept);
        Number(ls, "rSquared").Should().Be(trend.RSquared);
        var m = root.GetProperty("mannKendall");
        m.GetProperty("points").GetInt32().Should().Be(mk.Points);
        m.GetProperty("s").GetInt64().Should().Be(mk.S);
        m.GetProperty("varianceS").GetDouble().Should().Be(mk.VarianceS);
        m.GetProperty("z").GetDouble().Should().Be(mk.Z);
        m.GetProperty("pValue").GetDouble().Should().Be(mk.PValue).And.BeInRange(1e-6, 1e-4, "the review's case: p ≈ 1e-5, not 0");
        m.GetProperty("exact").GetBoolean().Should().Be(mk.IsExact);
        m.GetProperty("tau").GetDouble().Should().Be(mk.Tau);
        m.GetProperty("senSlope").GetDouble().Should().Be(mk.SenSlope);
        Number(m, "senSlopeLow").Should().Be(mk.SenSlopeLow);
        Number(m, "senSlopeHigh").Should().Be(mk.SenSlopeHigh);
        TrendWriter.ToJson(trend, scores, "patronShare", Dyad).Should().Be(output.TrimEnd('\n', '\r'), "the command writes the writer's document");
    }

    [Fact]
    public void Trend_Json_WritesNull_WhereTooFewValuesLeaveTheStatisticsUndefined()
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2024", "--to", "2025", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("points").GetInt32().Should().BeLessThan(3);
        doc.RootElement.GetProperty("leastSquares").EnumerateObject().Should().OnlyContain(p => p.Value.ValueKind == JsonValueKind.Null);
        doc.RootElement.GetProperty("mannKendall").ValueKind.Should().Be(JsonValueKind.Null);
        output.Should().NotContain("NaN");
    }

    [Fact]
    public void ChangePoints_Json_HoldsTheLibrarysValues()
    {
        var (code, output, err) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "presence", "--format", "json");
        var scores = Scores();
        var result = ChangePoints.Detect(scores, "presence", Dyad);

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be(ChangePointWriter.Schema).And.Be("influence.changepoints/1");
        root.GetProperty("inputHash").GetString().Should().Be(scores.InputHash);
        root.GetProperty("measure").GetString().Should().Be("presence");
        root.GetProperty("from").GetString().Should().Be(result.From.ToString());
        root.GetProperty("to").GetString().Should().Be(result.To.ToString());
        root.GetProperty("points").GetInt32().Should().Be(result.Points);
        root.GetProperty("skipped").GetInt32().Should().Be(result.Skipped);
        Number(root, "noiseSigma").Should().Be(result.NoiseSigma);
        Number(root, "penalty").Should().Be(result.Penalty);
        var changes = root.GetProperty("changePoints").EnumerateArray().ToList();
        changes.Should().HaveCount(result.ChangePoints.Length).And.HaveCountGreaterThan(1);
        for (var i = 0; i < changes.Count; i++)
        {
            var c = result.ChangePoints[i];
            changes[i].GetProperty("period").GetString().Should().Be(c.Period.ToString());
            changes[i].GetProperty("position").GetInt32().Should().Be(c.Position);
            changes[i].GetProperty("meanBefore").GetDouble().Should().Be(c.MeanBefore);
            changes[i].GetProperty("meanAfter").GetDouble().Should().Be(c.MeanAfter);
            changes[i].GetProperty("shift").GetDouble().Should().Be(c.Shift);
        }

        var segments = root.GetProperty("segments").EnumerateArray().ToList();
        segments.Should().HaveCount(result.Segments.Length);
        for (var i = 0; i < segments.Count; i++)
        {
            var s = result.Segments[i];
            segments[i].GetProperty("from").GetString().Should().Be(s.From.ToString());
            segments[i].GetProperty("to").GetString().Should().Be(s.To.ToString());
            segments[i].GetProperty("points").GetInt32().Should().Be(s.Points);
            segments[i].GetProperty("mean").GetDouble().Should().Be(s.Mean);
        }
    }

    [Theory]
    [InlineData("trend", "--measure", "conflict")]
    [InlineData("changepoints", "--measure", "conflict")]
    [InlineData("sensitivity", "--period", "2024")]
    public void Format_IsTextByDefault_AndAnythingButTextOrJsonIsAUsageError(string command, string option, string value)
    {
        var (code, output, _) = Run(command, "--patron", "pakistan", "--client", "taliban", option, value);
        var (badCode, badOutput, err) = Run(command, "--patron", "pakistan", "--client", "taliban", option, value, "--format", "csv");

        code.Should().Be(0);
        output.Should().StartWith("Pakistan and the Afghan Taliban");
        badCode.Should().Be(2);
        badOutput.Should().BeEmpty();
        err.Should().Contain("--format must be text or json; was 'csv'");
    }

    [Theory]
    [InlineData("trend", "influence.trend/1")]
    [InlineData("changepoints", "influence.changepoints/1")]
    [InlineData("sensitivity", "influence.sensitivity/1")]
    public void Out_WritesTheJson_WhenJsonIsAsked(string command, string schema)
    {
        using var cli = new CliRunner();
        var path = cli.PathOf("t.json");

        var (code, output, err) = CliRunner.Run(command, "--patron", "pakistan", "--client", "taliban", command == "sensitivity" ? "--period" : "--measure", command == "sensitivity" ? "2024" : "conflict", "--format", "json", "--out", path);

        code.Should().Be(0, err);
        output.Should().BeEmpty();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        doc.RootElement.GetProperty("schema").GetString().Should().Be(schema);
    }

    [Fact]
    public void Trend_Text_NeverPrintsPEqualsZero()
    {
        var (code, output, _) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015");

        code.Should().Be(0);
        output.Should().Contain("z = \u22124.40, two-sided p < 0.0001 (normal approximation, ties corrected)");
        output.Should().NotContain("p = 0 ");
    }

    [Theory]
    [InlineData(1e-300, "p < 0.0001")]
    [InlineData(0.0000999, "p < 0.0001")]
    [InlineData(0.0001, "p = 0.00010")]
    [InlineData(0.000123, "p = 0.00012")]
    [InlineData(0.0345, "p = 0.035")]
    [InlineData(0.0995, "p = 0.10")]
    [InlineData(0.5, "p = 0.50")]
    [InlineData(0.083333, "p = 0.083")]
    [InlineData(0.999, "p = 1.0")]
    [InlineData(1.0, "p = 1.0")]
    public void PValues_ShowTwoSignificantDigits_OrLessThanTheFloor(double p, string expected) =>
        PValues.Format(p).Should().Be(expected);

    [Fact]
    public void Counterfactual_FoldsARunOfEmptyPeriods_IntoOneRow_AsTheScoreTableDoes()
    {
        var (code, output, err) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china");
        var (_, table, _) = Run("score", "--patron", "pakistan", "--client", "taliban");

        code.Should().Be(0, err);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        lines.Should().ContainSingle(l => l.StartsWith("1973–1993 ", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.StartsWith("1980 ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("1994 ", StringComparison.Ordinal));
        table.Should().Contain("1973–1993", "the score table folds the same run");
        lines[1].IndexOf("share", StringComparison.Ordinal).Should().Be(lines.Single(l => l.StartsWith("1994 ", StringComparison.Ordinal)).IndexOf("0.", StringComparison.Ordinal), "the columns stay aligned under the wider label");
    }

    [Fact]
    public void Counterfactual_SaysWhatEachColumnIs_AndWhyAlternativesCanRiseWithoutTheThirdParty()
    {
        var (code, output, _) = Run("counterfactual", "--patron", "pakistan", "--client", "taliban", "--without", "china");

        code.Should().Be(0);
        output.Should().Contain("2022      0.64 → 0.70   0 → 1 ", "without China's support another supporter passes a tenth of the Taliban's");
        output.Should().Contain("share: pakistan's share of the support taliban receives; alternatives: the other supporters giving it at least a tenth (without china, another supporter's share can pass that bar, so the count can rise)");
        output.Should().Contain("brokerage: pakistan's brokerage between taliban and third parties.");
    }

    [Fact]
    public void BlankRuns_FoldEachRunOfBlankPeriods_AndKeepTheOthers()
    {
        var blank = new[] { true, true, false, true, false, false, true, true, true };

        BlankRuns.Rows(blank.Length, i => blank[i]).Should().Equal(
            (0, 1, true), (2, 2, false), (3, 3, true), (4, 4, false), (5, 5, false), (6, 8, true));
        BlankRuns.Rows(0, _ => true).Should().BeEmpty();
        BlankRuns.Label(Period.FromYear(1973), Period.FromYear(1993)).Should().Be("1973–1993");
        BlankRuns.Label(Period.FromYear(1973), Period.FromYear(1973)).Should().Be("1973");
    }

    [Fact]
    public void Sensitivity_InAPeriodTheDyadIsNotScored_SaysWhy_InsteadOfAnEmptyTable()
    {
        var (code, output, err) = Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "1980");

        code.Should().Be(0, err);
        output.Should().Contain("exchange of pakistan → taliban in 1980: not scored: taliban did not exist in 1980 (it existed from 1994)")
            .And.Contain("conflict of pakistan → taliban in 1980: not scored: taliban did not exist in 1980");
        output.Should().NotContain("other options do not move it");
    }

    [Fact]
    public void Sensitivity_Json_HoldsTheLibrarysTornadoesAndFlips()
    {
        var (code, output, err) = Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--format", "json");
        var theCase = CaseReader.LoadBuiltIn();
        var period = Period.FromYear(2024);
        var tornadoes = Sensitivity.Tornadoes(theCase, Dyad, period, ["exchange", "conflict"]);
        var flips = new[] { Sensitivity.WhatFlips(theCase, Dyad, period, Verdict.State), Sensitivity.WhatFlips(theCase, Dyad, period, Verdict.PatronClient) };

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be(SensitivityWriter.Schema).And.Be("influence.sensitivity/1");
        root.GetProperty("inputHash").GetString().Should().Be(NetworkCommandTests.ScoreHash());
        root.GetProperty("period").GetString().Should().Be("2024");
        root.GetProperty("notScored").ValueKind.Should().Be(JsonValueKind.Null);
        var ts = root.GetProperty("tornadoes").EnumerateArray().ToList();
        ts.Should().HaveCount(tornadoes.Length);
        for (var i = 0; i < ts.Count; i++)
        {
            ts[i].GetProperty("measure").GetString().Should().Be(tornadoes[i].Measure);
            Number(ts[i], "value").Should().Be(tornadoes[i].Value);
            var rows = ts[i].GetProperty("rows").EnumerateArray().ToList();
            rows.Should().HaveCount(tornadoes[i].Rows.Length);
            for (var j = 0; j < rows.Count; j++)
            {
                var r = tornadoes[i].Rows[j];
                rows[j].GetProperty("option").GetString().Should().Be(r.Option);
                Number(rows[j], "setting").Should().Be(r.Setting);
                Number(rows[j], "low").Should().Be(r.LowSetting);
                Number(rows[j], "high").Should().Be(r.HighSetting);
                Number(rows[j], "valueAtLow").Should().Be(r.ValueAtLow);
                Number(rows[j], "valueAtHigh").Should().Be(r.ValueAtHigh);
                Number(rows[j], "swing").Should().Be(r.Swing);
            }
        }

        var fs = root.GetProperty("flips").EnumerateArray().ToList();
        fs.Select(f => f.GetProperty("verdict").GetString()).Should().Equal("state", "patronClient");
        for (var i = 0; i < fs.Count; i++)
        {
            var f = flips[i];
            fs[i].GetProperty("current").GetString().Should().Be(f.Current);
            fs[i].GetProperty("rule").GetString().Should().Be(f.Rule);
            var evidence = fs[i].GetProperty("evidence");
            evidence.GetProperty("remove").EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Equal(f.EvidenceToRemove.Select(e => e.Id));
            evidence.GetProperty("remove").EnumerateArray().Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString()))
                .Should().Equal(f.EvidenceToRemove.Select(e => (e.From, e.To)));
            evidence.GetProperty("smallestSet").GetBoolean().Should().Be(f.IsSmallestSet);
            var options = fs[i].GetProperty("options").EnumerateArray().ToList();
            options.Select(o => o.GetProperty("option").GetString()).Should().Equal(f.OptionChanges.Select(o => o.Option));
            options.Select(o => o.GetProperty("to").GetDouble()).Should().Equal(f.OptionChanges.Select(o => o.To));
            options.Select(o => o.GetProperty("distance").GetDouble()).Should().Equal(f.OptionChanges.Select(o => o.Distance));
        }

        fs.Should().Contain(f => f.GetProperty("evidence").GetProperty("remove").GetArrayLength() > 0, "2024's verdicts rest on evidence that can be removed");
    }

    [Fact]
    public void Sensitivity_Json_SaysWhyAPeriodIsNotScored()
    {
        var (code, output, err) = Run("sensitivity", "--patron", "pakistan", "--client", "taliban", "--period", "1980", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("notScored").GetString().Should().Be("taliban did not exist in 1980 (it existed from 1994)");
        doc.RootElement.GetProperty("tornadoes")[0].GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        output.Should().NotContain("NaN");
    }
    [Fact]
    public void Trend_Json_HoldsTheHamedRaoCorrection_UnderNewKeys_OldKeysUnchanged()
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015", "--format", "json");
        var mk = Trends.Fit(Scores(2015), "patronShare", Dyad).MannKendall!;

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var json = doc.RootElement.GetProperty("mannKendall");
        json.EnumerateObject().Select(p => p.Name).Should().Equal(
            "points", "s", "varianceS", "z", "pValue", "exact", "tau", "senSlope", "senSlopeLow", "senSlopeHigh", "corrected");
        Number(json, "z").Should().Be(mk.Z);
        var c = json.GetProperty("corrected");
        c.GetProperty("method").GetString().Should().Be("hamedRao1998");
        Number(c, "factor").Should().Be(mk.Corrected.Factor).And.NotBeNull();
        c.GetProperty("significantLags").GetInt32().Should().Be(mk.Corrected.SignificantLags);
        Number(c, "varianceS").Should().Be(mk.Corrected.VarianceS);
        Number(c, "z").Should().Be(mk.Corrected.Z);
        Number(c, "pValue").Should().Be(mk.Corrected.PValue);
        c.GetProperty("undefined").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Trend_Text_ShowsTheCorrectedZAndP_AndSaysWhichToRead()
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015");
        var c = Trends.Fit(Scores(2015), "patronShare", Dyad).MannKendall!.Corrected;

        code.Should().Be(0, err);
        output.Should().Contain($"  corrected:      z = {Common.Number(c.Z!.Value, "0.00")}, two-sided {PValues.Format(c.PValue!.Value)} (Var(S) × {Common.Number(c.Factor!.Value, "0.00")} for autocorrelation, Hamed and Rao 1998;");
        output.Should().Contain("  window: patronShare rests on a trailing 5-year window, so consecutive values share evidence; the least-squares interval and the first p assume independent values: read the corrected p");
    }

    [Fact]
    public void Trend_Text_SaysWhyTheCorrectionIsUndefined()
    {
        // conflict of Pakistan → Taliban is 0 in every year 2015–2019: the detrended series is constant, its ranks all tied.
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--from", "2015", "--to", "2019");

        code.Should().Be(0, err);
        output.Should().Contain("  corrected:      undefined for autocorrelation (Hamed and Rao 1998): the series less Sen's slope is constant");
        output.Should().NotContain("NaN");
    }

    [Fact]
    public void ChangePoints_WarnsInTextAndJson_WhenSigmaIsTiny_AndMinSigmaSetsAFloor()
    {
        string[] args = ["changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--from", "2015"];
        var result = ChangePoints.Detect(Scores(2015), "conflict", Dyad, Period.FromYear(2015));

        var (code, text, err) = Run(args);
        var (jcode, json, jerr) = Run([.. args, "--format", "json"]);
        var (fcode, floored, ferr) = Run([.. args, "--min-sigma", "0.05"]);

        code.Should().Be(0, err);
        jcode.Should().Be(0, jerr);
        fcode.Should().Be(0, ferr);
        result.SmallNoiseWarning.Should().NotBeNull();
        text.Should().Contain("  warning: σ̂ = 0.000726 is below 1% of the series' range").And.Contain("(--min-sigma)");
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("smallNoiseWarning").GetString().Should().Be(result.SmallNoiseWarning);
        floored.Should().NotContain("warning:").And.Contain("floor 0.05").And.Contain("2 change points");

        // A tiny β is shown as it is, never as 0.0000; the floor, when the search used it, is named as what σ̂ is.
        text.Should().Contain("penalty β = 3·σ̂²·ln n = 3.93E-06").And.NotContain("= 0.0000");
        floored.Should().Contain("noise σ̂ = 0.0500 (the --min-sigma floor 0.05, above the MAD of first differences)");
        var (_, unfloored, _) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--min-sigma", "0.05");
        unfloored.Should().Contain("noise σ̂ = 0.1578 (MAD of first differences, above the --min-sigma floor 0.05)");
    }

    [Fact]
    public void ChangePoints_Json_WritesANullWarning_WhenSigmaIsNotSmall()
    {
        var (code, json, err) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "presence", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("smallNoiseWarning").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void ChangePoints_RejectsANonPositiveMinSigma()
    {
        var (code, _, err) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--min-sigma", "0");

        code.Should().NotBe(0);
        err.Should().Contain("--min-sigma must be a finite positive number; was '0'");
    }

    [Theory]
    [InlineData("trend")]
    [InlineData("changepoints")]
    public void ARangeInWhichTheDyadIsNeverScored_IsRefused_NamingThePartyThatDidNotExist(string command)
    {
        var (code, output, err) = Run(command, "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--from", "1973", "--to", "1993");

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Contain("pakistan → taliban is not scored anywhere in 1973–1993: taliban did not exist in 1973–1993 (it existed from 1994)");
    }

    [Fact]
    public void ChangePoints_BelowFourDefinedValues_SearchesNothing_AndSaysWhy()
    {
        var (code, output, _) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "gap", "--from", "2024", "--to", "2025");

        code.Should().Be(0);
        output.Should().Contain("fewer than 4 defined values: no change point can be searched for (a change point splits the series into two segments of at least 2 values each).");
        output.Should().NotContain("noise σ̂").And.NotContain("segments:");
    }
}
