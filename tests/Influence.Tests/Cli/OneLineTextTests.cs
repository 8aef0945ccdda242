using FluentAssertions;
using Influence.Cases;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// A case's text may hold line breaks (LF, CR LF, U+2028, U+2029) and tabs. Where a text output has one line for it (the
/// case's name heading a table or a report, a DOT label) a line break must not split that line: it is written as its
/// escape (<c>\u000A</c>), in DOT as DOT's <c>\n</c>. Where the text has lines of its own (an evidence item's note, a
/// source's citation), a line break continues the block, indented under its first line.
/// </summary>
public sealed class OneLineTextTests : IDisposable
{
    /// <summary>Text with every line break a case may hold, and a tab.</summary>
    private const string Breaks = "a\nb\r\nc\u2028d\u2029e\tf";

    /// <summary><see cref="Breaks"/> as a one-line context writes it.</summary>
    private const string BreaksShown = "a\\u000Ab\\u000D\\u000Ac\\u2028d\\u2029e\\u0009f";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>
    /// P supports C in 2005 and C supports P: the case's name, the actors' names, both items' notes and the source's
    /// citation end in <paramref name="tail"/>.
    /// </summary>
    private string CaseWith(string tail, string file)
    {
        var b = new CaseBuilder("lines", "Case " + tail) { From = Period.FromYear(2000), To = Period.FromYear(2010), EvidenceEnds = new DateOnly(2010, 12, 31) };
        b.AddSource(new Source("s1", "Source " + tail));
        b.AddActor(new Actor("P", "Patron " + tail, ActorKind.State) { Note = "actor " + tail });
        b.AddActor(new Actor("C", "Client " + tail, ActorKind.NonStateArmedGroup));
        b.AddDyad("P", "C");
        b.Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8) with { Note = "give " + tail });
        b.Add(TestCases.Support("back", TestCases.Year(2005), "C", "P", 0.5) with { Note = "back " + tail });
        return _cli.Write(b.Build(), file);
    }

    private static string[] Lines(string output) => output.Split(Environment.NewLine);

    /// <summary>No raw line break but the output's own, and no raw separator.</summary>
    private static void NoRawBreaks(string output) =>
        output.Replace(Environment.NewLine, string.Empty, StringComparison.Ordinal).Should().NotContainAny("\n", "\r", "\u2028", "\u2029");

    public static TheoryData<string[]> HeadedByTheCasesName => new()
    {
        new[] { "score" },
        new[] { "score", "--intervals", "20" },
        new[] { "trend", "--patron", "P", "--client", "C", "--measure", "exchange" },
        new[] { "changepoints", "--patron", "P", "--client", "C", "--measure", "exchange" },
        new[] { "sensitivity", "--patron", "P", "--client", "C", "--period", "2005" },
    };

    [Theory]
    [MemberData(nameof(HeadedByTheCasesName))]
    public void CasesName_HeadingATextOutput_StaysOnItsLine_WithItsLineBreaksEscaped(string[] command)
    {
        var plain = CliRunner.Run([command[0], CaseWith("x", "plain.json"), .. command[1..]]);
        var (code, output, err) = CliRunner.Run([command[0], CaseWith(Breaks, "breaks.json"), .. command[1..]]);

        code.Should().Be(0, err);
        plain.Code.Should().Be(0, plain.Err);
        Lines(output)[0].Should().StartWith($"Case {BreaksShown} — input hash ");
        if (command[0] != "sensitivity")
        {
            // The notes sensitivity writes on their own lines are the test below's.
            Lines(output).Should().HaveCount(Lines(plain.Out).Length, "a line break in the case's name does not split the heading");
            NoRawBreaks(output);
        }
    }

    [Fact]
    public void ScoreTable_WrittenToAFile_KeepsTheCasesNameOnItsLine()
    {
        var target = _cli.PathOf("scores.txt");

        var (code, _, err) = CliRunner.Run("score", CaseWith(Breaks, "breaks.json"), "--out", target);

        code.Should().Be(0, err);
        var text = File.ReadAllText(target);
        text.Should().StartWith($"Case {BreaksShown} — input hash ");
        NoRawBreaks(text);
    }

    [Fact]
    public void NetworkJson_KeepsTheActorsNames_AsTheSameStrings()
    {
        var (code, output, err) = CliRunner.Run("network", CaseWith(Breaks, "breaks.json"), "--period", "2005");

        code.Should().Be(0, err);
        NoRawBreaks(output);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("name").GetString())
            .Should().Contain("Patron " + Breaks, "JSON carries a line break in a string: nothing changes there");
    }

    [Fact]
    public void Explain_WritesANotesAndACitationsLines_IndentedUnderTheirFirst()
    {
        var (code, output, err) = CliRunner.Run("explain", CaseWith(Breaks, "breaks.json"), "--patron", "P", "--client", "C", "--period", "2005", "--measure", "exchange");

        code.Should().Be(0, err);
        var nl = Environment.NewLine;
        // LF and CR LF start an indented line; U+2028, U+2029 and the tab are shown as everywhere else (the separators
        // as escapes, the tab as it is).
        output.Should().Contain($"{nl}              give a{nl}              b{nl}              c\\u2028d\\u2029e\tf{nl}");
        output.Should().Contain($"{nl}              source: Source a{nl}                      b{nl}                      c\\u2028d\\u2029e\tf{nl}");
        Lines(output).Skip(1).Should().OnlyContain(l => l.Length == 0 || l.StartsWith("  ", StringComparison.Ordinal), "every line after the heading belongs to it, indented");
        NoRawBreaks(output);
    }

    [Fact]
    public void Sensitivity_WritesANotesAndACitationsLines_IndentedUnderTheirFirst()
    {
        var (code, output, err) = CliRunner.Run("sensitivity", CaseWith(Breaks, "breaks.json"), "--patron", "P", "--client", "C", "--period", "2005");

        code.Should().Be(0, err);
        var nl = Environment.NewLine;
        output.Should().Contain($"{nl}      back a{nl}      b{nl}      c\\u2028d\\u2029e\tf{nl}");
        output.Should().Contain($"{nl}      source: Source a{nl}              b{nl}              c\\u2028d\\u2029e\tf{nl}");
        // At the margin only the heading, each measure's line and each verdict's: nothing of a note or a citation.
        Lines(output).Skip(1).Where(l => l.Length > 0 && !l.StartsWith(' ')).Should().OnlyContain(l => l.Contains(" of P → C in 2005", StringComparison.Ordinal));
        NoRawBreaks(output);
    }

    [Fact]
    public void NetworkDot_WritesLineBreaksInLabels_AsDotsLineBreak()
    {
        var plain = CliRunner.Run("network", CaseWith("x", "plain.json"), "--period", "2005", "--format", "dot");
        var (code, output, err) = CliRunner.Run("network", CaseWith(Breaks, "breaks.json"), "--period", "2005", "--format", "dot");

        code.Should().Be(0, err);
        output.Should().Contain("label=\"Case a\\nb\\nc\\nd\\ne\tf, 2005\"").And.Contain("[label=\"Patron a\\nb\\nc\\nd\\ne\tf\", shape=box]").And.Contain("[label=\"Client a\\nb\\nc\\nd\\ne\tf\", shape=ellipse]");
        Lines(output).Should().HaveCount(Lines(plain.Out).Length);
        NoRawBreaks(output);
    }

    [Fact]
    public void Validate_SaysTheCaseIsValid_OnOneLine()
    {
        var (code, output, err) = CliRunner.Run("validate", CaseWith(Breaks, "breaks.json"));

        code.Should().Be(0, err);
        Lines(output).Should().HaveCount(2).And.Subject.First().Should().EndWith("breaks.json: valid — 2 actors, 2 evidence items, 1 dyad.");
    }
}
