using FluentAssertions;
using Influence.Cases;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;
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

    [Fact]
    public void ASingleMeasuresPanel_IsTitledWithItsNameInWords_AsTheLegendGivesIt()
    {
        var scores = Reference();

        DyadChart.PanelsFor(scores, ["diffuseObligation"]).Should().ContainSingle().Which.Title.Should().Be("diffuse obligation");
        DyadChart.PanelsFor(scores, ["presenceInfluenceGap"])[0].Title.Should().Be(DyadChart.LegendLabel("presenceInfluenceGap"));
        DyadChart.PanelsFor(scores, ["exchange", "conflict"])[0].Title.Should().Be("Measures");
    }
}
