using System.Text;
using FluentAssertions;
using Influence.Cases;
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
}
