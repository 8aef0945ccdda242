using FluentAssertions;
using Influence.Cases;
using Influence.Internal;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>
/// Text from a case, a CSV file or the command line in a message is shown, never acted on by the terminal: an ESC (an
/// ANSI escape), another control character or a bidi override is written as its escape; letters of every script stay.
/// </summary>
public sealed class PrintableMessagesTests : IDisposable
{
    private const string Esc = "\u001B";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Escape_WritesControlsAndBidiOverridesAsEscapes_AndKeepsLettersOfEveryScript()
    {
        Printable.Escape("red\u001B[31m\u202Eevil\u2066\u0007\u0085\r\n\u2028").Should().Be("red\\u001B[31m\\u202Eevil\\u2066\\u0007\\u0085\\u000D\\u000A\\u2028");
        Printable.Escape("Пакистан · باكستان · 巴基斯坦 · café · 👍🏽 · a\u200Db").Should().Be("Пакистан · باكستان · 巴基斯坦 · café · 👍🏽 · a\u200Db");
    }

    [Fact]
    public void CaseProblem_ToString_EscapesTheCasesOwnText()
    {
        var problem = new CaseProblem($"$.x{Esc}[2J", $"ev{Esc}[31m", "expected …; \"\u202Edaer\" is not one of them") { File = "case.json", Line = 3 };

        problem.ToString().Should().Be("case.json:3: $.x\\u001B[2J (item 'ev\\u001B[31m'): expected …; \"\\u202Edaer\" is not one of them");
        new InvalidCaseException([problem]).Message.Should().NotContain(Esc);
    }

    [Fact]
    public void UnknownJsonProperty_IsEscaped_InValidatesProblems()
    {
        var path = _cli.PathOf("esc.json");
        File.WriteAllText(path, $$"""
            {
              "schema": "influence.case/1", "id": "esc", "name": "Esc", "x\u001B[31mred\u202E": 1,
              "sources": [{ "id": "s1", "citation": "S" }],
              "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "state" }],
              "evidence": [
                { "id": "e\u001B[2J", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "arms", "magnitude": 7 }
              ]
            }
            """);

        var (code, output, err) = CliRunner.Run("validate", path);

        code.Should().Be(1, err);
        output.Should().NotContain(Esc).And.NotContain("\u202E");
        output.Should().Contain("$.x\\u001B[31mred\\u202E: expected only the properties").And.Contain("\"x\\u001B[31mred\\u202E\" is not one of them");
    }

    [Fact]
    public void CsvColumnName_AndItemId_AreEscaped_InTheirProblems()
    {
        var csv = _cli.PathOf("esc.csv");
        File.WriteAllText(csv, "id,da\u001B[1mte\u202E,date\ne\u001B[2J,x,2001-13\n");

        var (_, output, err) = CliRunner.Run("validate", "--evidence", csv);

        (output + err).Should().NotContain(Esc).And.NotContain("\u202E");
        output.Should().Contain("\"da\\u001B[1mte\\u202E\" is neither");
        output.Should().Contain("date (item 'e\\u001B[2J'): expected a date");
    }

    [Fact]
    public void CommandLineText_IsEscaped_OnStandardError()
    {
        var (code, _, err) = CliRunner.Run("score", "--patron", $"pak{Esc}[31m", "--client", "taliban");

        code.Should().Be(2);
        err.Should().NotContain(Esc).And.Contain("\"pak\\u001B[31m\"");
        CliRunner.Run("score", $"--fo{Esc}rmat").Err.Should().StartWith("influence: unknown option '--fo\\u001Brmat'");
    }

    [Fact]
    public void StandardError_KeepsLineBreaksAndTabs_AndEscapesALoneCarriageReturn()
    {
        using var inner = new StringWriter();
        using var writer = new Influence.Cli.PrintableWriter(inner);

        writer.Write("a\tb\r\nc\rd\n");
        writer.Write('\r');
        writer.Write('\n');
        writer.Write("end\r");
        writer.Flush();

        inner.ToString().Should().Be("a\tb\r\nc\\u000Dd\n\r\nend\\u000D");
    }

    /// <summary>
    /// A left-to-right and a right-to-left mark, which a case may hold (the reader refuses the C1 controls, such as CSI,
    /// and the bidirectional overrides, but not the marks): a terminal would reorder the neutral characters around them.
    /// </summary>
    private const string Evil = "\u200Eline\u200Fevil";

    /// <summary><see cref="Evil"/> as the tool writes it.</summary>
    private const string EvilShown = "\\u200Eline\\u200Fevil";

    /// <summary>A case whose name and actor names end in <see cref="Evil"/>: P supports C in 2005.</summary>
    private string EvilCase()
    {
        var b = new CaseBuilder("evil", "Case" + Evil) { From = Period.FromYear(2000), To = Period.FromYear(2010), EvidenceEnds = new DateOnly(2010, 12, 31) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron" + Evil, ActorKind.State));
        b.AddActor(new Actor("C", "Client" + Evil, ActorKind.NonStateArmedGroup));
        b.AddDyad("P", "C");
        b.Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8));
        b.Add(TestCases.Support("back", TestCases.Year(2005), "C", "P", 0.5));
        return _cli.Write(b.Build());
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public void ScoreOutput_ShowsTheCasesText_WithoutActingOnIt(string format)
    {
        var (code, output, err) = CliRunner.Run("score", EvilCase(), "--format", format);

        code.Should().Be(0, err);
        output.Should().NotContain("\u200E").And.NotContain("\u200F");
        if (format == "table")
        {
            output.Should().StartWith($"Case{EvilShown} — input hash ");
        }
    }

    [Fact]
    public void ScoreTable_WrittenToAFile_ShowsTheCasesText_WithoutActingOnIt()
    {
        var target = _cli.PathOf("scores.txt");

        var (code, _, err) = CliRunner.Run("score", EvilCase(), "--out", target);

        code.Should().Be(0, err);
        File.ReadAllText(target).Should().StartWith($"Case{EvilShown} — input hash ").And.NotContain("\u200E").And.NotContain("\u200F");
    }

    [Fact]
    public void NetworkJson_EscapesActorNames_AsTheSameStrings()
    {
        var (code, output, err) = CliRunner.Run("network", EvilCase(), "--period", "2005");

        code.Should().Be(0, err);
        output.Should().NotContain("\u200E").And.NotContain("\u200F").And.Contain($"\"Patron{EvilShown}\"");
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Strings(json.RootElement).Should().Contain("Patron" + Evil, "\\u200F in JSON is the same character: nothing is lost");
    }

    [Fact]
    public void NetworkDot_WritesTheMarksInActorNames_AsHtmlEntities_WhichGraphvizDraws()
    {
        // DOT has no \u escape: "\u200E" in a label would be drawn as the letters "u200E". An HTML entity is drawn as
        // the character, and is as inert in a terminal as the escape.
        var (code, output, err) = CliRunner.Run("network", EvilCase(), "--period", "2005", "--format", "dot");

        code.Should().Be(0, err);
        output.Should().NotContain("\u200E").And.NotContain("\u200F").And.NotContain("\\u200");
        output.Should().Contain("label=\"Patron&#x200E;line&#x200F;evil\"").And.Contain("label=\"Case&#x200E;line&#x200F;evil, 2005\"");
    }

    [Fact]
    public void NetworkDot_WrittenToAFile_IsTheLibrarysDot_Unchanged()
    {
        var target = _cli.PathOf("net.dot");

        var (code, _, err) = CliRunner.Run("network", EvilCase(), "--period", "2005", "--format", "dot", "--out", target);

        code.Should().Be(0, err);
        var network = Influence.Networks.ActorNetwork.ForPeriod(Influence.IO.CaseReader.ReadFile(_cli.PathOf("case.json")), Period.FromYear(2005));
        File.ReadAllText(target).Should().Be(Influence.IO.NetworkWriter.ToDot(network), "the DOT holds nothing the output's escaping would change");
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [e.GetString()!],
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
