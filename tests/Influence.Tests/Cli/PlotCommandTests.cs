using System.Buffers.Binary;
using FluentAssertions;
using Influence.Cases;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

public class PlotCommandTests
{
    /// <summary>The last period in which Pakistan → the Afghan Republic (2001-12 to 2021-08-15) has a defined measure.</summary>
    private const string ActiveEnd = "2021";

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    /// <summary>Runs <c>plot</c> with these arguments and <c>--out</c> a temporary PNG, checks it exits 0, and returns the PNG's bytes.</summary>
    private static byte[] Plot(params string[] args)
    {
        using var file = new TempFile("influence-plot-", ".png");
        var (code, _, err) = Run([.. args, "--out", file.Path]);
        code.Should().Be(0, err);
        return File.ReadAllBytes(file.Path);
    }

    [Fact]
    public void Plot_WritesTheChartOfTheGivenMeasures()
    {
        using var file = new TempFile("influence-plot-", ".png");
        var path = file.Path;
        var (code, output, err) = Run("plot", "--patron", "pakistan", "--client", "taliban", "--measures", "exchange,conflict", "--out", path);

        code.Should().Be(0);
        output.Should().BeEmpty("standard output stays clean for pipes");
        err.Should().Be($"wrote {path}{Environment.NewLine}");
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        File.ReadAllBytes(path).Should().Equal(DyadChart.RenderPng(scores, new Dyad("pakistan", "taliban"), ["exchange", "conflict"]), "the chart of those two measures, drawn as the library draws it");
    }

    [Fact]
    public void Plot_WithIntervals_DrawsTheDrawsBands_AndSaysWhatTheyAre()
    {
        using var file = new TempFile("influence-plot-", ".png");
        var path = file.Path;
        var (code, _, err) = Run("plot", "--patron", "pakistan", "--client", "taliban", "--measures", "conflict", "--intervals", "20", "--seed", "5", "--out", path);

        code.Should().Be(0, err);
        var how = new Influence.Uncertainty.IntervalOptions { Draws = 20, Seed = 5 };
        var scores = Influence.Uncertainty.Intervals.Compute(Scorer.Score(CaseReader.LoadBuiltIn()), how);
        File.ReadAllBytes(path).Should().Equal(DyadChart.RenderPng(scores, new Dyad("pakistan", "taliban"), ["conflict"]), "the chart of the scores with their intervals");
        File.ReadAllBytes(path).Should().NotEqual(DyadChart.RenderPng(Scorer.Score(CaseReader.LoadBuiltIn()), new Dyad("pakistan", "taliban"), ["conflict"]));
        var (from, to) = DyadChart.ActiveRange(scores, 0);
        DyadChart.DefaultTitle(scores, new Dyad("pakistan", "taliban"), from, to).Should().Be("Pakistan → Afghan Taliban, 1994–2026; shaded: 90% intervals from 20 draws");
        Run("plot", "--patron", "pakistan", "--client", "taliban", "--seed", "5", "--out", path).Code.Should().Be(2, "--seed alone is wrong usage");
    }

    [Fact]
    public void Plot_DrawsAtTheGivenWidth_OnePanelPerScale()
    {
        var png = Plot("plot", "--patron", "pakistan", "--client", "taliban", "--measures", "exchange,conflict,accountBalance", "--width", "1600");

        // The IHDR chunk follows the 8-byte signature and its own length and type: width at bytes 16–19, height at
        // 20–23, big-endian. Exchange and conflict share the [0, 1] panel, the account balance (signed) has its
        // own: a 40-pixel title and two 450-pixel panels, 940.
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).Should().Be(1600);
        // Under them the state strip, then its key, the note on the partial period 2026 and the credit line.
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)).Should().Be(40 + (2 * 450) + DyadChart.StateStripHeight + DyadChart.FooterHeight(3));
    }

    [Theory]
    [InlineData("--title", "Figure 2: Pakistan and the Taliban", "Figure 2: Pakistan and the Taliban", null)]
    [InlineData("--title", "", "", null)]
    [InlineData("--credit", "Chart: A. Author; data: Influence", null, "Chart: A. Author; data: Influence")]
    [InlineData("--credit", "", null, "")]
    [InlineData("--no-credit", null, null, "")]
    [InlineData("--no-states", null, null, null)]
    public void Plot_DrawsTheGivenTitleAndCredit(string option, string? value, string? title, string? credit)
    {
        string[] words = value is null ? [option] : [option, value];
        var png = Plot(["plot", "--patron", "pakistan", "--client", "taliban", "--measures", "exchange", .. words]);

        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var dyad = new Dyad("pakistan", "taliban");
        png.Should().Equal(DyadChart.RenderPng(scores, dyad, ["exchange"], new DyadChartOptions { Title = title, Credit = credit, ShowStates = option != "--no-states" }));
        png.Should().NotEqual(DyadChart.RenderPng(scores, dyad, ["exchange"]), $"{option} changes the chart");
    }

    [Fact]
    public void Plot_ToAPeriod_StartsWhereTheDyadBecomesActive_NotAtTheCasesStart()
    {
        var png = Plot("plot", "--patron", "pakistan", "--client", "taliban", "--measures", "exchange", "--to", "2025");

        var dyad = new Dyad("pakistan", "taliban");
        var scores = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { Dyads = [dyad], To = Period.FromYear(2025), Granularity = Granularity.Year });
        var drawn = new DyadChartOptions { TrimToActiveEnd = false };
        var (from, to) = DyadChart.DrawnRange(scores, 0, drawn);
        (scores.Periods[from].ToString(), scores.Periods[to].ToString()).Should().Be(("1994", "2025"), "as trend --to 2025 does, the chart starts where the dyad does, not at the case's 1973");
        png.Should().Equal(DyadChart.RenderPng(scores, dyad, ["exchange"], drawn), "the chart of 1994–2025");
        png.Should().NotEqual(DyadChart.RenderPng(scores, dyad, ["exchange"], new DyadChartOptions { ActiveRangeOnly = false }), "1973–2025 is not drawn");
    }

    [Fact]
    public void Plot_FromAPeriod_EndsWhereTheDyadStops_NotAtTheCasesEnd()
    {
        var png = Plot("plot", "--patron", "pakistan", "--client", "afghan-republic", "--measures", "exchange", "--from", "1990");

        var dyad = new Dyad("pakistan", "afghan-republic");
        var scores = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { Dyads = [dyad], From = Period.FromYear(1990), Granularity = Granularity.Year });
        var drawn = new DyadChartOptions { TrimToActiveStart = false };
        var d = scores.IndexOf(dyad);
        var (from, to) = DyadChart.DrawnRange(scores, d, drawn);
        (scores.Periods[from].ToString(), scores.Periods[to].ToString()).Should().Be(("1990", ActiveEnd), "the start is the one asked for; the end is the dyad's last active period, not the case's 2026");
        png.Should().Equal(DyadChart.RenderPng(scores, dyad, ["exchange"], drawn));
        png.Should().NotEqual(DyadChart.RenderPng(scores, dyad, ["exchange"], new DyadChartOptions { ActiveRangeOnly = false }), "the years to 2026 are not drawn");
    }

    [Theory]
    [InlineData("give --credit TEXT or --no-credit, not both", "--credit", "Mine", "--no-credit")]
    [InlineData("--title must be one line of text", "--title", "one\ntwo")]
    [InlineData("--credit must be one line of text", "--credit", "one\ttwo")]
    [InlineData("--title must be one line of text", "--title", "one\u2028two")]
    [InlineData("--title must be text without bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069; the marks U+200E, U+200F and U+061C are fine); character 2 is U+202E; was 'a\\u202Eb'", "--title", "a\u202Eb")]
    [InlineData("--credit must be text without bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069; the marks U+200E, U+200F and U+061C are fine); character 5 is U+2067; was 'Data\\u2067x'", "--credit", "Data\u2067x")]
    [InlineData("--title must be one line of text, with no line break or other control character; was 'one\\u000Atwo'", "--title", "one\ntwo")]
    public void Plot_ExitsWithUsageCode_OnAWrongTitleOrCredit(string message, params string[] words)
    {
        var path = Path.Combine(Path.GetTempPath(), $"influence-plot-{Guid.NewGuid():N}.png");
        var (code, output, err) = Run(["plot", "--patron", "pakistan", "--client", "taliban", .. words, "--out", path]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Contain(message);
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Plot_ExitsWithUsageCode_WhenOutIsNotAPng()
    {
        var (code, _, err) = Run("plot", "--patron", "pakistan", "--client", "taliban", "--out", "chart.jpg");

        code.Should().Be(2);
        err.Should().Contain("--out must name a .png file");
    }

    [Fact]
    public void Plot_ExitsWithUsageCode_OnUnknownMeasure()
    {
        var path = Path.Combine(Path.GetTempPath(), $"influence-plot-{Guid.NewGuid():N}.png");
        var (code, _, err) = Run("plot", "--patron", "pakistan", "--client", "taliban", "--measures", "leverage", "--out", path);

        code.Should().Be(2);
        err.Should().Contain("no measure is called 'leverage'");
        File.Exists(path).Should().BeFalse();
    }
}
