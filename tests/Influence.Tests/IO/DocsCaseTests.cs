using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>The complete JSON case shown in docs/howto-write-a-case.md is valid and scores as the page says.</summary>
public class DocsCaseTests
{
    [Fact]
    public void TheMinimalCaseOnTheHowToPage_IsValid_AndScoresItsDyad()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "howto-write-a-case.md")).ReplaceLineEndings("\n");
        var start = page.IndexOf("<!-- case: minimal -->\n```json\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the page marks its JSON case");
        start = page.IndexOf('\n', page.IndexOf("```json", start, StringComparison.Ordinal)) + 1;
        var json = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        var c = CaseReader.Read(json, "howto-write-a-case.md");
        var scores = Scorer.Score(c);

        c.Evidence.Count.Should().Be(10);
        (scores.From, scores.To).Should().Be((Period.FromYear(2018), Period.FromYear(2022)));
        scores.For(new Dyad("northland", "river-front")).Should().OnlyContain(p => p.Asymmetry.IsDefined, "capabilities are coded from 2018");
    }

    [Fact]
    public void TheEvidenceCsvOnTheHowToPage_IsTheMinimalCaseEvidence()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "howto-write-a-case.md")).ReplaceLineEndings("\n");
        var json = Block(page, "<!-- case: minimal -->\n```json\n");
        var csv = Block(page, "<!-- evidence: minimal -->\n```csv\n");
        var c = CaseReader.Read(json, "howto-write-a-case.md");

        var fromCsv = CaseReader.TryReadWithEvidenceCsv(System.Text.Encoding.UTF8.GetBytes(json), System.Text.Encoding.UTF8.GetBytes(csv));

        fromCsv.Problems.Should().BeEmpty();
        Reproducibility.InputHash(fromCsv.Case!, ScoringOptions.Default).Should().Be(Reproducibility.InputHash(c, ScoringOptions.Default));
        csv.Should().Be(CaseWriter.ToEvidenceCsv(c), "the page shows what export-evidence writes");
    }

    [Fact]
    public void TheProblemsShownOnTheHowToPage_AreWhatTheReaderSaysOfTheSlipsItNames()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "howto-write-a-case.md")).ReplaceLineEndings("\n");
        var json = Block(page, "<!-- case: minimal -->\n```json\n");
        var lines = Block(page, "<!-- evidence: minimal -->\n```csv\n").Split('\n').ToList();
        var shown = Block(page, "<!-- evidence: slips -->\n```text\n");

        // The header's note typed notes, high for a magnitude, month 13, a misspelt actor.
        lines[0] = lines[0].Replace(",note", ",notes", StringComparison.Ordinal);
        var haven = lines.FindIndex(l => l.StartsWith("haven-2018-2022,", StringComparison.Ordinal));
        lines[haven] = lines[haven].Replace(",0.6,", ",high,", StringComparison.Ordinal);
        var intel = lines.FindIndex(l => l.StartsWith("intel-2019,", StringComparison.Ordinal));
        lines[intel] = lines[intel].Replace(",2019-05,", ",2019-13,", StringComparison.Ordinal).Replace(",river-front,northland,", ",river-front,northlnd,", StringComparison.Ordinal);

        var result = CaseReader.TryReadWithEvidenceCsv(
            System.Text.Encoding.UTF8.GetBytes(json), System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines)), "northland.json", "northland-evidence.csv");

        string.Concat(result.Problems.Select(p => p + "\n")).Should().Be(shown, "the page shows the real messages");
    }

    private static string Block(string page, string marker)
    {
        var start = page.IndexOf(marker, StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the page marks the block");
        start += marker.Length;
        return page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
