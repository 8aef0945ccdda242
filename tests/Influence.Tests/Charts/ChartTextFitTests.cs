using FluentAssertions;
using Influence.Cases;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;
using Influence.Theory;
using SkiaSharp;
using Xunit;

namespace Influence.Tests.Charts;

/// <summary>Long titles, panel titles and legend entries are wrapped (and only then shortened) to the chart's width, never clipped at its edge.</summary>
public class ChartTextFitTests
{
    private static readonly Dyad PakistanTaliban = new("pakistan", "taliban");

    /// <summary>A case name of 120 characters, as a title of one's own might be.</summary>
    private const string LongTitle =
        "Figure 3. The Islamic Republic of Pakistan and the Islamic Emirate of Afghanistan (the Afghan Taliban movement), 1994–2002";

    private static ScoreSet Scores() => Scorer.Score(CaseReader.LoadBuiltIn("pakistan-taliban-1990s"));

    [Fact]
    public void ALongTitle_IsWrappedBetweenWords_ToTheChartsWidth_WithNothingLost()
    {
        LongTitle.Length.Should().Be(122);
        var lines = DyadChart.TitleLines(LongTitle, 800);

        lines.Should().HaveCount(2, "122 characters at 20 pixels need two lines of an 800-pixel chart");
        lines.Should().OnlyContain(l => DyadChart.TitleWidth(l) <= 800 - (2 * DyadChart.TitleMargin), "each line fits between the margins, as the font measures it");
        string.Join(' ', lines).Should().Be(LongTitle, "the lines are cut between words and nothing is left out");
        DyadChart.TitleLines("Pakistan → Afghan Taliban, 1994–2002", 600).Should().Equal(["Pakistan → Afghan Taliban, 1994–2002"], "a title that fits stays one line");
        DyadChart.TitleLines(string.Empty, 600).Should().BeEmpty();
    }

    [Fact]
    public void ALongTitle_IsDrawnOnTwoLines_InATallerTitleStrip_WithNoTextAtTheEdges()
    {
        var scores = Scores();
        var options = new DyadChartOptions { Width = 800, ShowStates = false, Credit = string.Empty };
        using var standard = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], options));
        using var titled = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange"], options with { Title = LongTitle }));
        var strip = DyadChart.TitleHeightFor(2);

        strip.Should().Be(DyadChart.TitleHeight + DyadChart.TitleLineHeight);
        titled.Height.Should().Be(standard.Height + DyadChart.TitleLineHeight, "the title strip grows by a line");
        DarkPixels(titled, 0, strip, 0, DyadChart.TitleMargin / 2).Should().Be(0, "no text is at the left edge of the title strip");
        DarkPixels(titled, 0, strip, titled.Width - (DyadChart.TitleMargin / 2), titled.Width).Should().Be(0, "no text runs off the right edge of the title strip");
        DarkPixels(titled, DyadChart.TitleHeight, strip, 0, titled.Width).Should().BeGreaterThan(200, "the second line is drawn");
        for (var y = DyadChart.TitleHeight; y < standard.Height; y += 5)
        {
            for (var x = 0; x < standard.Width; x += 5)
            {
                titled.GetPixel(x, y + DyadChart.TitleLineHeight).Should().Be(standard.GetPixel(x, y), "the panels are the same, moved down by the title's second line");
            }
        }
    }

    [Fact]
    public void ATitleTooLongForThreeLines_EndsInAnEllipsis_AndIsKeptWholeInThePngsMetadata()
    {
        var title = string.Join(' ', Enumerable.Repeat("Pakistan and the Afghan Taliban over three decades of patronage;", 6));
        var lines = DyadChart.TitleLines(title, 500);

        lines.Should().HaveCount(DyadChart.TitleMaxLines);
        lines.Should().OnlyContain(l => DyadChart.TitleWidth(l) <= 500 - (2 * DyadChart.TitleMargin));
        lines[^1].Should().EndWith("…");
        lines.Take(2).Should().OnlyContain(l => !l.Contains('…'), "only the last line is shortened");
        title.Should().StartWith(string.Join(' ', lines)[..^1], "what is drawn is the title's beginning, cut at a word");
        DyadChart.TitleLines(LongTitle, 800).Should().NotContain(l => l.Contains('…'), "a title that fits in three lines is never shortened");

        var png = DyadChart.RenderPng(Scores(), PakistanTaliban, ["exchange"], new DyadChartOptions { Width = 500, Title = title });
        PngText.Read(png, PngText.TitleKeyword).Should().Be(title, "the whole title is in the file's metadata");
        using var bitmap = SKBitmap.Decode(png);
        bitmap.Should().NotBeNull("the chunk leaves a valid PNG");
        PngText.Read(DyadChart.RenderPng(Scores(), PakistanTaliban, ["exchange"]), PngText.TitleKeyword).Should().BeNull("a title drawn whole adds nothing to the file");
        png.Should().Equal(DyadChart.RenderPng(Scores(), PakistanTaliban, ["exchange"], new DyadChartOptions { Width = 500, Title = title }), "charts are deterministic");
    }

    [Fact]
    public void AWordWiderThanTheChart_IsBrokenAfterAHyphen_OrBetweenCharacters()
    {
        var title = "Inter-Services-Intelligence-Directorate-of-the-Islamic-Republic-of-Pakistan";
        var lines = DyadChart.TitleLines(title, 500);

        lines.Should().HaveCountGreaterThan(1);
        lines.Should().OnlyContain(l => DyadChart.TitleWidth(l) <= 500 - (2 * DyadChart.TitleMargin));
        lines.SkipLast(1).Should().OnlyContain(l => l.EndsWith('-'), "broken after a hyphen where one is in reach");
        string.Concat(lines).Should().Be(title);
        DyadChart.FitLines("supportDiversityAcrossEveryKind", s => s.Length, 20, 3).Should().Equal(["supportDiversity", "AcrossEveryKind"], "a measure's name is broken before a capital");
        DyadChart.FitLines("presence–influence gap", s => s.Length, 12, 3).Should().Equal(["presence–", "influence", "gap"], "a word is broken after an en dash as after a hyphen");
        DyadChart.FitLines("Durand—Kabul—Kandahar", s => s.Length, 14, 3).Should().Equal(["Durand—Kabul—", "Kandahar"], "and after an em dash");
        var word = new string('W', 20);
        var broken = DyadChart.TitleLines(word, 300);
        broken.Should().OnlyContain(l => DyadChart.TitleWidth(l) <= 280);
        string.Concat(broken).Should().Be(word);
    }

    [Fact]
    public void FitLines_NeverSplitsACharacterMadeOfTwoCodeUnits()
    {
        var text = string.Concat(Enumerable.Repeat("🇵🇰", 30));

        var lines = DyadChart.FitLines(text, s => s.Length, 9, 3);

        lines.Should().OnlyContain(l => l.TrimEnd('…').Length % 4 == 0, "a flag is four code units and is never cut");
        lines[^1].Should().EndWith("…");
    }

    [Fact]
    public void ALongMeasureName_IsWrappedInItsPanelTitleAndLegend_NotClipped()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn("pakistan-taliban-1990s"), ScoringOptions.Default with { CustomMeasures = [new LongNamed()] });
        var options = new DyadChartOptions { Width = 500, ShowStates = false, Credit = string.Empty, Title = string.Empty };

        using var alone = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, [LongNamed.Label], options));
        using var together = SKBitmap.Decode(DyadChart.RenderPng(scores, PakistanTaliban, ["exchange", LongNamed.Label], options));

        foreach (var bitmap in new[] { alone, together })
        {
            DarkPixels(bitmap, 0, bitmap.Height, 0, 3).Should().Be(0, "no panel title or legend entry runs off the left edge");
            DarkPixels(bitmap, 0, bitmap.Height, bitmap.Width - 3, bitmap.Width).Should().Be(0, "no panel title or legend entry runs off the right edge");
        }
    }

    [Fact]
    public void ACreditWithAWordWiderThanTheChart_IsBrokenToFit_NotClipped()
    {
        var credit = "Data: https://example.org/replication-archive/influence/pakistan-taliban/figure-3/scores-with-intervals.json";
        var options = new DyadChartOptions { Width = 400, ShowStates = false, Title = string.Empty, Credit = credit };

        using var bitmap = SKBitmap.Decode(DyadChart.RenderPng(Scores(), PakistanTaliban, ["exchange"], options));

        DarkPixels(bitmap, 0, bitmap.Height, bitmap.Width - 3, bitmap.Width).Should().Be(0, "the address is broken after a '/' or '-' rather than run off the edge");
        bitmap.Height.Should().BeGreaterThanOrEqualTo(options.PanelHeight + DyadChart.FooterHeight(2));
    }

    private static int DarkPixels(SKBitmap bitmap, int fromRow, int toRow, int fromColumn, int toColumn)
    {
        var count = 0;
        for (var y = fromRow; y < toRow; y++)
        {
            for (var x = fromColumn; x < toColumn; x++)
            {
                var c = bitmap.GetPixel(x, y);
                count += c.Red + c.Green + c.Blue < 384 ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>A custom measure with a long name (0.5 in every period), as a researcher's own might have.</summary>
    private sealed class LongNamed : Measure
    {
        public const string Label = "supportDiversityAcrossEveryKindOfResourceThePatronGaveTheClientInTheTrailingWindow";

        public LongNamed()
            : base(Label)
        {
        }

        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "0.5";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => 0.5;

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }
}
