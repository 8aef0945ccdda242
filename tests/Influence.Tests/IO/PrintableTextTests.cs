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
