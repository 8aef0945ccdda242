using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Influence.Cases;
using Influence.Cli.Commands;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// trend and changepoints over a range that holds the period inside which the case's evidence ends (2026 in the
/// reference case, whose evidence ends on 2026-02-28): the fit still includes it (the published figures), and the
/// outputs say so and give the fit without it; and trend says how far back the measure's values reach, and how many
/// of the items they read span more than one period, so which p to read. Every figure is computed here with the
/// library, not copied.
/// </summary>
public sealed class TrendPartialPeriodTests
{
    private static readonly Dyad Dyad = new("pakistan", "taliban");

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private static ScoreSet Scores(Granularity granularity = Granularity.Year) => Scorer.Score(
        CaseReader.LoadBuiltIn(),
        ScoringOptions.Default,
        new ScoringRequest { Dyads = [Dyad], Granularity = granularity });

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    [Fact]
    public void Trend_Text_SaysTheFitIncludesThePartialPeriod_AndGivesTheFitOfTheRangeEndingThePeriodBefore()
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015");
        var scores = Scores();
        var with = Trends.Fit(scores, "patronShare", Dyad, Period.FromYear(2015));
        var without = Trends.Fit(scores, "patronShare", Dyad, Period.FromYear(2015), Period.FromYear(2025));
        var mk = without.MannKendall!;

        code.Should().Be(0, err);
        with.To.Should().Be(Period.FromYear(2026), "by default the fit runs to the dyad's last scored year, the partial one");
        Common.Signed(with.Slope!.Value, "0.0000").Should().NotBe(Common.Signed(without.Slope!.Value, "0.0000"), "the review's case: −0.0419 with 2026, −0.0315 without");
        output.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"  least squares:  slope {Common.Signed(with.Slope!.Value, "0.0000")} per year"), "the default fit is unchanged");
        output.Should().Contain(
            $"  the fit above includes the partial period 2026; without it ({without.Points} of {without.Points + 1} periods defined): " +
            $"least-squares slope {Common.Signed(without.Slope!.Value, "0.0000")} per year, 90% interval [{Common.Signed(without.SlopeLow!.Value, "0.0000")}, {Common.Signed(without.SlopeHigh!.Value, "0.0000")}]; " +
            $"Mann–Kendall two-sided {PValues.Format(mk.PValue!.Value)}, corrected {PValues.Format(mk.Corrected.PValue!.Value)}; Sen's slope {Common.Signed(mk.SenSlope, "0.0000")} per year.");
    }

    [Fact]
    public void Trend_Json_CarriesEvidenceEnds_ThePartialPeriod_AndTheFitWithoutIt()
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015", "--format", "json");
        var scores = Scores();
        var without = Trends.Fit(scores, "patronShare", Dyad, Period.FromYear(2015), Period.FromYear(2025));

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be("influence.trend/1", "the keys are added, none changed");
        root.GetProperty("evidenceEnds").GetString().Should().Be(scores.EvidenceEnds!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).And.Be("2026-02-28");
        root.GetProperty("partialPeriod").GetString().Should().Be("2026");
        scores.IsPartial(scores.RequirePeriod(Period.FromYear(2026))).Should().BeTrue();
        root.GetProperty("to").GetString().Should().Be("2026", "the fit includes it");
        var w = root.GetProperty("withoutPartialPeriod");
        w.GetProperty("points").GetInt32().Should().Be(without.Points);
        w.GetProperty("skipped").GetInt32().Should().Be(without.Skipped + 1, "2026 is left out, counted as skipped");
        var ls = w.GetProperty("leastSquares");
        Number(ls, "slope").Should().Be(without.Slope).And.NotBe(Number(root.GetProperty("leastSquares"), "slope"));
        Number(ls, "slopeLow").Should().Be(without.SlopeLow);
        Number(ls, "slopeHigh").Should().Be(without.SlopeHigh);
        Number(ls, "intercept").Should().Be(without.Intercept);
        Number(ls, "rSquared").Should().Be(without.RSquared);
        var mk = w.GetProperty("mannKendall");
        mk.GetProperty("s").GetInt64().Should().Be(without.MannKendall!.S);
        Number(mk, "pValue").Should().Be(without.MannKendall.PValue);
        Number(mk, "senSlope").Should().Be(without.MannKendall.SenSlope);
        Number(mk.GetProperty("corrected"), "pValue").Should().Be(without.MannKendall.Corrected.PValue);
    }

    [Fact]
    public void Trend_Json_WritesNullPartialPeriod_AndNoFitWithoutIt_WhenTheRangeEndsBeforeIt()
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015", "--to", "2025", "--format", "json");
        var (tcode, text, terr) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015", "--to", "2025");

        code.Should().Be(0, err);
        tcode.Should().Be(0, terr);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28");
        doc.RootElement.GetProperty("partialPeriod").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("withoutPartialPeriod").ValueKind.Should().Be(JsonValueKind.Null);
        text.Should().NotContain("partial");
    }

    [Theory]
    [InlineData("patronShare", "year", 5.0, 5, false)]
    [InlineData("exchange", "year", 5.0, 5, false)]
    [InlineData("conflict", "year", 1.0, 1, false)]
    [InlineData("presence", "year", 1.0, 1, false)]
    [InlineData("conflict", "quarter", 1.0, 4, false)]
    [InlineData("endurance", "year", 10.0, 10, true)]
    [InlineData("accountBalance", "year", null, null, true)]
    public void Trend_Json_SaysHowFarBackTheMeasureReaches_AndWhichPToRead(string measure, string granularity, double? years, int? periods, bool history)
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", measure, "--granularity", granularity, "--format", "json");
        var scores = Scores(granularity == "year" ? Granularity.Year : Granularity.Quarter);
        var trend = Trends.Fit(scores, measure, Dyad);
        var window = MeasureWindow.Of(scores, measure, Dyad, trend.From, trend.To);

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Number(root, "windowYears").Should().Be(years);
        Number(root, "windowPeriods").Should().Be(periods);
        root.GetProperty("carriesHistory").GetBoolean().Should().Be(history);
        root.GetProperty("itemsRead").GetInt32().Should().Be(window.ItemsRead).And.BePositive();
        root.GetProperty("spanningItems").GetInt32().Should().Be(window.SpanningItems);
        root.GetProperty("readPValue").GetString().Should().Be(
            "mannKendall.corrected.pValue",
            "a window of more than one period, history carried, or (conflict and presence by year) spans that count in several years");
    }

    [Theory]
    [InlineData("conflict", null)]
    [InlineData("presence", null)]
    [InlineData("conflict", 2010)]
    public void Trend_Text_WhenTheWindowIsTheYearItself_CountsTheItemsThatSpanYears_AndSaysToReadTheCorrectedP(string measure, int? from)
    {
        string[] range = from is { } y ? ["--from", y.ToString(CultureInfo.InvariantCulture)] : [];
        var (code, output, err) = Run(["trend", "--patron", "pakistan", "--client", "taliban", "--measure", measure, .. range]);
        var scores = Scores();
        var trend = Trends.Fit(scores, measure, Dyad, from is { } f ? Period.FromYear(f) : null);
        var window = MeasureWindow.Of(scores, measure, Dyad, trend.From, trend.To);

        code.Should().Be(0, err);
        window.SpanningItems.Should().BePositive("the reference case codes most post-2021 presence and conflict as multi-year spans");
        output.Should().Contain(
            $"  window: {measure} rests on a trailing 1-year window, the year itself, but {window.SpanningItems} of the {window.ItemsRead} items it reads over {trend.From}–{trend.To} span more than one year " +
            "(a span counts in every year it covers), so consecutive values can rest on the same items; the least-squares interval and the first p assume independent values: read the corrected p, and take the intervals as too narrow.");
    }

    [Fact]
    public void Trend_Presence_TheReviewsCase_2022And2023RestOnTheSameSpans()
    {
        // The review's reproduction: explain lists the same span items for 2022 and 2023, so the two values are not
        // independent, and trend must not advise the classic p.
        var scores = Scores();
        var items2022 = Explainer.Explain(scores, Dyad, Period.FromYear(2022), "presence").Contributions.Select(c => c.EvidenceId).ToHashSet();
        var items2023 = Explainer.Explain(scores, Dyad, Period.FromYear(2023), "presence").Contributions.Select(c => c.EvidenceId).ToHashSet();
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", "presence", "--format", "json");

        code.Should().Be(0, err);
        items2022.Should().NotBeEmpty().And.BeEquivalentTo(items2023);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("readPValue").GetString().Should().Be("mannKendall.corrected.pValue");
    }

    [Fact]
    public void TheDocs_QuoteTheSpanCountsTheLibraryComputes()
    {
        // docs/time-series.md quotes presence's counts and explain's 2022 items; docs/output-format.md's trend JSON
        // example (patronShare from 2015) quotes itemsRead and spanningItems.
        var scores = Scores();
        var presence = Trends.Fit(scores, "presence", Dyad);
        var p = MeasureWindow.Of(scores, "presence", Dyad, presence.From, presence.To);
        var share = Trends.Fit(scores, "patronShare", Dyad, Period.FromYear(2015));
        var s = MeasureWindow.Of(scores, "patronShare", Dyad, share.From, share.To);
        var items2022 = Explainer.Explain(scores, Dyad, Period.FromYear(2022), "presence").Contributions.Length;
        static string Page(string name) => System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Repository.PathOf("docs", name)), @"\s+", " ");

        Page("time-series.md").Should()
            .Contain($"lists the same {items2022} span items for 2022 and for 2023")
            .And.Contain($"presence's trend says that {p.SpanningItems} of the {p.ItemsRead} items it reads over {presence.From}–{presence.To} span more than one year");
        Page("output-format.md").Should().Contain($"\"itemsRead\": {s.ItemsRead}, \"spanningItems\": {s.SpanningItems},");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Trend_Text_OnABuiltCase_AdvisesTheClassicPOnlyWhenNoItemSpansAYear(bool withSpan)
    {
        using var cli = new CliRunner();
        var @case = Influence.Tests.TimeSeries.MeasureWindowTests.Yearly(withSpan ? TestCases.Years(2003, 2005) : null);
        var path = cli.Write(@case);
        var scores = TestCases.Score(@case);
        var trend = Trends.Fit(scores, "presence", TestCases.PC);
        var window = MeasureWindow.Of(scores, "presence", TestCases.PC, trend.From, trend.To);
        var (code, output, err) = Run("trend", path, "--patron", "P", "--client", "C", "--measure", "presence");

        code.Should().Be(0, err);
        (window.ItemsRead, window.SpanningItems).Should().Be(withSpan ? (12, 1) : (11, 0));
        output.Should().Contain(withSpan
            ? $"  window: presence rests on a trailing 1-year window, the year itself, but 1 of the 12 items it reads over {trend.From}–{trend.To} spans more than one year (a span counts in every year it covers), so consecutive values can rest on the same items; the least-squares interval and the first p assume independent values: read the corrected p"
            : $"  window: presence rests on a trailing 1-year window, the year itself, and none of the 11 items it reads over {trend.From}–{trend.To} spans more than one year: each value rests on its own year's evidence, so read the first p (the corrected one allows for autocorrelation these values need not have).");
    }

    [Fact]
    public void Trend_Json_WindowYears_FollowsTheOption_ItIsNotWrittenIn()
    {
        // The window comes from the options the scores were computed with: a 3-year reciprocity window gives 3.
        var options = ScoringOptions.Default with { Exchange = ScoringOptions.Default.Exchange with { ReciprocityWindowYears = 3 } };
        var scores = Scorer.Score(CaseReader.LoadBuiltIn(), options, new ScoringRequest { Dyads = [Dyad] });
        var json = TrendWriter.ToJson(Trends.Fit(scores, "patronShare", Dyad), scores, "patronShare", Dyad);

        using var doc = JsonDocument.Parse(json);
        Number(doc.RootElement, "windowYears").Should().Be(3);
        Number(doc.RootElement, "windowPeriods").Should().Be(3);
    }

    [Theory]
    [InlineData("patronShare", "  window: patronShare rests on a trailing 5-year window, so consecutive values share evidence; the least-squares interval and the first p assume independent values: read the corrected p, and take the intervals as too narrow.")]
    [InlineData("accountBalance", "  window: none, but accountBalance rests on all that came before each year (a cumulative or carried-forward value), so consecutive values share evidence;")]
    public void Trend_Text_NamesTheWindow_AndThePToRead(string measure, string line)
    {
        var (code, output, err) = Run("trend", "--patron", "pakistan", "--client", "taliban", "--measure", measure, "--from", "2010");

        code.Should().Be(0, err);
        output.Should().Contain(line);
    }

    [Fact]
    public void ChangePoints_TextAndJson_SayWhenAChangePointIsNextToThePartialPeriod()
    {
        string[] args = ["changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "patronShare", "--from", "2015"];
        var result = ChangePoints.Detect(Scores(), "patronShare", Dyad, Period.FromYear(2015));
        var (code, text, err) = Run(args);
        var (jcode, json, jerr) = Run([.. args, "--format", "json"]);

        code.Should().Be(0, err);
        jcode.Should().Be(0, jerr);
        var near = result.ChangePoints.Where(c => Math.Abs(c.Period.PeriodsSince(Period.FromYear(2026))) <= 1).ToList();
        near.Select(c => c.Period.ToString()).Should().Equal("2025");
        text.Should().Contain("  the search includes the partial period 2026, and a change point rests in part on it: 2025 is next to it: the new level's segment holds 2026's value (--to 2025 shows the search that ends before it in full).");
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28");
        doc.RootElement.GetProperty("partialPeriod").GetString().Should().Be("2026");
        doc.RootElement.GetProperty("changePoints").EnumerateArray()
            .Select(c => (c.GetProperty("period").GetString(), c.GetProperty("nearPartialPeriod").GetBoolean()))
            .Should().Equal(result.ChangePoints.Select(c => ((string?)c.Period.ToString(), near.Contains(c))));
    }

    [Fact]
    public void ChangePoints_Text_SaysWhenNoChangePointIsNearThePartialPeriod_AndJsonHasNoneOutsideTheRange()
    {
        var (code, text, err) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict");
        var (jcode, json, jerr) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "conflict", "--to", "2025", "--format", "json");

        code.Should().Be(0, err);
        jcode.Should().Be(0, jerr);
        text.Should().Contain("  the search includes the partial period 2026; no change point is at or next to it.");
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28");
        doc.RootElement.GetProperty("partialPeriod").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("changePoints").EnumerateArray().Should().OnlyContain(c => !c.GetProperty("nearPartialPeriod").GetBoolean());
    }

    [Theory]
    [InlineData("presence", null)]
    [InlineData("patronShare", 2015)]
    [InlineData("conflict", null)]
    public void ChangePoints_Text_GivesTheSearchWithoutThePartialPeriod_WhichIsTheSearchEndingThePeriodBefore(string measure, int? from)
    {
        var scores = Scores();
        var first = from is { } f ? Period.FromYear(f) : (Period?)null;
        var with = ChangePoints.Detect(scores, measure, Dyad, first);
        var without = ChangePoints.Detect(scores, measure, Dyad, first, Period.FromYear(2025));
        string[] range = from is { } y ? ["--from", y.ToString(CultureInfo.InvariantCulture)] : [];
        var (code, text, err) = Run(["changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", measure, .. range]);

        code.Should().Be(0, err);
        with.To.Should().Be(Period.FromYear(2026));
        var gone = with.ChangePoints.Select(c => c.Period).Except(without.ChangePoints.Select(c => c.Period)).Select(p => p.ToString()).ToList();
        var lost = gone.Count == 0 ? "every change point found with it is found without it" : "not found without it: " + string.Join(", ", gone);
        var found = $"{without.ChangePoints.Length} change point{(without.ChangePoints.Length == 1 ? string.Empty : "s")} ({string.Join(", ", without.ChangePoints.Select(c => c.Period.ToString()))})";
        text.Should().Contain($"  without 2026 ({without.Points} values): {found}; {lost}.");
        if (measure == "presence")
        {
            // The reference finding's 2025 fall of presence rests on the partial 2026: without it, 2021 is the last break.
            with.ChangePoints.Select(c => c.Period.Year).Should().Equal(1996, 2002, 2021, 2025);
            without.ChangePoints.Select(c => c.Period.Year).Should().Equal(1996, 2002, 2021);
        }
    }

    [Theory]
    [InlineData(null, "1996 2002 2021", "3 change points (1996, 2002, 2021); not found without it: 2025.")]
    [InlineData(0.3, "2021", "1 change point (2021); every change point found with it is found without it.")]
    public void ChangePoints_Json_CarriesTheSearchWithoutThePartialPeriod_TheChangePointsTheTextGives(double? minSigma, string years, string line)
    {
        // presence over the dyad's whole range, 1994–2026: the text gives 1996, 2002 and 2021 without 2026. A floor
        // of 0.3 above σ̂ (0.16) leaves only 2021: the search without 2026 uses the options given, in JSON as in text.
        var scores = Scores();
        var options = ChangePointOptions.Default with { MinimumNoiseSigma = minSigma };
        var with = ChangePoints.Detect(scores, "presence", Dyad, options: options);
        var without = ChangePoints.Detect(scores, "presence", Dyad, to: Period.FromYear(2025), options: options);
        string[] floor = minSigma is { } f ? ["--min-sigma", f.ToString(CultureInfo.InvariantCulture)] : [];
        string[] args = ["changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "presence", .. floor];
        var (code, text, err) = Run(args);
        var (jcode, json, jerr) = Run([.. args, "--format", "json"]);

        code.Should().Be(0, err);
        jcode.Should().Be(0, jerr);
        with.To.Should().Be(Period.FromYear(2026));
        var expected = years.Split(' ');
        without.ChangePoints.Select(c => c.Period.ToString()).Should().Equal(expected);
        text.Should().Contain("  without 2026 (32 values): " + line);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "schema", "case", "inputHash", "measure", "patron", "client", "granularity", "from", "to", "points", "skipped",
            "evidenceEnds", "partialPeriod", "noiseSigma", "penalty", "smallNoiseWarning", "changePoints", "segments", "withoutPartialPeriod");
        root.GetProperty("changePoints").EnumerateArray().Select(c => c.GetProperty("period").GetString())
            .Should().Equal(with.ChangePoints.Select(c => c.Period.ToString()), "the main search is written as before");
        var w = root.GetProperty("withoutPartialPeriod");
        w.EnumerateObject().Select(p => p.Name).Should().Equal("points", "skipped", "noiseSigma", "penalty", "smallNoiseWarning", "changePoints", "segments");
        (w.GetProperty("points").GetInt32(), w.GetProperty("skipped").GetInt32()).Should().Be((32, 1));
        Number(w, "noiseSigma").Should().Be(without.NoiseSigma);
        Number(w, "penalty").Should().Be(without.Penalty);
        if (minSigma is { } floorSigma)
        {
            without.NoiseSigma.Should().Be(floorSigma, "the floor is above σ̂, so the search without 2026 uses it");
        }

        var changes = w.GetProperty("changePoints").EnumerateArray().ToList();
        changes.Select(c => c.GetProperty("period").GetString()).Should().Equal(expected);
        changes.Select(c => (c.GetProperty("position").GetInt32(), Number(c, "meanBefore"), Number(c, "meanAfter"), Number(c, "shift"), c.GetProperty("nearPartialPeriod").GetBoolean()))
            .Should().Equal(without.ChangePoints.Select(c => (c.Position, (double?)c.MeanBefore, (double?)c.MeanAfter, (double?)c.Shift, false)));
        w.GetProperty("segments").EnumerateArray().Select(s => (s.GetProperty("from").GetString(), s.GetProperty("to").GetString(), s.GetProperty("points").GetInt32(), Number(s, "mean")))
            .Should().Equal(without.Segments.Select(s => ((string?)s.From.ToString(), (string?)s.To.ToString(), s.Points, (double?)s.Mean)));
    }

    [Fact]
    public void ChangePoints_Json_WritesNoSearchWithoutThePartialPeriod_WhenTheRangeEndsBeforeIt()
    {
        var (code, json, err) = Run("changepoints", "--patron", "pakistan", "--client", "taliban", "--measure", "presence", "--to", "2025", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("partialPeriod").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("withoutPartialPeriod").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void TheDocs_QuoteTheConflictSearchWithoutThePartialPeriod_TheLibraryComputes()
    {
        // docs/output-format.md's change-point JSON example (conflict, 1994–2026) quotes withoutPartialPeriod.
        var scores = Scores();
        var without = PartialPeriods.DetectWithout(scores, "conflict", Dyad, ChangePoints.Detect(scores, "conflict", Dyad), null)!;
        var last = without.Segments[^1];
        var inv = CultureInfo.InvariantCulture;
        var page = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Repository.PathOf("docs", "output-format.md")), @"\s+", " ");

        without.ChangePoints.Select(c => c.Period.ToString()).Should().Equal("2023");
        page.Should()
            .Contain(string.Create(inv, $"\"withoutPartialPeriod\": {{ \"points\": {without.Points}, \"skipped\": {without.Skipped}, \"noiseSigma\": {without.NoiseSigma:R}, \"penalty\": {without.Penalty:R},"))
            .And.Contain(string.Create(inv, $"\"period\": \"2023\", \"position\": {without.ChangePoints[0].Position}, …, \"shift\": {without.ChangePoints[0].Shift:R},"))
            .And.Contain(string.Create(inv, $"{{ \"from\": \"{last.From}\", \"to\": \"{last.To}\", \"points\": {last.Points}, \"mean\": {last.Mean:R} }}"));
    }
}
