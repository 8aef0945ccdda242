using System.Text;
using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// A quote opened in an evidence sheet and never closed on its line, where a later row holds a quoted cell: found by
/// <c>Properties/EvidenceCsvGrammarFuzzing.cs</c>. The later cell's opening quote was taken for the closing one, and
/// the malformed cell ran on to the end of that later line, so the rows between were read into it and their problems
/// never reported.
/// </summary>
public sealed class EvidenceCsvQuoteRecoveryTests
{
    private const string Head = """
        {
          "schema": "influence.case/1", "id": "quotes", "name": "Quotes",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
          "dyads": [{ "patron": "P", "client": "C" }]
        }
        """;

    private const string Header = "id,kind,date,confidence,sources,from,to,resource,magnitude,note";

    private static CaseReadResult ReadCsv(params string[] lines) =>
        CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"), "case.json", "evidence.csv");

    [Fact]
    public void A_quote_never_closed_on_its_line_does_not_swallow_the_rows_up_to_a_later_quoted_cell()
    {
        // The smallest input the fuzzer's finding reduces to: e2's unknown actor was not reported.
        var result = ReadCsv(
            Header,
            "e1,support,2001,\"confirmed,s1,P,C,arms,0.5,",
            "e2,support,2002,confirmed,s1,ghost,C,arms,0.5,",
            "e3,support,2003,confirmed,s1,P,C,arms,0.5,\"said, once\"");

        result.Problems.Select(p => (p.Line, p.Column, p.Path)).Should().Equal((2, 4, "confidence"), (3, 6, "from"));
        result.Problems[0].Message.Should().Contain("never closed").And.Contain("the next line as the next row");
        result.Problems[1].Message.Should().Contain("\"ghost\"");
    }

    [Fact]
    public void A_quoted_cell_with_text_after_its_closing_quote_on_its_own_line_is_still_read_to_the_end_of_that_line()
    {
        var result = ReadCsv(
            Header,
            "e1,support,2001,\"confirmed\"x,s1,P,C,arms,0.5,",
            "e2,support,2002,confirmed,s1,ghost,C,arms,0.5,\"said, once\"");

        result.Problems.Select(p => (p.Line, p.Column, p.Path)).Should().Equal((2, 4, "confidence"), (3, 6, "from"));
        result.Problems[0].Message.Should().Contain("goes on after it");
    }

    [Fact]
    public void A_quoted_note_over_several_lines_is_still_one_cell()
    {
        var result = ReadCsv(
            Header,
            "e1,support,2001,confirmed,s1,P,C,arms,0.5,\"line one",
            "line two, \"\"quoted\"\"\"",
            "e2,support,2002,confirmed,s1,P,C,arms,0.5,\"said, once\"");

        result.Problems.Should().BeEmpty();
        result.Case!.Evidence[0].Note.Should().Be("line one\nline two, \"quoted\"");
    }

    [Fact]
    public void A_quote_problem_in_a_column_headed_in_capitals_names_the_field_as_the_columns_other_problems_do()
    {
        // "CONFIDENCE" is read as "confidence" (one problem at its header cell); the unclosed quote in that column is
        // then at "confidence", not at "CONFIDENCE" (found by the CSV grammar fuzzer).
        var result = ReadCsv(
            "id,kind,date,CONFIDENCE,sources,from,to,resource,magnitude,note",
            "e1,support,2001,\"confirmed,s1,P,C,arms,0.5,");

        result.Problems.Select(p => (p.Line, p.Column, p.Path)).Should().Equal((1, 4, "CONFIDENCE"), (2, 4, "confidence"));
    }
}
