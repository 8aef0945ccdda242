using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// The score writers' intervals (empty or null where none was computed) and the long CSV, on the built-in case's
/// Pakistan → Taliban dyad, 2024–2026 (2026 is partial: the evidence ends on 2026-02-28).
/// </summary>
public class ScoreWriterIntervalTests
{
    private static readonly Case BuiltIn = CaseReader.LoadBuiltIn();
    private static readonly Dyad PakistanTaliban = new("pakistan", "taliban");

    private static ScoreSet Point() =>
        Scorer.Score(BuiltIn, ScoringOptions.Default, new ScoringRequest { Dyads = [PakistanTaliban], From = Period.FromYear(2024), To = Period.FromYear(2026) });

    private static ScoreSet Drawn() => Intervals.Compute(Point(), new IntervalOptions { Draws = 20, Seed = 1 });

    private static Dictionary<string, string> Row(string csv, int row)
    {
        var lines = csv.Split('\n');
        var header = lines[0].Split(',');
        var cells = lines[row].Split(','); // the columns read here come before the first rule, which holds commas
        return header.Zip(cells).Take(Math.Min(header.Length, cells.Length)).ToDictionary(x => x.First, x => x.Second);
    }

    [Fact]
    public void Csv_LeavesTheIntervalEmpty_WhereNoneWasComputed()
    {
        var row = Row(ScoreWriter.ToCsv(Point()), 1); // 2024

        row["exchange"].Should().Be("0.4745759115411063");
        row["exchange_low"].Should().BeEmpty("no interval was computed: writing the value there would read as certainty");
        row["exchange_high"].Should().BeEmpty();
        row["inputEfficiency_low"].Should().Be("-0.01936601390665337", "input efficiency has its own regression interval without draws");
        row["inputEfficiency_high"].Should().Be("0.3895190372296627");
        row["counterReaction"].Should().BeEmpty();
        row["counterReaction_low"].Should().BeEmpty();
    }

    [Fact]
    public void Csv_WritesTheIntervalFromDraws()
    {
        var scores = Drawn();
        var row = Row(ScoreWriter.ToCsv(scores), 1);
        var m = scores.MeasureIndexOf("exchange");

        scores.HasInterval(m, 0, 0).Should().BeTrue();
        row["exchange_low"].Should().Be(ScoreWriter.Number(scores.Get(m, 0, 0).Low)).And.NotBeEmpty();
        row["exchange_high"].Should().Be(ScoreWriter.Number(scores.Get(m, 0, 0).High)).And.NotBeEmpty();
    }

    [Fact]
    public void Json_WritesNullBounds_WhereNoIntervalWasComputed_AsTheCsvLeavesThemEmpty()
    {
        using var doc = JsonDocument.Parse(ScoreWriter.ToJson(Point(), evidenceCounts: false));
        var root = doc.RootElement;
        var period = root.GetProperty("dyads")[0].GetProperty("periods")[0];
        var exchange = period.GetProperty("features").GetProperty("exchange");
        var efficiency = period.GetProperty("influence").GetProperty("inputEfficiency");

        root.GetProperty("schema").GetString().Should().Be("influence.scores/2");
        exchange.GetProperty("value").GetDouble().Should().Be(0.4745759115411063);
        exchange.GetProperty("low").ValueKind.Should().Be(JsonValueKind.Null);
        exchange.GetProperty("high").ValueKind.Should().Be(JsonValueKind.Null);
        efficiency.GetProperty("low").GetDouble().Should().Be(-0.01936601390665337);
        efficiency.GetProperty("high").GetDouble().Should().Be(0.3895190372296627);
    }

    [Fact]
    public void Json_WritesTheBoundsFromDraws()
    {
        var scores = Drawn();
        using var doc = JsonDocument.Parse(ScoreWriter.ToJson(scores, evidenceCounts: false));
        var exchange = doc.RootElement.GetProperty("dyads")[0].GetProperty("periods")[0].GetProperty("features").GetProperty("exchange");
        var expected = scores.Get(scores.MeasureIndexOf("exchange"), 0, 0);

        exchange.GetProperty("low").GetDouble().Should().Be(expected.Low!.Value);
        exchange.GetProperty("high").GetDouble().Should().Be(expected.High!.Value);
    }

    [Fact]
    public void LongCsv_HasOneRowPerDyadPeriodAndMeasure_InThatOrder()
    {
        var scores = Point();
        var lines = ScoreWriter.ToLongCsv(scores).Split('\n');

        lines[0].Should().Be("patron,client,period,measure,value,low,high,partial,notScored,inputHash");
        lines[^1].Should().BeEmpty("the file ends with a line end");
        lines.Length.Should().Be(2 + (3 * scores.Measures.Length));
        lines[1].Should().Be($"pakistan,taliban,2024,{scores.Measures[0].Name},0.4745759115411063,,,,,{scores.InputHash}");
        lines.Skip(1).SkipLast(1).Select(l => l.Split(',')[2]).Distinct().Should().Equal("2024", "2025", "2026");
        lines.Skip(1).Take(scores.Measures.Length).Select(l => l.Split(',')[3]).Should().Equal(scores.Measures.Select(m => m.Name));
    }

    [Fact]
    public void LongCsv_WritesValueAndInterval_EmptyWhereUndefinedOrNotComputed_AndMarksThePartialPeriod()
    {
        var scores = Point();
        var rows = ScoreWriter.ToLongCsv(scores).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

        rows.Single(r => r[2] == "2024" && r[3] == "inputEfficiency")[4..8].Should().Equal("0.18507651166150468", "-0.01936601390665337", "0.3895190372296627", "");
        rows.Single(r => r[2] == "2024" && r[3] == "counterReaction")[4..8].Should().Equal("", "", "", "");
        rows.Single(r => r[2] == "2024" && r[3] == "exchange")[5..7].Should().Equal("", "");
        rows.Where(r => r[2] == "2026").Should().OnlyContain(r => r[7] == "true", "the evidence ends inside 2026");
        rows.Where(r => r[2] != "2026").Should().OnlyContain(r => r[7] == "");
        rows.Should().OnlyContain(r => r.Length == 10 && r[8] == "" && r[9] == scores.InputHash, "every period here is scored");
    }

    [Fact]
    public void LongCsv_SaysWhyAPeriodIsNotScored_SoItsEmptyValuesAreNotReadAsUndefined()
    {
        // 1993: the Taliban did not exist yet (from 1994), so nothing is scored; 1996: scored, and counterReaction is
        // undefined there. Both have an empty value; only notScored tells them apart, as in the wide CSV.
        var scores = Scorer.Score(BuiltIn, ScoringOptions.Default, new ScoringRequest { Dyads = [PakistanTaliban], From = Period.FromYear(1993), To = Period.FromYear(1996) });
        var lines = ScoreWriter.ToLongCsv(scores).Split('\n');
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var notScored = Array.IndexOf(header, "notScored");

        notScored.Should().Be(8, "the new column comes after every column that was there before, and before inputHash");
        rows.Where(r => r[2] == "1993").Should().HaveCount(scores.Measures.Length)
            .And.OnlyContain(r => r[4] == "" && r[notScored] == "taliban did not exist in 1993 (it existed from 1994)");
        rows.Where(r => r[2] == "1996").Should().OnlyContain(r => r[notScored] == "");
        rows.Should().Contain(r => r[2] == "1996" && r[4] == "", "an undefined value in a scored period: empty value, empty notScored");
        rows.Select(r => r[notScored]).Should().Equal(
            rows.Select((_, i) => scores.InactiveReason(0, i / scores.Measures.Length) ?? ""),
            "each row's reason is the one the wide CSV gives its period");
    }

    [Fact]
    public void LongCsv_WithDraws_WritesEachIntervalAsTheScoreSetHoldsIt()
    {
        var scores = Drawn();
        var rows = ScoreWriter.ToLongCsv(scores).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

        var i = 0;
        for (var p = 0; p < scores.PeriodCount; p++)
        {
            for (var m = 0; m < scores.Measures.Length; m++, i++)
            {
                var s = scores.Get(m, 0, p);
                var has = scores.HasInterval(m, 0, p);
                rows[i][4..7].Should().Equal(ScoreWriter.Number(s.Value), has ? ScoreWriter.Number(s.Low) : "", has ? ScoreWriter.Number(s.High) : "");
            }
        }

        rows.Should().Contain(r => r[5].Length > 0 && r[5] != r[4], "draws give intervals that are wider than the value");
    }

    [Fact]
    public void WriteLongCsv_IsWhatToLongCsvGives_AndRejectsNull()
    {
        var scores = Point();
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        ScoreWriter.WriteLongCsv(scores, w);

        w.ToString().Should().Be(ScoreWriter.ToLongCsv(scores));
        ((Action)(() => ScoreWriter.WriteLongCsv(null!, w))).Should().Throw<ArgumentNullException>().WithParameterName("scores");
        ((Action)(() => ScoreWriter.WriteLongCsv(scores, null!))).Should().Throw<ArgumentNullException>().WithParameterName("writer");
    }
}
