using System.Text;
using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// The characters a case's text may not hold beyond the C0 controls: the C1 controls (U+0080–U+009F; CSI, U+009B, is
/// one a terminal acts on) and the bidirectional embeddings, overrides and isolates; the bidirectional marks are fine.
/// </summary>
public class TextCharacterTests
{
    private static string C1At(int position, string code) =>
        $"expected text without control characters (tabs and line breaks aside); character {position} is U+{code}";

    private static string BidiAt(int position, string code) =>
        $"expected text without bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069; the marks U+200E, U+200F and U+061C are fine); character {position} is U+{code}";

    [Fact]
    public void C1ControlsAndBidiOverrides_InText_AreProblems_EachLocated_AllAtOnce()
    {
        // Raw in the JSON (which allows them unescaped) and escaped: both read the same.
        var json = """
            {
              "schema": "influence.case/1",
              "id": "t",
              "name": "Test<009B>31m",
              "description": "reordered: <202E>abc",
              "sources": [{ "id": "s1", "citation": "A source \u0085 with a NEL" }],
              "actors": [
                { "id": "P", "name": "Patron", "kind": "state", "aliases": ["ok", "\u2067حقاني\u2069"] },
                { "id": "C", "name": "Client", "kind": "movement", "note": "CSI <009B>" }
              ],
              "issues": [{ "id": "i", "name": "Issue", "description": "isolate \u2066" }],
              "evidence": [
                { "id": "e1", "kind": "coercion", "date": "2001", "confidence": "alleged", "sources": ["s1"], "from": "P", "to": "C", "type": "threat", "severity": 0.2, "note": "raw <202D> override" },
                { "id": "e2", "kind": "coercion", "date": "2001", "confidence": "alleged", "sources": ["s1"], "from": "P", "to": "C", "type": "threat", "severity": 0.2, "note": "escaped \u0080" },
                { "id": "e3\u202E", "kind": "coercion", "date": "2001", "confidence": "alleged", "sources": ["s1"], "from": "P", "to": "C", "type": "threat", "severity": 0.2 }
              ]
            }
            """;

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(Raw(json)), "chars.json").Problems;

        problems.Select(p => (p.Path, p.ItemId, p.Message)).Should().BeEquivalentTo(new[]
        {
            ("$.name", (string?)null, C1At(5, "009B")),
            ("$.description", null, BidiAt(12, "202E")),
            ("$.sources[0].citation", "s1", C1At(10, "0085")),
            ("$.actors[0].aliases[1]", "P", BidiAt(1, "2067")),
            ("$.actors[1].note", "C", C1At(5, "009B")),
            ("$.issues[0].description", "i", BidiAt(9, "2066")),
            ("$.evidence[0].note", "e1", BidiAt(5, "202D")),
            ("$.evidence[1].note", "e2", C1At(9, "0080")),
            ("$.evidence[2].id", null, BidiAt(3, "202E")),
        });
        problems.Should().OnlyContain(p => p.Line != null && p.Column != null);
    }

    [Fact]
    public void AControlCharacterInAnAlias_IsALocatedProblem_NotAnException()
    {
        // Aliases were not checked as text: the actor's constructor threw out of the reader.
        var json = """
            {
              "schema": "influence.case/1",
              "id": "t",
              "name": "Alias",
              "sources": [{ "id": "s1", "citation": "A source" }],
              "actors": [{ "id": "P", "name": "Patron", "kind": "state", "aliases": ["nul\u0000"] }],
              "evidence": []
            }
            """;

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "alias.json").Problems;

        problems.Select(p => (p.Path, p.ItemId, p.Message)).Should().Equal(("$.actors[0].aliases[0]", "P", C1At(4, "0000")));
    }

    [Fact]
    public void BidiMarks_NextToArabicScriptNames_AreFine()
    {
        // LRM, RLM and the Arabic letter mark, raw and escaped, in a name, an alias, a note and an evidence note.
        var json = """
            {
              "schema": "influence.case/1",
              "id": "t",
              "name": "Marks",
              "sources": [{ "id": "s1", "citation": "حقاني<200F> (Haqqani)" }],
              "actors": [
                { "id": "P", "name": "Pakistan <200E>پاکستان", "kind": "state", "aliases": ["\u061Cطالبان"] },
                { "id": "C", "name": "Taliban", "kind": "movement", "note": "\u200Fد طالبانو\u200F" }
              ],
              "evidence": [
                { "id": "e1", "kind": "coercion", "date": "2001", "confidence": "alleged", "sources": ["s1"], "from": "P", "to": "C", "type": "threat", "severity": 0.2, "note": "طالبان<200E> 2001" }
              ]
            }
            """;

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(Raw(json)), "marks.json");

        result.Problems.Should().BeEmpty();
        result.Case!.Actors.Single(a => a.Id == "P").Aliases.Should().Equal("\u061Cطالبان");
        result.Case.Actors.Single(a => a.Id == "P").Name.Should().Be("Pakistan \u200Eپاکستان");
    }

    [Theory]
    [InlineData("\u009B")]
    [InlineData("\u0085")]
    [InlineData("\u202E")]
    [InlineData("\u2068")]
    public void TheLibrarysTypes_RefuseWhatTheReaderRefuses(string c)
    {
        var name = () => new Actor("a", $"Name{c}", ActorKind.State);
        var alias = () => new Actor("a", "Name", ActorKind.State) { Aliases = [$"{c}x"] };

        name.Should().Throw<ArgumentException>().WithMessage("*character 5 is U+*");
        alias.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AC1ControlInACsvCell_IsALocatedCsvProblem()
    {
        const string Head = """
            {
              "schema": "influence.case/1",
              "id": "csv",
              "name": "Evidence from a spreadsheet",
              "sources": [{ "id": "s1", "citation": "A source" }],
              "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }]
            }
            """;
        const string Csv = "id,kind,date,confidence,sources,from,to,type,severity,note\n"
            + "e1,coercion,2001,alleged,s1,P,C,threat,0.2,fine\n"
            + "e2,coercion,2001,alleged,s1,P,C,threat,0.2,CSI \u009B31m\n"
            + "e3,coercion,2001,alleged,s1,P,C,threat,0.2,\"quoted \u202E\"\n";

        var result = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(Csv), "case.json", "evidence.csv");

        result.Success.Should().BeFalse();
        result.Problems.Select(p => p.ToString()).Should().Equal(
            $"evidence.csv:3:10: note (item 'e2'): {C1At(5, "009B")}",
            $"evidence.csv:4:10: note (item 'e3'): {BidiAt(8, "202E")}");
    }

    /// <summary>The JSON with each &lt;XXXX&gt; replaced by the character U+XXXX, raw: JSON holds any character from U+0020 unescaped.</summary>
    private static string Raw(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "<([0-9A-F]{4})>", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
}
