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
}
