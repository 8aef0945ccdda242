using FluentAssertions;
using Influence.Cases;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;
using Influence.Uncertainty;
using SkiaSharp;
using Xunit;

namespace Influence.Tests.Charts;

public class DyadChartTests
{
    private static readonly Dyad PakistanTaliban = new("pakistan", "taliban");

    private static ScoreSet Scores() => Scorer.Score(CaseReader.LoadBuiltIn("pakistan-taliban-1990s"));

    [Fact]
    public void ThePlotHowTo_QuotesTheCreditLine_TheReferenceChartCarries()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());

        new Influence.Tests.Support.DocPage("howto-plot.md").Quotes(DyadChart.DefaultCredit(scores));
    }

    [Fact]
    public void TheChartsFont_IsAskedForByAFamilyName_NoInstalledFontHas()
    {
        // ScottPlot caches typefaces process-wide by family name: a name an installed font also has could be filled
        // with that font by any plot drawn before the first chart, and every later chart would be drawn in it.
        var installed = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);

        installed.Should().NotContain(BundledFont.FamilyName, "no installed font answers for the charts' family name");
    }

    [Fact]
    public void EveryWeightAndSlantOfTheChartsFont_IsTheEmbeddedFace_AfterOtherPlotsAskedForTheInstalledFonts()
    {
        DyadChart.RenderPng(Scores(), PakistanTaliban);
        foreach (var family in SKFontManager.Default.FontFamilies.Take(20).Append(ScottPlot.Fonts.Default))
        {
            // As another plot in the process would: the installed fonts, regular and bold, into ScottPlot's cache.
            ScottPlot.Fonts.GetTypeface(family, bold: false, italic: false);
            ScottPlot.Fonts.GetTypeface(family, bold: true, italic: false);
        }

        foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            ScottPlot.Fonts.GetTypeface(BundledFont.FamilyName, bold, italic).Should().BeSameAs(BundledFont.Typeface, $"bold {bold}, italic {italic} is drawn in the embedded regular face, whatever else the process drew");
        }
    }

    [Fact]
    public void AChart_NeitherUsesNorSets_ScottPlotsProcessWideDefaultFont()
    {
        var before = DyadChart.RenderPng(Scores(), PakistanTaliban);
        var previous = ScottPlot.Fonts.Default;
        try
        {
            // A font no text of the chart is drawn in: were any element to fall back to the default, the bytes would move.
            ScottPlot.Fonts.Default = "DejaVu Sans Mono";
            DyadChart.RenderPng(Scores(), PakistanTaliban).SequenceEqual(before).Should().BeTrue("every text of the chart names the embedded font");
            ScottPlot.Fonts.Default.Should().Be("DejaVu Sans Mono", "drawing a chart leaves the default font of the process's other plots as it was");
        }
        finally
        {
            ScottPlot.Fonts.Default = previous;
        }
    }

    [Fact]
    public void RenderPng_DrawsThreePanelsWithTitleText_ByDefault()
    {
        var png = DyadChart.RenderPng(Scores(), PakistanTaliban);

        png.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        using var bitmap = SKBitmap.Decode(png);
        bitmap.Width.Should().Be(DyadChartOptions.Default.Width);
        bitmap.Height.Should().Be(40 + (3 * DyadChartOptions.Default.PanelHeight) + DyadChart.StateStripHeight + DyadChart.FooterHeight(2), "features, unit criteria and input efficiency, which is signed, in a panel of its own; the state strip, its key and the credit line under them");
        DarkPixels(bitmap, 0, 40).Should().BeGreaterThan(200, "the title is drawn with the bundled font");
        DistinctColours(bitmap).Should().BeGreaterThan(10, "each measure has a line of its own colour");
    }

    [Fact]
    public void RenderPng_DrawsOnePanelPerScale_WhenMeasuresAreGiven()
    {
        var png = DyadChart.RenderPng(Scores(), PakistanTaliban, ["exchange", "inputEfficiency"], new DyadChartOptions { Width = 800, PanelHeight = 300 });

        using var bitmap = SKBitmap.Decode(png);
        bitmap.Width.Should().Be(800);
        bitmap.Height.Should().Be(640 + DyadChart.StateStripHeight + DyadChart.FooterHeight(4), "exchange is in [0, 1] and input efficiency signed: each has a panel with its own axis; the state strip, its key and the credit line under them, each wrapped to two lines at 800 pixels");
        DarkPixels(bitmap, 40, 340).Should().BeGreaterThan(1000, "axes, tick labels and lines are drawn");
    }

    [Fact]
    public void ByDefault_TheChartSpansTheDyadsActiveRange_AndNamesTheActors()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var d = scores.IndexOf(PakistanTaliban);

        var (from, to) = DyadChart.ActiveRange(scores, d);

        (scores.Periods[from].ToString(), scores.Periods[to].ToString()).Should().Be(("1994", "2026"), "the Taliban existed from 1994");
        DyadChart.DefaultTitle(scores, PakistanTaliban, from, to).Should().Be("Pakistan → Afghan Taliban, 1994–2026");
        DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"]).Should().Equal(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"]), "charts are deterministic");
        DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], new DyadChartOptions { ActiveRangeOnly = false })
            .Should().NotEqual(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"]), "without the default, every scored period is drawn");
    }

    [Fact]
    public void EachPanel_HoldsMeasuresOfOneScale_WithTheAxisOfThatScale()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var d = scores.IndexOf(PakistanTaliban);
        var (from, to) = DyadChart.ActiveRange(scores, d);

        var panels = DyadChart.SplitByScale(scores, d, DyadChart.PanelsFor(scores, null), from, to);
        var chosen = DyadChart.SplitByScale(scores, d, DyadChart.PanelsFor(scores, ["exchange", "accountBalance", "alternativePatrons"]), from, to);

        panels.Select(p => p.Title).Should().Equal(
            "Biermann's features of patron–client relations",
            "Influence criteria (Holsti; Rubinstein): 0 to 1",
            "Influence criteria (Holsti; Rubinstein): signed measures, −1 to 1");
        panels[2].Measures.Select(m => scores.Measures[m].Name).Should().Equal("inputEfficiency");
        chosen.Select(p => p.Measures.Single()).Select(m => scores.Measures[m].Name).Should().Equal("exchange", "accountBalance", "alternativePatrons");
    }

    [Theory]
    [InlineData(-1.0, "\u22121")]
    [InlineData(-0.5, "\u22120.5")]
    [InlineData(-0.001, "0")]
    [InlineData(0.0, "0")]
    [InlineData(0.25, "0.25")]
    [InlineData(12.0, "12")]
    public void ValueAxisLabels_UseTheTextOutputsMinusSign_AndNeverMinusZero(double value, string expected) =>
        DyadChart.ValueLabel(value).Should().Be(expected);

    [Theory]
    [InlineData("exchange", "exchange")]
    [InlineData("patronShare", "patron share")]
    [InlineData("diffuseObligation", "diffuse obligation")]
    [InlineData("presenceInfluenceGap", "presence–influence gap")]
    [InlineData("conflictByPatron", "conflict by patron")]
    public void LegendLabels_AreTheMeasuresNamesInWords(string name, string expected) =>
        DyadChart.LegendLabel(name).Should().Be(expected);

    [Fact]
    public void RenderPng_Throws_WhenAMeasureIsUnknown()
    {
        var act = () => DyadChart.RenderPng(Scores(), PakistanTaliban, ["exchange", "leverage"]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "measures").WithMessage("*no measure is called 'leverage'*");
    }

    [Fact]
    public void RenderPng_Throws_WhenNoMeasureIsGiven()
    {
        var act = () => DyadChart.RenderPng(Scores(), PakistanTaliban, []);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "measures");
    }

    [Fact]
    public void RenderPng_Throws_WhenTheDyadWasNotScored()
    {
        var act = () => DyadChart.RenderPng(Scores(), new Dyad("taliban", "pakistan"));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "dyad").WithMessage("*was not scored*");
    }

    [Theory]
    [InlineData(199)]
    [InlineData(10_001)]
    public void Options_RejectWidthOutsideRange(int width)
    {
        var act = () => new DyadChartOptions { Width = width };

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "Width").WithMessage("*must be in [200, 10000]*");
    }

    [Theory]
    [InlineData(149)]
    [InlineData(10_001)]
    public void Options_RejectPanelHeightOutsideRange(int height)
    {
        var act = () => new DyadChartOptions { PanelHeight = height };

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "PanelHeight").WithMessage("*must be in [150, 10000]*");
    }

    [Theory]
    [InlineData(150)]
    [InlineData(10_000)]
    public void Options_AcceptPanelHeightAtEitherEndOfItsRange(int height) =>
        new DyadChartOptions { PanelHeight = height }.PanelHeight.Should().Be(height);

    [Fact]
    public void ATitleOfOnesOwn_ChangesOnlyTheTitleStrip()
    {
        var scores = Scores();
        using var standard = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"]));
        using var titled = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], new DyadChartOptions { Title = "A chart of my own" }));

        (titled.Width, titled.Height).Should().Be((standard.Width, standard.Height));
        DifferingPixels(standard, titled, 0, 40).Should().BeGreaterThan(0, "the title strip (the top 40 rows) shows the given title");
        DifferingPixels(standard, titled, 40, standard.Height).Should().Be(0, "the panels do not depend on the title");
    }

    [Fact]
    public void ShowIntervalsFalse_DrawsTheChartOfThePointEstimatesAlone()
    {
        var point = Scores();
        var withIntervals = Intervals.Compute(point, new IntervalOptions { Draws = 20, Seed = 1 });
        var d = withIntervals.IndexOf(PakistanTaliban);
        var exchange = withIntervals.MeasureIndexOf("exchange");
        Enumerable.Range(0, withIntervals.PeriodCount).Select(p => withIntervals.Get(exchange, d, p))
            .Should().Contain(s => s.Low < s.High, "some period has a band to shade, or the comparison below proves nothing");

        // The state strip marks narrow states whether or not the bands are shaded: compare the charts without it.
        var noStates = new DyadChartOptions { ShowStates = false };
        var hidden = DyadChart.RenderPng(withIntervals, PakistanTaliban, ["exchange"], noStates with { ShowIntervals = false });

        hidden.Should().Equal(DyadChart.RenderPng(point, PakistanTaliban, ["exchange"], noStates), "scores without intervals draw no band");
        DyadChart.RenderPng(withIntervals, PakistanTaliban, ["exchange"], noStates).Should().NotEqual(hidden, "by default the bands are shaded");
    }

    [Fact]
    public void SavePng_WritesTheSameBytesAsRenderPng()
    {
        var scores = Scores();
        var path = Path.Combine(Path.GetTempPath(), $"influence-chart-{Guid.NewGuid():N}.png");
        try
        {
            DyadChart.SavePng(scores, PakistanTaliban, path, ["conflict"]);

            File.ReadAllBytes(path).Should().Equal(DyadChart.RenderPng(scores, PakistanTaliban, ["conflict"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ThePartialPeriod_IsMarked_InTheTicksTheLegendAndANote()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var (from, to) = DyadChart.ActiveRange(scores, scores.IndexOf(PakistanTaliban));
        var y2026 = scores.Periods.IndexOf(Period.FromYear(2026));

        DyadChart.PartialPeriod(scores, from, to).Should().Be(y2026, "the reference case's evidence ends on 2026-02-28");
        DyadChart.PeriodLabel(scores, y2026, y2026).Should().Be("2026†");
        DyadChart.PeriodLabel(scores, y2026 - 1, y2026).Should().Be("2025");
        DyadChart.PartialLegend(scores, y2026).Should().Be("2026†: evidence ends 2026-02-28");
        DyadChart.PartialNote(scores, from, to).Should().Be(
            "† 2026 (striped): the case's evidence ends on 2026-02-28, inside 2026; that period's values rest on part of it only (what came later is not in the case).");
        DyadChart.FooterLines(scores, 0, from, to, DyadChartOptions.Default).Should().Equal(
            [DyadChart.StateKey, DyadChart.PartialNote(scores, from, to)!, DyadChart.DefaultCredit(scores)], "the note comes after the states' key, before the credit");
        DyadChart.PartialPeriod(scores, from, y2026 - 1).Should().BeNull("a chart that ends in 2025 has no partial period");
        DyadChart.PartialNote(scores, from, y2026 - 1).Should().BeNull();
        DyadChart.PartialPeriod(Scores(), 0, Scores().PeriodCount - 1).Should().BeNull("the 1990s excerpt's evidence runs to the end of its last year");
    }

    [Fact]
    public void ThePartialPeriod_IsDrawnStriped()
    {
        var untilEnd = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { From = Period.FromYear(2015), To = Period.FromYear(2026) });
        var until2025 = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { From = Period.FromYear(2015), To = Period.FromYear(2025) });
        var options = new DyadChartOptions { ActiveRangeOnly = false, Credit = string.Empty, ShowStates = false };

        using var marked = SKBitmap.Decode(DyadChart.RenderPng(untilEnd, PakistanTaliban, ["exchange"], options));
        using var unmarked = SKBitmap.Decode(DyadChart.RenderPng(until2025, PakistanTaliban, ["exchange"], options));

        // The stripes' grey, 0xC0C0C0, where a stripe covers a pixel whole.
        StripePixels(marked).Should().BeGreaterThan(2000, "the period 2026 is covered by grey stripes in the panel and a swatch in the legend");
        StripePixels(unmarked).Should().BeLessThan(100, "without the partial period there are no stripes");
    }

    [Fact]
    public void TheCreditLine_SaysWhereTheDataComeFrom_ByDefault()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());

        var credit = DyadChart.DefaultCredit(scores);

        credit.Should().Be($"Data: Pakistan and the Afghan Taliban, 1973–2026 (pakistan-taliban), input {scores.InputHash[..12]}; Influence {DyadChart.LibraryVersion}; {scores.Case.Sources.Length} sources");
        DyadChart.LibraryVersion.Should().MatchRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", "the release's version, without the build's commit, so a chart does not change from commit to commit");
        var (from, to) = (0, scores.PeriodCount - 1);
        DyadChart.FooterLines(scores, 0, from, to, DyadChartOptions.Default)[^1].Should().Be(credit);
        DyadChart.FooterLines(scores, 0, from, to, new DyadChartOptions { Credit = "Chart: A. Author" })[^1].Should().Be("Chart: A. Author");
        DyadChart.FooterLines(scores, 0, from, to, new DyadChartOptions { Credit = string.Empty }).Should().Equal(DyadChart.StateKey, DyadChart.NotScoredNote(scores, 0, from, to), DyadChart.PartialNote(scores, from, to));
    }

    [Fact]
    public void ACreditOfOnesOwn_ChangesOnlyTheFoot_AndNoCreditTakesItsLineAway()
    {
        var scores = Scores();
        var noStates = new DyadChartOptions { ShowStates = false };
        using var standard = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], noStates));
        using var credited = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], noStates with { Credit = "Chart: A. Author, 2026" }));
        using var none = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], noStates with { Credit = string.Empty }));
        var panelsEnd = 40 + DyadChartOptions.Default.PanelHeight;

        (credited.Width, credited.Height).Should().Be((standard.Width, standard.Height));
        standard.Height.Should().Be(panelsEnd + DyadChart.FooterHeight(1));
        DarkPixels(standard, panelsEnd, standard.Height).Should().BeGreaterThan(300, "the credit line is written under the panels");
        DifferingPixels(standard, credited, 0, panelsEnd).Should().Be(0, "the title and panels do not depend on the credit");
        DifferingPixels(standard, credited, panelsEnd, standard.Height).Should().BeGreaterThan(0, "the foot shows the given credit");
        none.Height.Should().Be(panelsEnd, "with no credit, no states and no partial period nothing is drawn under the panels");
        DifferingPixels(standard, none, 0, panelsEnd).Should().Be(0);
    }

    [Fact]
    public void AnEmptyTitle_DrawsNoTitle_AndKeepsNoRoomForIt()
    {
        var scores = Scores();
        using var standard = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"]));
        using var untitled = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], new DyadChartOptions { Title = string.Empty }));

        untitled.Height.Should().Be(standard.Height - 40);
        for (var y = 0; y < untitled.Height; y += 7)
        {
            for (var x = 0; x < untitled.Width; x += 7)
            {
                untitled.GetPixel(x, y).Should().Be(standard.GetPixel(x, y + 40), "the panels and the foot are the same, moved up by the title strip");
            }
        }
    }

    [Theory]
    [InlineData("Title", "one\ntwo", "one\\u000Atwo")]
    [InlineData("Credit", "one\rtwo", "one\\u000Dtwo")]
    [InlineData("Title", "one\u2028two", "one\\u2028two")]
    [InlineData("Credit", "one\u2029two", "one\\u2029two")]
    [InlineData("Title", "red\u001B[31m", "red\\u001B[31m")]
    public void Options_RejectATitleOrCreditOfMoreThanOneLine_QuotingItWithEscapes(string which, string text, string quoted)
    {
        var act = () => which == "Title" ? new DyadChartOptions { Title = text } : new DyadChartOptions { Credit = text };

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == which)
            .WithMessage($"{which} must be one line of text, with no line break or other control character; was '{quoted}'*");
    }

    [Fact]
    public void TheStateStrip_ShowsTheDyadsStateInEachPeriod_InRunsWithAKey()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var d = scores.IndexOf(PakistanTaliban);
        var (from, to) = DyadChart.ActiveRange(scores, d);

        var runs = DyadChart.StateRuns(scores, d, from, to);

        runs[0].Start.Should().Be(from);
        runs[^1].End.Should().Be(to);
        runs.Zip(runs.Skip(1)).Should().OnlyContain(pair => pair.First.End + 1 == pair.Second.Start && pair.First.State != pair.Second.State, "runs are consecutive, each a change of state (without draws and the partial period no run is narrow or partial)");
        runs.Should().OnlyContain(r => !r.Narrow && !r.Partial);
        runs.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start + 1).Select(p => (p, r.State)))
            .Should().OnlyContain(x => scores.State(d, x.p).State == x.State, "each period's state is the score set's");
        runs.Select(r => r.State).Should().Contain([RelationshipState.Dormant, RelationshipState.Consolidated], "the Taliban's years under Pakistan's patronage");
        Enum.GetValues<RelationshipState>().Select(s => DyadChart.StateLook(s)).Append(DyadChart.StateLook(null))
            .Should().OnlyHaveUniqueItems("each state has its own grey and letters");
        foreach (var state in Enum.GetValues<RelationshipState>())
        {
            DyadChart.StateKey.Should().Contain($"{DyadChart.StateLook(state).Letters} {RelationshipStates.StateName(state)}", "the key explains every state's letters in words");
        }
    }

    [Fact]
    public void TheStateStrip_IsDrawnUnderThePanels_UnlessTurnedOff()
    {
        var scores = Scores();
        using var with = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], new DyadChartOptions { Credit = string.Empty }));
        using var without = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], new DyadChartOptions { Credit = string.Empty, ShowStates = false }));
        var panelsEnd = 40 + DyadChartOptions.Default.PanelHeight;

        without.Height.Should().Be(panelsEnd);
        with.Height.Should().Be(panelsEnd + DyadChart.StateStripHeight + DyadChart.FooterHeight(1), "the strip, then its key on one line");
        DarkPixels(with, panelsEnd, panelsEnd + DyadChart.StateStripHeight).Should().BeGreaterThan(2000, "the strip is filled with the states' greys and outlined");
        DifferingPixels(with, without, 0, panelsEnd).Should().Be(0, "the panels do not depend on the strip");
    }

    [Fact]
    public void TheStateStrip_WithDraws_DrawsANarrowStateLighterAndHatched_AndSaysSo()
    {
        var point = Scorer.Score(CaseReader.LoadBuiltIn());
        var drawn = Intervals.Compute(point, new IntervalOptions { Draws = 100, Seed = 1 });
        var d = drawn.IndexOf(PakistanTaliban);
        var (from, to) = DyadChart.ActiveRange(drawn, d);
        var (y2012, y2022) = (drawn.Periods.IndexOf(Period.FromYear(2012)), drawn.Periods.IndexOf(Period.FromYear(2022)));
        drawn.State(d, y2022).State.Should().Be(RelationshipState.Consolidated);
        drawn.StateShares(d, y2022)!.Value.Consolidated.Should().BeLessThan(0.5, "2022 is consolidated in the point estimate but in under half the draws");
        drawn.State(d, y2012).State.Should().Be(RelationshipState.Consolidated);
        drawn.StateShares(d, y2012)!.Value.Consolidated.Should().BeGreaterThanOrEqualTo(0.6, "2012 is consolidated in most draws");

        var runs = DyadChart.StateRuns(drawn, d, from, to);

        runs.Single(r => r.Start <= y2022 && y2022 <= r.End).Narrow.Should().BeTrue();
        runs.Single(r => r.Start <= y2012 && y2012 <= r.End).Narrow.Should().BeFalse();
        runs.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start + 1).Select(p => (p, r.Narrow)))
            .Should().OnlyContain(x => x.Narrow == (drawn.StateShares(d, x.p)!.Value.Of(drawn.State(d, x.p).State) < 0.6), "a period is narrow exactly when its state has under 60% of the draws");
        DyadChart.NarrowNote(drawn).Should().Be("State? (lighter, hatched): the state came out in under 60% of the 100 draws, a narrow verdict; influence score --intervals gives each state's share of them.");
        DyadChart.NarrowNote(point).Should().BeNull("without draws no state is narrow");
        runs.Where(r => r.Narrow).SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start + 1)).Select(p => drawn.Periods[p].Year)
            .Should().Equal([1999, 2000, 2001, 2002, 2003, 2010, 2022, 2023], "howto-plot.md names the hatched years");
        ((int)Math.Round(drawn.StateShares(d, y2022 - 1)!.Value.Consolidated * 100), (int)Math.Round(drawn.StateShares(d, y2022)!.Value.Consolidated * 100)).Should().Be((64, 45));
        new Influence.Tests.Support.DocPage("howto-plot.md").Quotes("2022 is consolidated in 45% of the draws and is hatched, as are 1999–2003, 2010 and 2023");
        DyadChart.FooterLines(drawn, 0, from, to, DyadChartOptions.Default).Should().Equal(
            DyadChart.StateKey, DyadChart.NarrowNote(drawn), DyadChart.PartialNote(drawn, from, to), DyadChart.DefaultCredit(drawn));

        var options = new DyadChartOptions { Credit = string.Empty };
        using var sure = SKBitmap.Decode(DyadChart.RenderPng(point, PakistanTaliban, ["exchange"], options));
        using var narrow = SKBitmap.Decode(DyadChart.RenderPng(drawn, PakistanTaliban, ["exchange"], options));
        var strip = 40 + DyadChartOptions.Default.PanelHeight;
        var lighter = DyadChart.Lighter(DyadChart.StateLook(RelationshipState.Consolidated).Fill);
        var solid = DyadChart.StateLook(RelationshipState.Consolidated).Fill;
        PixelsOf(narrow, lighter, strip, strip + DyadChart.StateStripHeight).Should().BeGreaterThan(PixelsOf(sure, lighter, strip, strip + DyadChart.StateStripHeight) + 100, "the narrow consolidated cells (2021–2022) are drawn in a lighter grey (without draws it is only in the edges of letters)");
        PixelsOf(narrow, solid, strip, strip + DyadChart.StateStripHeight).Should().BeGreaterThan(1000, "the sure consolidated years keep the solid grey");
        PixelsOf(sure, solid, strip, strip + DyadChart.StateStripHeight).Should().BeGreaterThan(PixelsOf(narrow, solid, strip, strip + DyadChart.StateStripHeight) + 200, "the narrow years are no longer solid");
    }

    [Fact]
    public void TheNarrowThreshold_IsTheScoreTables()
    {
        // One threshold for the table and the chart (VerdictShares.ClearMajority), quoted by the docs.
        DyadChart.ClearMajority.Should().Be(VerdictShares.ClearMajority);
        new Influence.Tests.Support.DocPage("uncertainty.md").Quotes("Where the point's verdict has under 60% of the draws");
        new Influence.Tests.Support.DocPage("howto-plot.md").Quotes("in under 60% of the draws");
    }

    [Fact]
    public void TheStateStrip_StripesThePartialPeriod_AsThePanelsDo()
    {
        var untilEnd = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { From = Period.FromYear(2015), To = Period.FromYear(2026) });
        var until2025 = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { From = Period.FromYear(2015), To = Period.FromYear(2025) });
        var d = untilEnd.IndexOf(PakistanTaliban);
        var last = untilEnd.PeriodCount - 1;

        var runs = DyadChart.StateRuns(untilEnd, d, 0, last, DyadChart.PartialPeriod(untilEnd, 0, last));

        runs[^1].Should().Be(new StateRun(last, last, untilEnd.State(d, last).State, false, true), "2026, the partial period, is a cell of its own");
        runs.SkipLast(1).Should().OnlyContain(r => !r.Partial);

        var options = new DyadChartOptions { ActiveRangeOnly = false, Credit = string.Empty };
        using var marked = SKBitmap.Decode(DyadChart.RenderPng(untilEnd, PakistanTaliban, ["exchange"], options));
        using var unmarked = SKBitmap.Decode(DyadChart.RenderPng(until2025, PakistanTaliban, ["exchange"], options));
        var stripe = DyadChart.PartialStripe(DyadChart.StateLook(untilEnd.State(d, last).State).Fill);
        var strip = 40 + DyadChartOptions.Default.PanelHeight;

        PixelsOf(marked, stripe, strip, strip + DyadChart.StateStripHeight).Should().BeGreaterThan(30, "the strip's 2026 cell is striped");
        PixelsOf(unmarked, stripe, strip, strip + DyadChart.StateStripHeight).Should().Be(0, "without the partial period the strip has no stripes");
    }

    [Fact]
    public void EachEnd_CanBeTrimmedToTheActiveRange_OnItsOwn()
    {
        var to2025 = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { To = Period.FromYear(2025), Granularity = Granularity.Year });
        var d = to2025.IndexOf(PakistanTaliban);
        string Years((int From, int To) r) => $"{to2025.Periods[r.From]}–{to2025.Periods[r.To]}";

        Years(DyadChart.DrawnRange(to2025, d, DyadChartOptions.Default)).Should().Be("1994–2025");
        Years(DyadChart.DrawnRange(to2025, d, new DyadChartOptions { ActiveRangeOnly = false })).Should().Be("1973–2025");
        Years(DyadChart.DrawnRange(to2025, d, new DyadChartOptions { TrimToActiveEnd = false })).Should().Be("1994–2025", "the start is the dyad's: the Taliban existed from 1994");
        Years(DyadChart.DrawnRange(to2025, d, new DyadChartOptions { TrimToActiveStart = false })).Should().Be("1973–2025");
        new DyadChartOptions { TrimToActiveEnd = false }.ActiveRangeOnly.Should().BeFalse();
        new DyadChartOptions { ActiveRangeOnly = false }.Should().Be(new DyadChartOptions { TrimToActiveStart = false, TrimToActiveEnd = false });
        DyadChart.RenderPng(to2025, PakistanTaliban, ["exchange"], new DyadChartOptions { TrimToActiveEnd = false })
            .Should().NotEqual(DyadChart.RenderPng(to2025, PakistanTaliban, ["exchange"], new DyadChartOptions { ActiveRangeOnly = false }), "1994–2025 is drawn, not 1973–2025");
    }

    private static int StripePixels(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                count += bitmap.GetPixel(x, y) == new SKColor(0xC0, 0xC0, 0xC0) ? 1 : 0;
            }
        }

        return count;
    }

    private static int PixelsOf(SKBitmap bitmap, SKColor colour, int fromRow, int toRow)
    {
        var count = 0;
        for (var y = fromRow; y < toRow; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                count += bitmap.GetPixel(x, y) == colour ? 1 : 0;
            }
        }

        return count;
    }

    private static int DarkPixels(SKBitmap bitmap, int fromRow, int toRow)
    {
        var count = 0;
        for (var y = fromRow; y < toRow; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                count += c.Red + c.Green + c.Blue < 384 ? 1 : 0;
            }
        }

        return count;
    }

    private static int DifferingPixels(SKBitmap a, SKBitmap b, int fromRow, int toRow)
    {
        var count = 0;
        for (var y = fromRow; y < toRow; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                count += a.GetPixel(x, y) != b.GetPixel(x, y) ? 1 : 0;
            }
        }

        return count;
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    [Fact]
    public void YearsBeforeAPartyExisted_AreLabelledNotScored_InTheStrip_AndNamedUnderIt()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var d = scores.IndexOf(PakistanTaliban);
        var (from, to) = (scores.Periods.IndexOf(Period.FromYear(1990)), scores.Periods.IndexOf(Period.FromYear(1996)));

        var runs = DyadChart.StateRuns(scores, d, from, to);

        runs[0].Should().Be(new StateRun(from, from + 3, null, false, false) { NotScored = true }, "1990–1993: the Taliban did not exist");
        runs.Skip(1).Should().OnlyContain(r => !r.NotScored);
        DyadChart.FooterLines(scores, d, from, to, DyadChartOptions.Default)[1].Should()
            .Be("Not scored: periods in which the dyad is not scored (first: taliban did not exist in 1990 (it existed from 1994)); not the same as undetermined, a scored period whose evidence decides no state.");
        DyadChart.NotScoredNote(scores, d, from + 4, to).Should().BeNull("a chart of the dyad's own years has no such period");
    }
}
