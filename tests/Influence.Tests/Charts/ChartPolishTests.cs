using FluentAssertions;
using Influence.Cases;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;
using SkiaSharp;
using Xunit;

namespace Influence.Tests.Charts;

/// <summary>
/// The chart's text as the text outputs show it: a case's names on one line, the time axis's labels apart at every
/// width, a single measure's panel titled in words, and a legend padded alike however many lines it holds.
/// </summary>
public class ChartPolishTests
{
    private static readonly Dyad PakistanTaliban = new("pakistan", "taliban");

    /// <summary>A name with each kind of line break and a tab, as a case may hold.</summary>
    private const string BrokenName = "Pakistan\nInter-Services\rIntelligence\u2028army\u2029command\tRawalpindi";

    private static ScoreSet Reference() => Scorer.Score(CaseReader.LoadBuiltIn());

    private static ScoreSet WithNames(string patron, string caseName)
    {
        var json = File.ReadAllText(Path.Combine(RepoRoot(), "samples", "data", "pakistan-taliban.json"));
        json = json.Replace("\"name\": \"Pakistan\",", $"\"name\": {System.Text.Json.JsonSerializer.Serialize(patron)},", StringComparison.Ordinal)
            .Replace("\"name\": \"Pakistan and the Afghan Taliban, 1973–2026\"", $"\"name\": {System.Text.Json.JsonSerializer.Serialize(caseName)}", StringComparison.Ordinal);
        return Scorer.Score(CaseReader.Read(json));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Influence.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("no Influence.sln above the test's folder");
    }

    [Fact]
    public void TheDefaultTitle_ShowsLineBreaksAndTabsInAnActorsName_AsTheScoreTableDoes_OnOneLine()
    {
        var scores = WithNames(BrokenName, "Pakistan\nand the Taliban");
        scores.Case.FindActor("pakistan")!.Name.Should().Be(BrokenName, "the case keeps the name as written");
        var (from, to) = DyadChart.DrawnRange(scores, scores.IndexOf(PakistanTaliban), DyadChartOptions.Default);

        var title = DyadChart.DefaultTitle(scores, PakistanTaliban, from, to);

        title.Should().Be(@"Pakistan\u000AInter-Services\u000DIntelligence\u2028army\u2029command\u0009Rawalpindi → Afghan Taliban, 1994–2026");
        title.Should().StartWith(Influence.Cli.Commands.Common.OneLine(BrokenName), "the chart writes the name as the score table's heading does");
        DyadChart.DefaultCredit(scores).Should().StartWith(@"Data: Pakistan\u000Aand the Taliban (pakistan-taliban), input ", "the case's name in the credit is on one line too");

        var options = new DyadChartOptions { Width = 900, ShowStates = false };
        DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], options).Should().Equal(
            DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], options with { Title = title, Credit = DyadChart.DefaultCredit(scores) }),
            "the chart draws the escaped title and credit, not the raw text");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(250)]
    [InlineData(300)]
    [InlineData(360)]
    [InlineData(400)]
    public void PeriodLabels_DoNotOverlap_AtNarrowWidths(int width)
    {
        var options = new DyadChartOptions { Width = width, Title = string.Empty, Credit = string.Empty, ShowStates = false };
        using var bitmap = SKBitmap.Decode(DyadChart.RenderPng(Reference(), PakistanTaliban, ["exchange"], options));
        var widest = new[] { "1994", "2000", "2008", "2026†" }.Max(DyadChart.TickLabelWidth);

        var labels = TickLabelClusters(bitmap);

        labels.Should().HaveCountGreaterThanOrEqualTo(2, "the time axis has labels");
        labels.Should().OnlyContain(l => l <= widest + 2, "no two labels run into each other (each run of text is one label)");
    }

    [Fact]
    public void PeriodLabels_AreThinnedToWholeSteps_OnlyWhenTheyWouldOverlap()
    {
        var scores = Reference();
        var (from, to) = DyadChart.DrawnRange(scores, scores.IndexOf(PakistanTaliban), DyadChartOptions.Default);
        var partial = DyadChart.PartialPeriod(scores, from, to);
        var everyThird = DyadChart.PeriodTicks(scores, from, to, partial, 5000, DyadChart.TickLabelWidth, out _);
        everyThird.Select(t => t.Label).Should().Equal("1994", "1997", "2000", "2003", "2006", "2009", "2012", "2015", "2018", "2021", "2026†");

        var widths = new List<float>();
        for (var dataWidth = 60f; dataWidth <= 2000; dataWidth += 7)
        {
            var ticks = DyadChart.PeriodTicks(scores, from, to, partial, dataWidth, DyadChart.TickLabelWidth, out _);
            ticks.Should().NotBeEmpty();
            DyadChart.TicksFit(ticks, to - from + 1, dataWidth, DyadChart.TickLabelWidth).Should().BeTrue($"labels never overlap in a data area {dataWidth} pixels wide");
            if (!ticks.SequenceEqual(everyThird) && ticks.Count > 1)
            {
                // Counted back from the partial period (2016, 2021, 2026†): every gap, the last included, is one step.
                var years = ticks.Select(t => scores.Periods[t.Period].Year).Order().ToList();
                var gaps = years.Zip(years.Skip(1), (a, b) => b - a).Distinct().ToList();
                gaps.Should().ContainSingle($"thinned labels are evenly spaced in a data area {dataWidth} pixels wide: {string.Join(' ', ticks.Select(t => t.Label))}");
                DyadChart.NiceSteps(Influence.Granularity.Year).Should().Contain(gaps[0]);
                ticks.Should().Contain(t => t.Period == partial && t.Label == "2026†");
                widths.Add(dataWidth);
            }
        }

        widths.Should().NotBeEmpty("narrow data areas thin the labels");
        var noPartial = DyadChart.PeriodTicks(scores, from, to - 1, null, 150, DyadChart.TickLabelWidth, out var thinnedWithout);
        thinnedWithout.Should().BeTrue();
        noPartial.Should().OnlyContain(t => scores.Periods[t.Period].Year % 10 == 0, "with no partial period, thinned labels fall on multiples of their step");
        widths.Max().Should().BeLessThan(400, "a wide chart keeps every third year, as before");
        DyadChart.NiceSteps(Influence.Granularity.Year).Take(6).Should().Equal(1, 2, 5, 10, 20, 50);
        DyadChart.NiceSteps(Influence.Granularity.Quarter).Take(5).Should().Equal(1, 2, 4, 8, 20);
        DyadChart.NiceSteps(Influence.Granularity.Month).Take(8).Should().Equal(1, 2, 3, 4, 6, 12, 24, 60);
    }

    [Fact]
    public void ASingleMeasuresPanel_IsTitledWithItsNameInWords_AsTheLegendGivesIt()
    {
        var scores = Reference();

        DyadChart.PanelsFor(scores, ["diffuseObligation"]).Should().ContainSingle().Which.Title.Should().Be("diffuse obligation");
        DyadChart.PanelsFor(scores, ["presenceInfluenceGap"])[0].Title.Should().Be(DyadChart.LegendLabel("presenceInfluenceGap"));
        DyadChart.PanelsFor(scores, ["exchange", "conflict"])[0].Title.Should().Be("Measures");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(500)]
    public void AWrappedLegendEntry_HasAsMuchRoomAboveItAsAtItsSide(int width)
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn("pakistan-taliban-1990s"), ScoringOptions.Default with { CustomMeasures = [new LongNamed()] });
        var options = new DyadChartOptions { Width = width, ShowStates = false, Credit = string.Empty, Title = string.Empty };
        using var wrapped = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, [LongNamed.Label], options));
        using var oneLine = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], options));

        var (top, side, lines) = LegendRoom(wrapped);
        var (oneTop, oneSide, _) = LegendRoom(oneLine);

        lines.Should().BeGreaterThanOrEqualTo(20, "the entry is wrapped onto two or three lines");
        top.Should().BeGreaterThanOrEqualTo(side - 3, "the frame keeps as much room above a block of lines as at its side, not a few pixels");
        (oneTop, oneSide).Should().Be((4, 11), "a legend of one line is framed as it was");
    }

    [Fact]
    public void ThinnedPeriodLabels_AroundThePartialPeriod_AreOneStepApart_AtTwoHundredPixels()
    {
        var scores = Reference();
        var options = new DyadChartOptions { Width = 200, Title = string.Empty, Credit = string.Empty, ShowStates = false };
        using var bitmap = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], options));

        var (from, to) = DyadChart.DrawnRange(scores, scores.IndexOf(PakistanTaliban), DyadChartOptions.Default);
        var marks = TickMarks(bitmap);

        marks.Should().HaveCount(4, "a 200-pixel chart of 1994–2026 has room for four labels: 1996, 2006, 2016, 2026†");
        var gaps = marks.Zip(marks.Skip(1), (a, b) => b - a).ToList();
        gaps.Max().Should().BeLessThanOrEqualTo(gaps.Min() + 1, $"the ticks are evenly spaced (at {string.Join(", ", marks)} px), the last one, 2026†, included");
        var ticks = DyadChart.PeriodTicks(scores, from, to, DyadChart.PartialPeriod(scores, from, to), 140, DyadChart.TickLabelWidth, out _);
        ticks.Select(t => t.Label).Should().Equal("1996", "2006", "2016", "2026†");
    }

    [Fact]
    public void InALegendWithAWrappedEntry_EachRowIsAsTallAsItsOwnEntry()
    {
        var plot = new ScottPlot.Plot();
        DyadChart.UseEmbeddedFont(plot);
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        foreach (var text in new[] { "exchange", "conflict", "support diversity across every kind\nof resource the patron gave", "patron share" })
        {
            plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 0, 1 }).LegendText = text;
        }

        using var paint = ScottPlot.Paint.NewDisposablePaint();
        var layout = new RowLegendLayout().GetLayout(plot.Legend, plot.Legend.GetItems(), new ScottPlot.PixelSize(300, 400), paint);
        var rows = layout.LabelRects;
        var oneLine = rows[0].Height;

        rows.Should().HaveCount(4);
        rows.Select(r => r.Left).Distinct().Should().ContainSingle("the entries are as wide as the widest, so each has a row of its own in 300 pixels");
        new[] { rows[0].Height, rows[1].Height, rows[3].Height }.Should().AllBeEquivalentTo(oneLine, "a row of a one-line entry is one line tall");
        rows[2].Height.Should().BeApproximately(2 * oneLine, oneLine * 0.5f, "the wrapped entry's row is two lines tall");
        var spacing = Enumerable.Range(1, 3).Select(i => rows[i].Top - rows[i - 1].Bottom).Distinct().ToList();
        spacing.Should().Equal([plot.Legend.InterItemPadding.Bottom], "every two rows are the legend's inter-item padding apart");
        DyadChartLayoutRows(new[] { 50f, 50f, 50f }, 120, 5).Should().Equal([2, 1], "entries flow along a row while they fit");
        DyadChartLayoutRows(new[] { 200f, 20f }, 120, 5).Should().Equal([1, 1], "an entry wider than the row has a row of its own, with no empty row before it");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(500)]
    public void ARenderedLegend_WithAWrappedEntry_KeepsItsOneLineRowsCompact(int width)
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn("pakistan-taliban-1990s"), ScoringOptions.Default with { CustomMeasures = [new LongNamed()] });
        var options = new DyadChartOptions { Width = width, ShowStates = false, Credit = string.Empty, Title = string.Empty };
        using var bitmap = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange", "conflict", LongNamed.Label, "patronShare"], options));

        // Each entry's symbol (its line's colour) is drawn at the middle of its row: one-line rows of height h and the
        // wrapped entry's of height H, parted by a gap g, put the symbols h + g, then h/2 + g + H/2 twice, then h + g apart.
        var centres = LegendSymbolCentres(bitmap);
        centres.Should().HaveCount(4, "each entry has its symbol");
        var pitches = centres.Zip(centres.Skip(1), (a, b) => b - a).ToList();

        pitches[1].Should().BeInRange(pitches[2] - 1, pitches[2] + 1, $"the wrapped row is spaced alike from the rows above and below it (symbols at {string.Join(", ", centres)} px)");
        pitches[0].Should().BeLessThan(pitches[1] - 4, "a row of a one-line entry is not as tall as the wrapped entry's");
        using var plain = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange", "conflict", "patronShare"], options));
        var plainCentres = LegendSymbolCentres(plain);
        if (plainCentres.Count == 3 && plainCentres[1] > plainCentres[0] + 2)
        {
            // Where one-line entries stack in the plain legend too, they are as far apart as in the wrapped one.
            pitches[0].Should().BeInRange(plainCentres[1] - plainCentres[0] - 1, plainCentres[1] - plainCentres[0] + 1);
        }
    }

    /// <summary>The middle rows of the runs of coloured rows in the symbol column of a one-panel chart's legend: one per entry.</summary>
    private static List<int> LegendSymbolCentres(SKBitmap bitmap)
    {
        var (top, bottom, left, _) = LegendFrame(bitmap);
        static bool Coloured(SKColor c) => Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60;
        var centres = new List<int>();
        var start = -1;
        for (var y = top + 2; y <= bottom; y++)
        {
            var any = y < bottom - 1 && Enumerable.Range(left + 2, 30).Any(x => Coloured(bitmap.GetPixel(x, y)));
            if (any && start < 0)
            {
                start = y;
            }
            else if (!any && start >= 0)
            {
                centres.Add((start + y - 1) / 2);
                start = -1;
            }
        }

        return centres;
    }

    private static int[] DyadChartLayoutRows(float[] widths, float width, float gap) =>
        [.. RowLegendLayout.RowsOf(widths, width, gap).Select(r => r.Count)];

    /// <summary>The columns of the time axis's tick marks under a one-panel chart's data area (each mark's middle column).</summary>
    private static List<int> TickMarks(SKBitmap bitmap)
    {
        static bool Dark(SKColor c) => c.Red + c.Green + c.Blue < 384;
        var bottom = FrameRows(bitmap)[1];
        var marks = new List<int>();
        var start = -1;
        for (var x = 0; x <= bitmap.Width; x++)
        {
            var mark = x < bitmap.Width && Dark(bitmap.GetPixel(x, bottom + 3));
            if (mark && start < 0)
            {
                start = x;
            }
            else if (!mark && start >= 0)
            {
                marks.Add((start + x - 1) / 2);
                start = -1;
            }
        }

        return marks;
    }

    /// <summary>
    /// The room in pixels inside the legend frame of a one-panel chart (no title, strip or credit) between the frame
    /// and its text, above it and at its right, and the height of the text.
    /// </summary>
    private static (int Top, int Side, int Height) LegendRoom(SKBitmap bitmap)
    {
        static bool Text(SKColor c) => c.Red < 170 && Math.Abs(c.Red - c.Blue) < 25;

        var (top, bottomY, left, right) = LegendFrame(bitmap);
        var (minY, maxY, maxX) = (int.MaxValue, 0, 0);
        for (var y = top + 2; y < bottomY - 1; y++)
        {
            for (var x = left + 2; x < right - 1; x++)
            {
                if (Text(bitmap.GetPixel(x, y)))
                {
                    (minY, maxY, maxX) = (Math.Min(minY, y), Math.Max(maxY, y), Math.Max(maxX, x));
                }
            }
        }

        return (minY - top, right - maxX, maxY - minY);
    }

    /// <summary>The legend frame of a one-panel chart (no title, strip or credit): its top and bottom rows, its left and right columns.</summary>
    private static (int Top, int Bottom, int Left, int Right) LegendFrame(SKBitmap bitmap)
    {
        static bool Frame(SKColor c) => c.Red < 130 && c.Red == c.Green && c.Green == c.Blue;

        // From the foot up: the legend's bottom frame line (dark grey; its shadow is light grey), then its top one.
        (int Y, int Left, int Right)? Line(int y)
        {
            var (start, run) = (-1, 0);
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (Frame(bitmap.GetPixel(x, y)))
                {
                    (start, run) = (start < 0 ? x : start, run + 1);
                }
                else if (run > 50)
                {
                    return (y, start, x - 1);
                }
                else
                {
                    (start, run) = (-1, 0);
                }
            }

            return null;
        }

        var bottom = Enumerable.Range(0, bitmap.Height).Reverse().Select(Line).First(l => l is not null)!.Value;
        var topLine = Enumerable.Range(0, bottom.Y - 2).Reverse().Select(Line).First(l => l is not null && Math.Abs(l.Value.Right - bottom.Right) <= 1)!.Value;
        return (topLine.Y, bottom.Y, bottom.Left, bottom.Right);
    }

    /// <summary>A custom measure with a long name (0.5 in every period).</summary>
    private sealed class LongNamed : Influence.Theory.Measure
    {
        public const string Label = "supportDiversityAcrossEveryKindOfResourceThePatronGaveTheClientInTheTrailingWindow";

        public LongNamed()
            : base(Label)
        {
        }

        public override Influence.Theory.MeasureScale Scale => Influence.Theory.MeasureScale.Unit;

        public override string Formula => "0.5";

        public override string Citation => "none";

        public override double? Evaluate(in Influence.Theory.DyadPeriod at) => 0.5;

        public override void Trace(in Influence.Theory.DyadPeriod at, ICollection<Influence.Theory.EvidenceUse> uses)
        {
        }
    }

    /// <summary>
    /// The widths of the runs of text in the row of period labels under a one-panel chart's data area: columns with dark
    /// pixels, runs parted by three or more clear columns.
    /// </summary>
    private static List<int> TickLabelClusters(SKBitmap bitmap) => [.. TickLabelRuns(bitmap).Select(r => r.Width)];

    /// <summary>
    /// The runs of text in the row of period labels under a one-panel chart's data area, each its first column and its
    /// width: columns with dark pixels, runs parted by three or more clear columns.
    /// </summary>
    private static List<(int Start, int Width)> TickLabelRuns(SKBitmap bitmap)
    {
        static bool Dark(SKColor c) => c.Red + c.Green + c.Blue < 384;

        var bottom = FrameRows(bitmap)[1];
        var columns = Enumerable.Range(0, bitmap.Width)
            .Select(x => Enumerable.Range(bottom + 7, 18).Any(y => Dark(bitmap.GetPixel(x, y))))
            .ToArray();
        var clusters = new List<(int Start, int Width)>();
        var (start, clear) = (-1, 0);
        for (var x = 0; x <= columns.Length; x++)
        {
            if (x < columns.Length && columns[x])
            {
                start = start < 0 ? x : start;
                clear = 0;
            }
            else if (start >= 0 && (++clear >= 3 || x == columns.Length))
            {
                clusters.Add((start, x - clear + 1 - start));
                (start, clear) = (-1, 0);
            }
        }

        return clusters;
    }

    /// <summary>The last row of each run of rows nearly all black across a one-panel chart: its data area's top and bottom frame lines.</summary>
    private static List<int> FrameRows(SKBitmap bitmap)
    {
        static bool Black(SKColor c) => c.Red < 100 && c.Green < 100 && c.Blue < 100;
        var frames = new List<int>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            var black = 0;
            for (var x = 0; x < bitmap.Width; x++)
            {
                black += Black(bitmap.GetPixel(x, y)) ? 1 : 0;
            }

            if (black > bitmap.Width * 0.6 && (frames.Count == 0 || frames[^1] != y - 1))
            {
                frames.Add(y);
            }
            else if (black > bitmap.Width * 0.6)
            {
                frames[^1] = y;
            }
        }

        frames.Should().HaveCountGreaterThanOrEqualTo(2, "the data area has a top and a bottom frame line");
        return frames;
    }
}
