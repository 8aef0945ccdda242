using System.Text;
using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// The readers' messages for slips a new user makes: each is one short problem that says what to write, and no
/// problem follows from it.
/// </summary>
public class ReaderMessageTests
{
    private const string Head = """
        {"schema":"influence.case/1","id":"t","name":"T","sources":[{"id":"x","citation":"X"}],
         "actors":[{"id":"pakistan","name":"P","kind":"state"},{"id":"taliban","name":"T","kind":"movement"},
                   {"id":"northland","name":"N","kind":"state"},{"id":"river-front","name":"R","kind":"movement"}],
        """;

    private static string Item(string id, string date = "2019", string to = "taliban", string sources = "\"sources\": [\"x\"]") =>
        $$"""{"id": "{{id}}", "kind": "support", "date": "{{date}}", "confidence": "confirmed", {{sources}}, "from": "pakistan", "to": "{{to}}", "resource": "fuel", "magnitude": 0.5}""";

    private static IReadOnlyList<Influence.Cases.CaseProblem> Read(string dyads, params string[] items) =>
        CaseReader.TryRead(Encoding.UTF8.GetBytes($"{Head}\"dyads\": {dyads}, \"evidence\": [{string.Join(",\n", items)}]}}"), "case.json").Problems;

    [Fact]
    public void ACapitalisedHeader_IsOneProblemPerCell_AndNothingFollowsFromIt()
    {
        const string Csv = "ID,Kind,Date,Confidence,Source,From,To,Resource,Magnitude\ne1,support,2019,confirmed,x,pakistan,taliban,fuel,0.5\ne2,support,2020,confirmed,x,pakistan,taliban,fuel,0.5\n";

        var problems = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head + "\"dyads\": []}"), Encoding.UTF8.GetBytes(Csv), "case.json", "hdr.csv").Problems;

        problems.Select(p => p.ToString()).Should().Equal(
            "hdr.csv:1:1: ID: column names are lower case; write \"id\"",
            "hdr.csv:1:2: Kind: column names are lower case; write \"kind\"",
            "hdr.csv:1:3: Date: column names are lower case; write \"date\"",
            "hdr.csv:1:4: Confidence: column names are lower case; write \"confidence\"",
            "hdr.csv:1:5: Source: column names are the case format's field names; write \"sources\"",
            "hdr.csv:1:6: From: column names are lower case; write \"from\"",
            "hdr.csv:1:7: To: column names are lower case; write \"to\"",
            "hdr.csv:1:8: Resource: column names are lower case; write \"resource\"",
            "hdr.csv:1:9: Magnitude: column names are lower case; write \"magnitude\"");
    }

    [Fact]
    public void ACapitalisedColumn_IsReadAsItsField_SoItsCellsAreStillChecked()
    {
        const string Csv = "id,kind,Date,confidence,sources,from,to,resource,magnitude\ne1,support,2019-13,confirmed,x,pakistan,taliban,fuel,0.5\n";

        var problems = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head + "\"dyads\": []}"), Encoding.UTF8.GetBytes(Csv), "case.json", "hdr.csv").Problems;

        problems.Select(p => p.ToString()).Should().Equal(
            "hdr.csv:1:3: Date: column names are lower case; write \"date\"",
            "hdr.csv:2:3: date (item 'e1'): expected a date YYYY, YYYY-MM or YYYY-MM-DD; was \"2019-13\"; there is no month 13");
    }

    [Fact]
    public void AMisspeltColumn_IsNotAlsoAMissingOne_AndTheFieldsAreListedOnce()
    {
        const string Csv = "id,kind,dtae,confidence,sources,from,to,resource,magnitude,foo,bar\ne1,support,2019,confirmed,x,pakistan,taliban,fuel,0.5,1,2\n";

        var problems = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head + "\"dyads\": []}"), Encoding.UTF8.GetBytes(Csv), "case.json", "hdr.csv").Problems;

        problems.Should().HaveCount(3, "one per unknown column: no missing \"date\" column, no row without a date");
        problems[0].Message.Should().EndWith("\"dtae\" is neither; did you mean \"date\"?").And.Contain("id, kind, date");
        problems[1].Message.Should().Be("expected a column named after an evidence field (listed for column 3), or a name starting with # for a column of your own that is not read (\"#foo\"); \"foo\" is neither");
        problems[2].Message.Should().Contain("(listed for column 3)");
    }

    [Fact]
    public void ASheetWithNoDateColumn_IsOneProblemAtTheHeader()
    {
        const string Csv = "id,kind,confidence,sources,from,to,resource,magnitude\ne1,support,confirmed,x,pakistan,taliban,fuel,0.5\ne2,support,confirmed,x,pakistan,taliban,fuel,0.5\n";

        var problems = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head + "\"dyads\": []}"), Encoding.UTF8.GetBytes(Csv), "case.json", "hdr.csv").Problems;

        problems.Select(p => p.ToString()).Should().Equal(
            "hdr.csv:1: date: expected a column \"date\", or the columns \"start\" and \"end\" in its place: 2 rows need it and the header has none (column names are the case format's field names, in lower case)");
    }

    [Theory]
    [InlineData("2019-5", "; did you mean \"2019-05\"?")]
    [InlineData("14.07.2021", "; did you mean \"2021-07-14\"?")]
    [InlineData("05/2019", "; did you mean \"2019-05\"?")]
    [InlineData("7/14/2021", "; did you mean \"2021-07-14\"?")]
    [InlineData("2021/03/05", "; did you mean \"2021-03-05\"?")]
    [InlineData("2021-07-14T00:00:00", "; did you mean \"2021-07-14\"?")]
    [InlineData("March 2021", "; did you mean \"2021-03\"?")]
    [InlineData("05/06/2019", "; the day may come first or the month: write \"2019-06-05\" or \"2019-05-06\"")]
    [InlineData("Mar-20", "; the year has two digits: write it in full, \"2020-03\" if 20 is 2020")]
    [InlineData("Sept '87", "; the year has two digits: write it in full, \"1987-09\" if 87 is 1987")]
    [InlineData("14.07.21", "; the year has two digits: write it in full, \"2021-07-14\" if 21 is 2021")]
    [InlineData("7/14/98", "; the year has two digits: write it in full, \"1998-07-14\" if 98 is 1998")]
    [InlineData("05/06/29", "; the year has two digits and the day may come first or the month: write the year in full, \"2029-06-05\" or \"2029-05-06\" if 29 is 2029")]
    [InlineData("31.02.21", "")]
    [InlineData("March 20", "")]
    [InlineData("Foo-20", "")]
    [InlineData("31.02.2021", "")]
    [InlineData("44391", "")]
    public void ADateInAnotherForm_InACaseFile_GetsTheFormMeant_NotTheSpreadsheetHint(string date, string hint)
    {
        var problems = Read("[]", Item("e1", date));

        problems.Select(p => p.Message).Should().Equal($"expected a date YYYY, YYYY-MM or YYYY-MM-DD; was \"{date}\"{hint}");
    }

    [Fact]
    public void ADateInAnotherForm_InAnEvidenceSheet_KeepsTheSpreadsheetHint()
    {
        const string Csv = "id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,05/2019,confirmed,x,pakistan,taliban,fuel,0.5\n";

        var problems = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head + "\"dyads\": []}"), Encoding.UTF8.GetBytes(Csv), "case.json", "e.csv").Problems;

        problems.Select(p => p.Message).Should().Equal("expected a date YYYY, YYYY-MM or YYYY-MM-DD; was \"05/2019\"; a spreadsheet may have reformatted it (keep date columns as Text)");
    }

    [Fact]
    public void AShortenedId_IsSuggested()
    {
        var problems = Read("[]", Item("e1", to: "talib"));

        problems.Select(p => p.Message).Should().Equal("expected the id of an actor of the case; no actor is called \"talib\"; did you mean \"taliban\"?");
    }

    [Fact]
    public void ASingularSources_IsOneProblemPerItem()
    {
        var items = Enumerable.Range(0, 10).Select(i => Item($"e{i}", sources: "\"source\": \"x\"")).ToArray();

        var problems = Read("[]", items);

        problems.Should().HaveCount(10, "one problem an item, not also a missing \"sources\"");
        problems[3].Path.Should().Be("$.evidence[3].source");
        problems[3].Message.Should().Be("unknown property; did you mean \"sources\" (an array of source ids)?");
    }

    [Fact]
    public void AWordCodersUseForAProperty_SuggestsTheOneMeant_AndNotAlsoThatItIsMissing()
    {
        const string Json = """
            {"schema":"influence.case/1","id":"t","title":"T","summary":"S",
             "sources":[{"id":"x","reference":"X","link":"https://example.org"}],
             "actors":[{"id":"p","name":"P","kind":"state","notes":"n"}],
             "evidence":[]}
            """;

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(Json), "case.json").Problems;

        problems.Select(p => $"{p.Path}: {p.Message}").Should().Equal(
            "$.title: unknown property; did you mean \"name\"?",
            "$.summary: unknown property; did you mean \"description\"?",
            "$.sources[0].reference: unknown property; did you mean \"citation\"?",
            "$.sources[0].link: unknown property; did you mean \"url\"?",
            "$.actors[0].notes: unknown property; did you mean \"note\"?");
    }

    [Fact]
    public void ADyadAsAnArray_IsToldTheShapeOfADyad()
    {
        var problems = Read("[[\"northland\", \"river-front\"]]", Item("e1"));

        problems.Select(p => p.ToString()).Should().Equal("case.json:3:118: $.dyads[0]: expected an object like { \"patron\": \"…\", \"client\": \"…\" }; was an array");
    }
}
