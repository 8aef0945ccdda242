using System.Text;
using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// Problems a first-time user met (from a review of the tool): a missing support magnitude that names only one of its
/// two forms, and one stray quote in an evidence sheet that hid every other problem in it.
/// </summary>
public sealed class InputErrorTests
{
    /// <summary>A case file with everything but the evidence: actors P, C; source s1; a unit u; P → C declared.</summary>
    private const string Head = """
        {
          "schema": "influence.case/1", "id": "errors", "name": "Input errors",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "units": [{ "id": "u", "name": "units", "reference": 50 }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
          "dyads": [{ "patron": "P", "client": "C" }]
        }
        """;

    private static CaseReadResult ReadCsv(params string[] lines) =>
        CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"), "case.json", "evidence.csv");

    [Fact]
    public void A_support_item_without_magnitude_is_told_it_may_give_amount_and_unit_instead()
    {
        var json = Head.TrimEnd()[..^1].TrimEnd() + """
            ,
              "evidence": [{ "id": "e1", "kind": "support", "date": "2005", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "funding" }]
            }
            """;

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "case.json");

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Path.Should().Be("$.evidence[0].magnitude");
        problem.Message.Should().Contain("\"magnitude\" (a number in [0, 1])").And.Contain("\"amount\"").And.Contain("\"unit\"");
    }

    [Fact]
    public void A_sheet_row_without_magnitude_or_amount_names_both_and_a_sheet_with_an_amount_column_is_not_told_it_lacks_one()
    {
        // The header has amount and unit but no magnitude: the row's empty amount is the row's problem, not the header's.
        var result = ReadCsv(
            "id,kind,date,confidence,sources,from,to,resource,amount,unit",
            "e1,support,2005,confirmed,s1,P,C,funding,,",
            "e2,support,2005,confirmed,s1,P,C,funding,50,u");

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Path, problem.ItemId).Should().Be((2, "magnitude", "e1"));
        problem.Message.Should().Contain("\"amount\"").And.Contain("\"unit\"");
    }

    [Fact]
    public void A_sheet_without_magnitude_and_amount_columns_gets_one_problem_at_the_header_naming_both()
    {
        var result = ReadCsv(
            "id,kind,date,confidence,sources,from,to,resource",
            "e1,support,2005,confirmed,s1,P,C,funding",
            "e2,support,2006,confirmed,s1,P,C,funding");

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Path).Should().Be((1, "magnitude"));
        problem.Message.Should().Be("expected a column \"magnitude\", or the columns \"amount\" and \"unit\" in its place: 2 rows need it and the header has none (column names are the case format's field names, in lower case)");
    }

    private const string Header = "id,kind,date,confidence,sources,from,to,resource,magnitude,note";

    [Fact]
    public void A_stray_quote_is_reported_with_every_other_problem_of_the_sheet_and_located_by_column_name()
    {
        // As a reviewer found it: a stray quote in row 2, and dates a spreadsheet reformatted in rows 3 and 4. Before,
        // the quote ran on into the rows after it and was the only problem reported, located at "$".
        var result = ReadCsv(
            Header,
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,a 5\" gun",
            "h2,support,7/14/2021,confirmed,s1,P,C,arms,0.5,plain",
            "h3,support,Mar-20,confirmed,s1,P,C,arms,0.5,plain",
            "h4,support,2004,confirmed,s1,P,C,arms,0.5,plain");

        result.Case.Should().BeNull();
        result.Problems.Select(p => (p.Line, p.Column, p.Path, p.ItemId)).Should().Equal(
            (2, 10, "note", "h1"),
            (3, 3, "date", "h2"),
            (4, 3, "date", "h3"));
        result.Problems[0].Message.Should().Contain("does not start with a quote but holds one");
        result.Problems.Should().OnlyContain(p => p.File == "evidence.csv" && !p.Path.StartsWith('$'));
    }

    [Fact]
    public void A_quote_never_closed_takes_the_rest_of_its_line_only_and_what_the_row_then_lacks_is_not_reported()
    {
        // The date cell opens a quote that never closes: the cell is the rest of line 2; the row's later columns, read
        // into it, are not reported as missing, nor its cell count; line 3 is read as the next row, and its slip found.
        var result = ReadCsv(
            Header,
            "h1,support,\"2001,confirmed,s1,P,C,arms,0.5,plain",
            "h2,support,2002,confirmed,s1,P,C,arms,1.5,plain");

        result.Problems.Select(p => (p.Line, p.Column, p.Path)).Should().Equal((2, 3, "date"), (3, 9, "magnitude"));
        result.Problems[0].Message.Should().Contain("never closed").And.Contain("the next line as the next row");
    }

    [Fact]
    public void After_a_malformed_cell_the_lines_of_later_rows_stay_right_across_quoted_line_breaks()
    {
        var result = ReadCsv(
            Header,
            "h1,support,2001,confirmed,s1,P,C,arms,\"0.5\"x,plain",
            "h2,support,2002,confirmed,s1,P,C,arms,0.5,\"two\nlines, and \"\"quotes\"\"\"",
            "h3,support,2003,confirmed,s1,P,C,arms,high,plain");

        result.Problems.Select(p => (p.Line, p.Column, p.Path, p.ItemId)).Should().Equal((2, 9, "magnitude", "h1"), (5, 9, "magnitude", "h3"));
        result.Problems[0].Message.Should().Contain("goes on after it");
    }

    [Fact]
    public void A_stray_quote_in_the_header_is_located_at_the_header_and_the_rows_are_still_read()
    {
        var result = ReadCsv(
            "id,kind,date,confidence,sources,from,to,resource,magnitude,no\"te",
            "h1,support,2001,confirmed,s1,P,C,arms,high");

        result.Problems.Should().Contain(p => p.Line == 1 && p.Column == 10 && p.Path == "header" && p.Message.Contains("holds one"));
        result.Problems.Should().Contain(p => p.Line == 2 && p.Path == "magnitude");
    }
}
