using System.Text;
using FluentAssertions;
using Influence.Cases;
using Influence.Internal;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// The evidence CSV reader restates the case reader's problems (an empty cell, a missing column, the row of an earlier
/// id, a reference left unchecked without a case) by their kind, never by their wording: rewording a message of the
/// case reader cannot break it, and a cell's own text that looks like a message or a reference is left alone.
/// </summary>
public sealed class ProblemKindTests
{
    /// <summary>A case file with everything but the evidence: actors P, C; source s1; unit usd; issue i1; objective o1; indicator n1.</summary>
    private const string Head = """
        {
          "schema": "influence.case/1",
          "id": "kinds",
          "name": "Kinds",
          "units": [{ "id": "usd", "name": "US dollars", "reference": 100 }],
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
          "issues": [{ "id": "i1", "name": "Issue" }],
          "objectives": [{ "id": "o1", "holder": "P", "toward": "C", "name": "Objective", "salience": 0.5 }],
          "indicators": [{ "id": "n1", "objective": "o1", "name": "Attacks", "direction": "lowerIsBetter", "best": 0, "worst": 100 }],
          "dyads": [{ "patron": "P", "client": "C" }]
        }
        """;

    private static CaseReadResult Read(string json, string csv) =>
        CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(csv), "case.json", "evidence.csv");

    private static CaseProblem Problem(string path, string? item, string message, ProblemKind kind, int line = 2, int earlier = -1) =>
        new(path, item, message) { File = "evidence.csv", Line = line, Detail = new(kind, earlier) };

    /// <summary>Runs <paramref name="use"/> on the table of a sheet, as the reader parses it.</summary>
    private static T WithTable<T>(string csv, Func<EvidenceCsv, T> use)
    {
        using var buffer = new NativeBuffer(1 << 16);
        return use(EvidenceCsv.Parse(Encoding.UTF8.GetBytes(csv), "evidence.csv", buffer));
    }

    [Fact]
    public void A_missing_field_is_said_as_an_empty_cell_by_its_kind_whatever_the_case_reader_said()
    {
        var said = EvidenceCsv.InCellTerms(
        [
            Problem("confidence", "e1", "reworded: no confidence", ProblemKind.MissingText),
            Problem("severity", "e1", "reworded: no severity", ProblemKind.MissingNumber),
            Problem("sources", "e1", "reworded: no sources", ProblemKind.MissingStrings),
        ]);

        said.Select(p => p.Message).Should().Equal(
            "expected a value in the \"confidence\" cell; it is empty",
            "expected a number in the \"severity\" cell; it is empty",
            "expected one or more source ids in the \"sources\" cell, separated by ';'; it is empty");
        said.Select(p => (p.Path, p.ItemId, p.Line)).Should().Equal(("confidence", "e1", 2), ("severity", "e1", 2), ("sources", "e1", 2));
    }

    [Fact]
    public void A_problem_of_another_kind_keeps_its_words_even_when_they_read_like_a_missing_field()
    {
        var problem = Problem("note", "e1", "expected \"note\" (a string); it is missing", ProblemKind.Other);

        EvidenceCsv.InCellTerms([problem]).Should().ContainSingle().Which.Message.Should().Be(problem.Message);
    }

    [Fact]
    public void Rows_missing_a_field_the_header_has_no_column_for_are_one_problem_by_their_kind_whatever_the_words()
    {
        var collapsed = WithTable("id,kind,date,sources,from,to,resource\ne1,support,2001,s1,P,C,arms\ne2,support,2001,s1,P,C,arms\n", table => table.CollapseMissingColumns(
        [
            Problem("confidence", "e1", "reworded", ProblemKind.MissingText),
            Problem("confidence", "e2", "reworded", ProblemKind.MissingText, line: 3),
            Problem("magnitude", "e1", "reworded", ProblemKind.MissingMagnitude),
            Problem("magnitude", "e2", "reworded", ProblemKind.MissingMagnitude, line: 3),
            Problem("confidence", "e2", "expected \"confidence\" (a string); it is missing", ProblemKind.Other, line: 3),
        ]));

        collapsed.Select(p => p.ToString()).Should().Equal(
            "evidence.csv:3: confidence (item 'e2'): expected \"confidence\" (a string); it is missing",
            "evidence.csv:1: confidence: expected a column \"confidence\": 2 rows need it and the header has none (column names are the case format's field names, in lower case)",
            "evidence.csv:1: magnitude: expected a column \"magnitude\", or the columns \"amount\" and \"unit\" in its place: 2 rows need it and the header has none (column names are the case format's field names, in lower case)");
    }

    [Fact]
    public void A_missing_field_whose_column_the_header_has_is_not_collapsed()
    {
        var kept = WithTable("id,kind,date,confidence,sources,from,to,resource,amount\ne1,support,2001,,s1,P,C,arms,\n", table => table.CollapseMissingColumns(
        [
            Problem("confidence", "e1", "reworded", ProblemKind.MissingText),
            Problem("magnitude", "e1", "reworded", ProblemKind.MissingMagnitude),
        ]));

        kept.Select(p => p.Message).Should().Equal("reworded", "reworded");
    }

    [Fact]
    public void A_duplicate_id_names_the_earlier_row_by_its_kind_and_index_not_by_the_words()
    {
        var located = WithTable("id,kind\ne1,support\nx,support\ne1,support\n", table => table.Locate(2, ".id", new CaseProblem("$.evidence[2].id", "e1", "reworded; the first is item 0") { Detail = new(ProblemKind.DuplicateEvidenceId, 0) }));

        located.ToString().Should().Be("evidence.csv:4:1: id (item 'e1'): expected a unique id; \"e1\" is already used by the row on line 2");
    }

    [Fact]
    public void A_message_that_names_evidence_by_its_index_is_left_alone_unless_it_is_a_duplicate_id()
    {
        var located = WithTable("id,kind\ne1,support\ne2,support\n", table => table.Locate(1, ".kind", new CaseProblem("$.evidence[1].kind", "e2", "expected one of \"support\", …; was \"evidence[0]\"")));

        located.Message.Should().Be("expected one of \"support\", …; was \"evidence[0]\"");
    }

    [Fact]
    public void A_cell_that_holds_evidence_and_an_index_is_quoted_as_it_is_not_taken_for_a_row()
    {
        var result = Read(Head, "id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2001,confirmed,s1,P,C,arms,0.5\ne2,evidence[0],2001,confirmed,s1,P,C,arms,0.5\n");

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Column, problem.Path).Should().Be((3, 2, "kind"));
        problem.Message.Should().EndWith("was \"evidence[0]\"").And.NotContain("the row on line");
    }

    [Fact]
    public void The_case_reader_gives_each_problem_the_csv_reader_restates_its_kind()
    {
        // One of each: a missing string, array of strings and number; a support item with neither magnitude nor
        // amount; an id used twice; and an id that names nothing the case declares, in a rejected item (said by the
        // case reader) and in accepted ones (said by the builder), of every kind of reference.
        var json = Head.TrimEnd().TrimEnd('}') + """
              ,"evidence": [
                { "id": "m1", "kind": "coercion", "date": "2001", "sources": ["s1"], "from": "P", "to": "C", "type": "clash" },
                { "id": "m2", "kind": "support", "date": "2001", "confidence": "confirmed", "from": "P", "to": "C", "resource": "arms" },
                { "id": "m1", "kind": "demand", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "Q", "issue": "i9", "response": "complied" },
                { "id": "a1", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["s9"], "from": "Q", "to": "C", "resource": "arms", "amount": 5, "unit": "eur" },
                { "id": "a2", "kind": "attainment", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "objective": "o9", "value": 0.5 },
                { "id": "a3", "kind": "indicator", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "indicator": "n9", "value": 3 },
                { "id": "a4", "kind": "capability", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "actor": "Q", "value": 3 }
              ]
            }
            """;

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "case.json").Problems;

        problems.Select(p => (p.Path, p.Kind)).Should().Equal(
            ("$.evidence[0].confidence", ProblemKind.MissingText),
            ("$.evidence[0].severity", ProblemKind.MissingNumber),
            ("$.evidence[1].magnitude", ProblemKind.MissingMagnitude),
            ("$.evidence[1].sources", ProblemKind.MissingStrings),
            ("$.evidence[2].salience", ProblemKind.MissingNumber),
            ("$.evidence[2].id", ProblemKind.DuplicateEvidenceId),
            ("$.evidence[2].to", ProblemKind.UnknownReference),
            ("$.evidence[2].issue", ProblemKind.UnknownReference),
            ("$.evidence[3].sources[0]", ProblemKind.UnknownReference),
            ("$.evidence[3].from", ProblemKind.UnknownReference),
            ("$.evidence[3].unit", ProblemKind.UnknownReference),
            ("$.evidence[4].objective", ProblemKind.UnknownReference),
            ("$.evidence[5].indicator", ProblemKind.UnknownReference),
            ("$.evidence[6].actor", ProblemKind.UnknownReference));
        problems.Single(p => p.Kind == ProblemKind.DuplicateEvidenceId).Detail.Earlier.Should().Be(0);
    }

    [Fact]
    public void A_sheet_alone_leaves_out_every_reference_of_its_rows_and_keeps_the_rest()
    {
        var csv = "id,kind,date,confidence,sources,from,to,resource,magnitude,amount,unit,issue,salience,response,objective,indicator,actor,value\n"
            + "e1,support,2001,confirmed,s1,P,C,arms,,5,usd,,,,,,,\n"
            + "e2,demand,2001,confirmed,s1,P,C,,,,,i1,0.5,complied,,,,\n"
            + "e3,attainment,2001,confirmed,s1,,,,,,,,,,o1,,,0.5\n"
            + "e4,indicator,2001,confirmed,s1,,,,,,,,,,,n1,,3\n"
            + "e5,capability,2001,confirmed,s1,,,,,,,,,,,,P,x\n";

        var problems = CaseReader.EvidenceCsvProblemsWithoutCase(Encoding.UTF8.GetBytes(csv), "evidence.csv");

        problems.Select(p => p.ToString()).Should().Equal("evidence.csv:6:18: value (item 'e5'): expected a finite number > 0; was \"x\"");
    }

    [Fact]
    public void A_problems_detail_is_kept_by_with_and_is_no_part_of_its_equality()
    {
        var plain = new CaseProblem("$.evidence[0].note", "e1", "expected \"note\" (a string); it is missing") { Line = 3 };
        var kinded = plain with { Detail = new(ProblemKind.MissingText) };

        kinded.Should().Be(plain);
        kinded.GetHashCode().Should().Be(plain.GetHashCode());
        (kinded with { Line = 4 }).Kind.Should().Be(ProblemKind.MissingText);
        plain.Kind.Should().Be(ProblemKind.Other);
        new ProblemDetail(ProblemKind.MissingText, 3).Earlier.Should().Be(-1, "only a duplicate id has an earlier item");
        default(ProblemDetail).Earlier.Should().Be(-1);
    }
}
