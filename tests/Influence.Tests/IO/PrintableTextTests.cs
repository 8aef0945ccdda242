using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>The public escaping of case text is the one the library's own messages use.</summary>
public class PrintableTextTests
{
    [Fact]
    public void Escape_WritesWhatATerminalWouldActOn_AsEscapes_AndKeepsEveryScript()
    {
        PrintableText.Escape("Kabul\nKandahar\t\u202Eevil\u001B[31m").Should().Be("Kabul\\u000AKandahar\\u0009\\u202Eevil\\u001B[31m");
        PrintableText.Escape("طالبان · Пакистан · 🇵🇰").Should().Be("طالبان · Пакистан · 🇵🇰");
        PrintableText.NeedsEscape('\u2028').Should().BeTrue();
        PrintableText.NeedsEscape('é').Should().BeFalse();
    }

    [Fact]
    public void Escape_WritesInvisibleFormatCharacters_AsEscapes_ButKeepsTheJoinersOfScriptsAndEmoji()
    {
        // "a\u200Bb" would print as "ab": a zero-width space, a word joiner, a soft hyphen, a byte order mark inside.
        PrintableText.Escape("a\u200Bb").Should().Be("a\\u200Bb");
        PrintableText.Escape("x\u2060y\u00ADz\uFEFF").Should().Be("x\\u2060y\\u00ADz\\uFEFF");
        PrintableText.NeedsEscape('\u2063').Should().BeTrue("an invisible separator is a format character too");

        // The non-joiner shapes Persian letters ("می‌خواهم"); the joiner joins the parts of an emoji.
        PrintableText.Escape("می\u200Cخواهم").Should().Be("می\u200Cخواهم");
        PrintableText.Escape("👩\u200D🌾").Should().Be("👩\u200D🌾");
    }

    [Fact]
    public void ACaseProblem_EchoesAVeryLongValue_CutWithItsLength()
    {
        var id = new string('x', 200_000);
        var json = $$"""
            {
              "schema": "influence.case/1", "id": "long", "name": "Long",
              "sources": [{ "id": "s1", "citation": "A source" }],
              "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
              "evidence": [{ "id": "e1", "kind": "support", "date": "2005", "confidence": "confirmed", "sources": ["s1"], "from": "{{id}}", "to": "C", "resource": "arms", "magnitude": 0.5 }]
            }
            """;

        var problem = CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes(json)).Problems.Should().ContainSingle().Which;

        problem.Message.Should().Contain($"no actor is called \"{new string('x', 160)}… (200,000 characters)\"");
        problem.ToString().Length.Should().BeLessThan(1_000);
    }

    [Fact]
    public void Escape_ReturnsTheSameText_WhenNothingNeedsEscaping_AndRefusesNull()
    {
        const string plain = "Pakistan → Afghan Taliban";

        PrintableText.Escape(plain).Should().BeSameAs(plain);
        var nothing = () => PrintableText.Escape(null!);
        nothing.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("text");
    }

    [Fact]
    public void Escape_IsWhatACaseProblemPrints()
    {
        var problem = new Influence.Cases.CaseProblem("$.name", "a\u001Bb", "expected text");

        problem.ToString().Should().Contain(PrintableText.Escape("a\u001Bb"));
    }
}
