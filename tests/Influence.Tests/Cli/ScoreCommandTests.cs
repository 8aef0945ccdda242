using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Influence.Evidence;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>P and C exchange in 2005 (0.8 and 0.35 weighted); scored 2004–2006 by default.</summary>
    private string SmallCase()
    {
        var b = TestCases.Builder()
            .AddDyad("X", "C")
            .Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8))
            .Add(TestCases.Support("back", TestCases.Year(2005), "C", "P", 0.5, Confidence.Reported));
        b.From = Period.FromYear(2004);
        b.To = Period.FromYear(2006);
        return _cli.Write(b.Build());
    }

    [Theory]
    [InlineData("score")]
    [InlineData("explain", "--period", "2005", "--measure", "agency")]
    [InlineData("counterfactual", "--without", "pakistan")]
    [InlineData("sensitivity", "--period", "2005")]
    public void AFactionAndItsOwnMovement_AreRefusedAsADyad_ByEveryCommand(string command, params string[] rest)
    {
        var (code, output, err) = CliRunner.Run([command, "--patron", "haqqani", "--client", "taliban", .. rest]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Be($"influence: dyad haqqani→taliban: 'haqqani' is part of 'taliban' (its parent), so what passes between them stays inside one movement and the dyad is never scored{Environment.NewLine}");
    }

    [Fact]
    public void Score_Json_FollowsTheScoresContract()
    {
        var (code, output, _) = CliRunner.Run("score", "--format", "json");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be("influence.scores/2");
        root.GetProperty("inputHash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        var period = root.GetProperty("dyads")[0].GetProperty("periods")[0];
        foreach (var f in new[] { "exchange", "asymmetry", "conflict", "diffuseObligation", "endurance" })
        {
            var entry = period.GetProperty("features").GetProperty(f);
            entry.TryGetProperty("value", out _).Should().BeTrue();
            entry.TryGetProperty("low", out _).Should().BeTrue();
            entry.TryGetProperty("high", out _).Should().BeTrue();
            entry.GetProperty("evidence").ValueKind.Should().Be(JsonValueKind.Number);
        }

        foreach (var m in new[] { "attainment", "compliance", "issueSpread", "counterReaction", "inputEfficiency", "presence", "presenceInfluenceGap", "clientAgency" })
        {
            period.GetProperty("influence").TryGetProperty(m, out _).Should().BeTrue(m);
        }

        period.TryGetProperty("accountBalance", out _).Should().BeTrue();
        period.TryGetProperty("state", out _).Should().BeTrue();
        period.GetProperty("stateRule").GetString().Should().NotBeNullOrEmpty();
        period.TryGetProperty("isPatronClient", out _).Should().BeTrue();
        period.TryGetProperty("patronClientMargin", out _).Should().BeTrue();
    }

    [Fact]
    public void Score_Json_ScoresEveryDeclaredDyad_OverTheCasesRange()
    {
        var (code, output, _) = CliRunner.Run("score", SmallCase(), "--format", "json");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var dyads = doc.RootElement.GetProperty("dyads");
        dyads.EnumerateArray().Select(d => $"{d.GetProperty("patron").GetString()}→{d.GetProperty("client").GetString()}").Should().Equal("P→C", "X→C");
        dyads[0].GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()).Should().Equal("2004", "2005", "2006");
        var exchange = dyads[0].GetProperty("periods")[1].GetProperty("features").GetProperty("exchange");
        exchange.GetProperty("value").GetDouble().Should().BeApproximately((1 - Math.Exp(-1.15)) * 2 * 0.35 / 1.15, 1e-12);
        exchange.GetProperty("evidence").GetInt32().Should().Be(2);
        dyads[1].GetProperty("periods")[1].GetProperty("features").GetProperty("exchange").GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Score_ScoresOneDyad_AtAnotherGranularity_OverAnotherRange()
    {
        var (code, output, _) = CliRunner.Run("score", SmallCase(), "--patron", "P", "--client", "C", "--granularity", "quarter", "--from", "2005", "--to", "2005Q2", "--format", "json");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("granularity").GetString().Should().Be("quarter");
        var dyads = doc.RootElement.GetProperty("dyads");
        dyads.GetArrayLength().Should().Be(1);
        dyads[0].GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()).Should().Equal("2005Q1", "2005Q2");
    }

    [Fact]
    public void Score_Csv_WritesAHeaderAndOneRowPerDyadAndPeriod()
    {
        var (code, output, _) = CliRunner.Run("score", SmallCase(), "--format", "csv");

        code.Should().Be(0);
        var lines = CsvRows.Parse(output);
        var header = lines[0];
        header[..6].Should().Equal("patron", "client", "period", "exchange", "exchange_low", "exchange_high");
        header[^8..].Should().Equal("isPatronClient", "patronClientMargin", "state", "notScored", "patronClientRule", "stateRule", "partial", "inputHash");
        lines.Should().HaveCount(1 + (2 * 3));
        lines.Skip(1).Should().AllSatisfy(l => l.Should().HaveCount(header.Length));
        var row2005 = lines[2];
        row2005[..3].Should().Equal("P", "C", "2005");
        double.Parse(row2005[3], CultureInfo.InvariantCulture).Should().BeApproximately((1 - Math.Exp(-1.15)) * 2 * 0.35 / 1.15, 1e-12);
        lines[4][3].Should().BeEmpty("X → C has no exchange: undefined is an empty cell");
        var column = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        lines[4][column["notScored"]].Should().BeEmpty("X → C is scored: its parties existed");
        lines[4][column["patronClientRule"]].Should().StartWith("undetermined:", "the rule says why the test is undecided");
        lines.Skip(1).Should().AllSatisfy(l => l[column["partial"]].Should().BeEmpty("the small case's evidence ends with its last year"));
    }

    [Fact]
    public void Score_Csv_EndsEveryRowWithTheInputHash_OfTheJsonForTheSameCase()
    {
        var path = SmallCase();
        var (code, csv, _) = CliRunner.Run("score", path, "--format", "csv");
        var (_, json, _) = CliRunner.Run("score", path, "--format", "json");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(json);
        var hash = doc.RootElement.GetProperty("inputHash").GetString();
        var lines = csv.TrimEnd('\n').Split('\n');
        lines[0].Should().EndWith(",state,notScored,patronClientRule,stateRule,partial,inputHash");
        lines.Skip(1).Should().AllSatisfy(l => l.Should().EndWith("," + hash));
        CliRunner.Run("score", path, "--format", "csv").Out.Should().Be(csv, "the same input gives the same bytes");
    }

    [Fact]
    public void Score_Table_PrintsOneTablePerDyad_WithTheLegend()
    {
        var (code, output, _) = CliRunner.Run("score", SmallCase());

        code.Should().Be(0);
        output.Should().Contain("Test case — input hash ");
        output.Should().Contain("P → C").And.Contain("X → C");
        output.Should().Contain("period").And.Contain("exch").And.Contain("confl").And.Contain("state");
        output.Should().Contain("2005").And.Contain("0.42", "2005's exchange is 0.416");
        output.ReplaceLineEndings(" ").Should().Contain("– undefined (a measure: too little evidence in its window, which 'influence explain' names; P–C: undetermined; state: unobserved)", "the legend is wrapped at the table's width");
        output.Should().NotContain("\u001b[", "no escape codes without a terminal");
    }

    [Fact]
    public void Score_Table_FoldsARunOfPeriodsWithNothingDefined_IntoOneRow()
    {
        var b = TestCases.Builder()
            .Add(TestCases.Support("give", TestCases.Year(2006), "P", "C", 0.8))
            .Add(TestCases.Support("back", TestCases.Year(2006), "C", "P", 0.5));
        b.From = Period.FromYear(2002);
        b.To = Period.FromYear(2007);

        var (code, output, _) = CliRunner.Run("score", _cli.Write(b.Build()));

        code.Should().Be(0);
        var lines = output.Split('\n').Select(l => l.Trim()).ToArray();
        lines.Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).Select(l => l.Split(' ')[0])
            .Should().Equal(["2002–2005", "2006", "2007"], "nothing is defined before the first evidence, in 2006");
        lines.Single(l => l.StartsWith("2002–2005", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Should().HaveCount(13).And.OnlyContain(c => c == "–");
        string.Join(' ', lines).Should().Contain("a range of periods is a run in which nothing is defined");
        output.Should().NotContain("not scored,", "every party existed throughout: the run is one without evidence");
    }

    [Fact]
    public void Score_Table_FoldsThePeriodsAfterTheEvidence_IntoOneNotScoredRow()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--granularity", "month", "--from", "2025-11", "--to", "2026-12");

        code.Should().Be(0);
        var rows = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("2026-", StringComparison.Ordinal) && !l.Contains(": not scored", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(3, "2026-01, 2026-02 and one row for 2026-03–2026-12");
        rows[^1].Should().StartWith("2026-03–2026-12").And.Contain("not scored");
    }

    [Fact]
    public void Score_ADyadOptionTheParserCouldNotRead_IsNotAlsoReportedAsUnpaired()
    {
        var (code, _, err) = CliRunner.Run("score", "--patron", "pakistan", "--patron", "iran", "--client", "taliban");

        code.Should().Be(2);
        err.Should().Contain("--patron takes one value and was given 2").And.NotContain("give both --patron and --client");
    }

    [Fact]
    public void Score_Table_MarksARunInWhichAPartyDidNotExist_AsNotScored_AndNamesWhy()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "1990", "--to", "1995");

        code.Should().Be(0);
        var run = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("1990–1993", StringComparison.Ordinal));
        run.Should().Contain("not scored", "these years are not scored, which is not the same as undefined");
        string.Join(' ', output.Split('\n').Select(l => l.Trim()))
            .Should().Contain("pakistan → taliban, 1990–1993: not scored, as taliban did not exist in 1990–1993 (it existed from 1994).");
    }

    [Fact]
    public void Score_Table_FoldsThePeriodsBeforeAPartyExisted_AlsoWithIntervals()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "1990", "--to", "1995", "--intervals", "20");

        code.Should().Be(0);
        // The interval lines under the periods start with a value, not a period: leave them out.
        var rows = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 4 && l[..4].All(char.IsAsciiDigit)).Select(l => l.Split(' ')[0]);
        rows.Should().Equal("1990–1993", "1994", "1995");
    }

    [Fact]
    public void Score_Out_WritesTheFileWhole_AndNothingToStandardOutput()
    {
        var path = SmallCase();
        var target = _cli.PathOf("scores.json");
        File.WriteAllText(target, "old content");

        var (code, output, err) = CliRunner.Run("score", path, "--format", "json", "--out", target);

        code.Should().Be(0);
        output.Should().BeEmpty();
        err.Should().Be($"wrote {target}{Environment.NewLine}");
        File.ReadAllText(target).Should().Be(CliRunner.Run("score", path, "--format", "json").Out, "the file holds exactly what standard output would");
        Directory.GetFiles(_cli.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(["case.json", "scores.json"], "no temporary file is left");
    }

    [Fact]
    public void Score_Out_IntoAMissingFolder_IsAUsageError_AndWritesNothing()
    {
        var target = Path.Combine(_cli.Folder, "missing", "scores.json");

        var (code, _, err) = CliRunner.Run("score", SmallCase(), "--out", target);

        code.Should().Be(2);
        err.Should().Contain("does not exist");
        Directory.Exists(Path.Combine(_cli.Folder, "missing")).Should().BeFalse();
    }

    [Fact]
    public void Score_Out_LeavesAnExistingFileUntouched_WhenTheCaseIsInvalid()
    {
        var bad = _cli.PathOf("bad.json");
        File.WriteAllText(bad, """{"schema":"influence.case/1","id":"x","name":"x","sources":[],"actors":[],"evidence":[{"id":"e"}]}""");
        var target = _cli.PathOf("scores.json");
        File.WriteAllText(target, "old content");

        var (code, _, err) = CliRunner.Run("score", bad, "--out", target);

        code.Should().Be(1);
        err.Should().Contain("$.evidence[0]").And.Contain("nothing was scored");
        File.ReadAllText(target).Should().Be("old content");
    }

    [Fact]
    public void Score_IsDeterministic_ByteForByte()
    {
        var path = SmallCase();

        CliRunner.Run("score", path, "--format", "json").Out.Should().Be(CliRunner.Run("score", path, "--format", "json").Out);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--granularity", "decade")]
    [InlineData("--from", "19x6")]
    [InlineData("--patron", "P")]
    [InlineData("--patron", "P", "--client", "nobody")]
    [InlineData("--patron", "P", "--client", "P")]
    [InlineData("--from", "2006", "--to", "2004")]
    [InlineData("--no-such-option")]
    public void Score_ExitsWithUsageCode_OnWrongUsage(params string[] args)
    {
        var (code, output, err) = CliRunner.Run(["score", SmallCase(), .. args]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().StartWith("influence: ");
    }

    [Fact]
    public void Score_ExitsWithDataCode_WhenTheCaseFileIsMissing()
    {
        var (code, _, err) = CliRunner.Run("score", _cli.PathOf("nope.json"));

        code.Should().Be(1);
        err.Should().Contain("no case file at");
    }

    [Fact]
    public void Score_SaysHowToNameADyad_WhenTheCaseDeclaresNone()
    {
        var path = _cli.Write(TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5)).Build().WithDyads([]), "nodyads.json");

        var (code, output, err) = CliRunner.Run("score", path);

        code.Should().Be(2, "the case is valid: the command line must name the dyad");
        output.Should().BeEmpty();
        err.Should().Be($"influence: the case declares no dyads: declare them in the case's \"dyads\" or give --patron and --client{Environment.NewLine}");
        CliRunner.Run("score", path, "--patron", "P", "--client", "C").Code.Should().Be(0);
    }

    [Fact]
    public void Score_Table_RoundsVerdictShares_SoThatTheyAddToAtMost100()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "1996", "--to", "2001", "--intervals", "200");

        code.Should().Be(0);
        var pairs = System.Text.RegularExpressions.Regex.Matches(output, @"\((\d+)%; [a-z]+ (\d+)%\)");
        pairs.Should().NotBeEmpty();
        pairs.Should().AllSatisfy(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).Should().BeLessThanOrEqualTo(100, m.Value));
    }

    [Fact]
    public void Score_Table_WithIntervals_GivesEachValuesInterval_OnTheLineUnderItsPeriod()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "1996", "--to", "1997", "--intervals", "20");

        code.Should().Be(0);
        var lines = output.Split('\n');
        var row = Array.FindIndex(lines, l => l.TrimStart().StartsWith("1996 ", StringComparison.Ordinal));
        var values = lines[row].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^−?\d\.\d\d$")).ToList();
        var intervals = lines[row + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        intervals.Should().HaveCount(11, "every value of 1996 is defined and has an interval from the draws; the verdicts have their shares instead")
            .And.OnlyContain(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^−?\d\.\d\d…−?\d\.\d\d$"));
        static double Read(string x) => double.Parse(x.Replace('−', '-'), CultureInfo.InvariantCulture);
        values.Zip(intervals).Should().AllSatisfy(x =>
        {
            var ends = x.Second.Split('…');
            Read(ends[0]).Should().BeLessThanOrEqualTo(Read(x.First), x.Second);
            Read(ends[1]).Should().BeGreaterThanOrEqualTo(Read(x.First), x.Second);
        });
        lines[row + 2].TrimStart().Should().StartWith("1997 ");
        lines.Should().OnlyContain(l => l.Length <= 200, "the table keeps to the width it had");
        output.Should().Contain("the line under a period gives each value's 90% interval");
        CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "1996", "--to", "1997").Out
            .Should().NotMatchRegex(@"\d\.\d\d…", "without draws the table is as before: no interval lines");
    }

    [Fact]
    public void Score_LongCsv_WritesOneRowPerDyadPeriodAndMeasure_AsTheLibraryDoes()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2024", "--to", "2026", "--format", "long-csv");

        code.Should().Be(0);
        var rows = CsvRows.Parse(output);
        rows[0].Should().Equal("patron", "client", "period", "measure", "value", "low", "high", "partial", "notScored", "inputHash");
        var scores = Influence.Scoring.Scorer.Score(Influence.IO.CaseReader.LoadBuiltIn(), null, new Influence.Scoring.ScoringRequest { Dyads = [new("pakistan", "taliban")], From = Period.FromYear(2024), To = Period.FromYear(2026) });
        output.Should().Be(Influence.IO.ScoreWriter.ToLongCsv(scores));
        rows.Skip(1).Should().HaveCount(3 * scores.Measures.Length);
        rows.Skip(1).Where(r => r[3] == "exchange").Select(r => r[5] + r[6]).Should().OnlyContain(x => x.Length == 0, "without --intervals no interval was computed");
    }

    [Fact]
    public void Score_Table_MarksThePeriodInsideWhichTheEvidenceEnds_AndTrendAndChangePointsSaySo()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2024");
        var earlier = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2020", "--to", "2025").Out;
        const string Note = "the case's evidence ends on 2026-02-28, inside 2026: that period's values rest on part of it only (what came later is not in the case).";

        code.Should().Be(0);
        output.Should().Contain("  2026† ").And.Contain("† " + Note[..60]);
        earlier.Should().NotContain("†", "the range stops before the period the evidence ends in");
        CliRunner.Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--from", "2015").Out.Should().Contain("  note: " + Note);
        CliRunner.Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict").Out.Should().Contain("  note: " + Note);
        CliRunner.Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--to", "2025").Out.Should().NotContain("note:");

        var csv = CsvRows.Parse(CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--format", "csv").Out);
        var partial = Array.IndexOf(csv[0], "partial");
        csv.Skip(1).Where(r => r[partial] == "true").Select(r => r[2]).Should().Equal("2026");
        csv.Skip(1).Where(r => r[partial] != "true").Should().OnlyContain(r => r[partial] == string.Empty);
        using var json = System.Text.Json.JsonDocument.Parse(CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--format", "json").Out);
        json.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28");
    }

    [Fact]
    public void Score_Table_NamesTheCommonestOtherVerdict_WhereThePointsHasUnder60PercentOfTheDraws()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "1996", "--to", "2026", "--intervals", "200");

        code.Should().Be(0);
        var alone = System.Text.RegularExpressions.Regex.Matches(output, @"[a-z] \((\d+)%\)");
        var pairs = System.Text.RegularExpressions.Regex.Matches(output, @"\((\d+)%; [a-z]+ (\d+)%\)");
        alone.Should().NotBeEmpty();
        pairs.Should().NotBeEmpty();
        alone.Should().AllSatisfy(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(60, m.Value));
        pairs.Should().AllSatisfy(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(60, m.Value));
    }

    [Theory]
    [InlineData(new[] { 0.145, 0.855, 0.0 }, new[] { 14, 86, 0 })]
    [InlineData(new[] { 0.295, 0.705, 0.0 }, new[] { 29, 71, 0 })]
    [InlineData(new[] { 0.475, 0.525 }, new[] { 47, 53 })]
    [InlineData(new[] { 0.495, 0.505 }, new[] { 49, 51 })]
    [InlineData(new[] { 0.505, 0.495 }, new[] { 51, 49 })]
    [InlineData(new[] { 0.144, 0.851, 0.005 }, new[] { 14, 85, 1 })]
    [InlineData(new[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, new[] { 34, 33, 33 })]
    public void Percentages_AddTo100_ByLargestRemainder(double[] shares, int[] expected)
    {
        var percent = Influence.Cli.Commands.Common.Percentages(shares);

        percent.Should().Equal(expected);
        percent.Sum().Should().Be(100);
    }

    [Fact]
    public void Score_Table_PrintsTypographicMinusSigns_AndNoNegativeZero()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "2004", "--to", "2005");

        code.Should().Be(0);
        output.Should().Contain("\u22120.13", "the presence–influence gap of 2004 is negative").And.NotContain("-0.");
        Influence.Cli.Commands.Common.Format(-0.0047).Should().Be("0.00");
        Influence.Cli.Commands.Common.Format(-0.005).Should().Be("\u22120.01");
        Influence.Cli.Commands.Common.Signed(-0.00001, "0.0000").Should().Be("0.0000");
        Influence.Cli.Commands.Common.Signed(0.25, "0.00").Should().Be("+0.25");
        Influence.Cli.Commands.Common.Number(-65L).Should().Be("\u221265");
    }

    [Fact]
    public void Score_Table_WrapsTheLegendBetweenEntries()
    {
        var (code, output, _) = CliRunner.Run("score", SmallCase());

        code.Should().Be(0);
        var lines = output.Split(Environment.NewLine);
        var legend = lines.SkipWhile(l => !l.StartsWith("exch exchange", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("Values", StringComparison.Ordinal)).ToList();
        legend.Should().HaveCountGreaterThan(1).And.AllSatisfy(l => l.Length.Should().BeLessThanOrEqualTo(120));
        legend.SkipLast(1).Should().AllSatisfy(l => l.Should().EndWith(","));
        string.Join(" ", legend).Should().Be("exch exchange, asym power asymmetry, confl conflict, diffuse diffuse obligation, endur endurance, P–C the patron–client test, attain attainment, compl compliance, gap presence–influence gap, agency client agency, share patron share.");
    }

    [Fact]
    public void Score_Table_Legend_GivesTheScales_AndTheDocsOnline()
    {
        var (code, output, _) = CliRunner.Run("score", SmallCase());

        code.Should().Be(0);
        var lines = output.Split(Environment.NewLine);
        var notes = string.Join(" ", lines.SkipWhile(l => !l.StartsWith("Values", StringComparison.Ordinal)));
        notes.Should().StartWith("Values are in [0, 1], gap (presence − influence) in [−1, 1]; --format json and csv add the other measures (signed ones in [−1, 1], alternative patrons a count).");
        notes.Should().Contain("https://github.com/influence-research/influence/blob/main/docs/measures.md").And.NotContain("(docs/", "an installed tool has no docs folder");

        // Every signed measure the table shows is the gap; every other column is in [0, 1].
        var signed = Influence.Theory.Measures.BuiltIn.Where(m => m.Scale == Influence.Theory.MeasureScale.Signed).Select(m => m.Name);
        signed.Should().Contain("presenceInfluenceGap").And.NotContain(["exchange", "asymmetry", "conflict", "diffuseObligation", "endurance", "attainment", "compliance", "presence", "clientAgency", "patronShare"]);
    }

    [Fact]
    public void Wrap_KeepsEveryLineWithinTheWidth_ItsTrailingCommaIncluded()
    {
        // "aaaa, bbbb" is 10 characters: with its comma a wrapped first line would be 11; the last line needs no comma.
        var lines = Influence.Cli.Commands.ScoreCommand.Wrap(["aaaa", "bbbb", "cccc"], ", ", 10).ToList();

        lines.Should().Equal("aaaa,", "bbbb, cccc");
        Influence.Cli.Commands.ScoreCommand.Wrap(["aaaa", "bbb"], ", ", 9).Should().Equal("aaaa, bbb");
    }

    [Fact]
    public void Score_ExitsWithDataCode_OnInvalidCase()
    {
        var bad = _cli.PathOf("bad.json");
        File.WriteAllText(bad, """{"schema":"influence.case/1","id":"x","name":"x","sources":[],"actors":[],"evidence":[{"id":"e"}]}""");

        var (code, _, err) = CliRunner.Run("score", bad);

        code.Should().Be(1);
        err.Should().Contain("$.evidence[0]").And.Contain("nothing was scored");
    }
}
