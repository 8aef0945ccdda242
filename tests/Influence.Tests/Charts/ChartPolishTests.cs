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
                var years = ticks.Where(t => t.Period != partial).Select(t => scores.Periods[t.Period].Year).ToList();
                var step = years.Count > 1 ? years[1] - years[0] : 0;
                years.Should().OnlyContain(y => step == 0 || y % step == 0, "thinned labels fall on whole multiples of their step (1995, 2000, …)");
                widths.Add(dataWidth);
            }
        }

        widths.Should().NotBeEmpty("narrow data areas thin the labels");
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

    /// <summary>
    /// The room in pixels inside the legend frame of a one-panel chart (no title, strip or credit) between the frame
    /// and its text, above it and at its right, and the height of the text.
    /// </summary>
    private static (int Top, int Side, int Height) LegendRoom(SKBitmap bitmap)
    {
        static bool Frame(SKColor c) => c.Red < 130 && c.Red == c.Green && c.Green == c.Blue;
        static bool Text(SKColor c) => c.Red < 170 && Math.Abs(c.Red - c.Blue) < 25;

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
        var (minY, maxY, maxX) = (int.MaxValue, 0, 0);
        for (var y = topLine.Y + 2; y < bottom.Y - 1; y++)
        {
            for (var x = bottom.Left + 2; x < bottom.Right - 1; x++)
            {
                if (Text(bitmap.GetPixel(x, y)))
                {
                    (minY, maxY, maxX) = (Math.Min(minY, y), Math.Max(maxY, y), Math.Max(maxX, x));
                }
            }
        }

        return (minY - topLine.Y, bottom.Right - maxX, maxY - minY);
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
    private static List<int> TickLabelClusters(SKBitmap bitmap)
    {
        static bool Black(SKColor c) => c.Red < 100 && c.Green < 100 && c.Blue < 100;
        static bool Dark(SKColor c) => c.Red + c.Green + c.Blue < 384;

        // The data area's frame: rows nearly all black across; its bottom line is the second such run of rows.
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
        var bottom = frames[1];
        var columns = Enumerable.Range(0, bitmap.Width)
            .Select(x => Enumerable.Range(bottom + 7, 18).Any(y => Dark(bitmap.GetPixel(x, y))))
            .ToArray();
        var clusters = new List<int>();
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
                clusters.Add(x - clear + 1 - start);
                (start, clear) = (-1, 0);
            }
        }

        return clusters;
    }
}
